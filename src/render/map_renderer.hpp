// The WebGL2 map: land, coastlines and borders in static buffers uploaded once; per frame only the view
// uniform changes. Lines are extruded in the vertex shader to a constant width in screen pixels and
// anti-aliased in the fragment shader, so they stay crisp at any zoom and pixel ratio without re-uploading.
// Routes use the same line program with a per-vertex distance along the route, so "draw up to a fraction"
// and dashes are uniforms too.
#pragma once
#include <GLES3/gl3.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "render/gl_util.hpp"

namespace render {

// Geometry in projected map units (km), prepared once on the CPU from the map asset.
struct LineLayer {
  std::vector<float> segments;              // fx, fy, tx, ty per segment
  bool border = false;                      // a border (else a coastline): its colour comes from the theme's palette
  float width_px;                           // CSS pixels
  float min_zoom = -1e9f, max_zoom = 1e9f;  // drawn only within this camera zoom range (detail levels)
};
struct LandMesh {
  std::vector<float> xy;
  std::vector<std::uint32_t> land_class;  // per vertex, by country: core::LandClass in the low byte
  std::vector<std::uint32_t> indices;
  float min_zoom = -1e9f, max_zoom = 1e9f;
};
struct MapGeometry {
  std::vector<LandMesh> land;
  std::vector<LineLayer> lines;  // drawn in order, after the land
};

// A route polyline: projected points with the distance along the route (km) at each.
struct RouteGeometry {
  std::vector<float> xy;
  std::vector<float> km;
};
struct RouteStyle {
  float rgba[4];
  float width_px;
  float dash_px = 0.0f;    // 0: solid; otherwise dash and gap length in CSS pixels
  float until_km = 1e30f;  // draw only the first until_km of the route (the animation)
  float px_per_km = 1.0f;  // current camera scale, for dashes measured on screen
};

struct GpuLines {
  GLuint vao = 0, buffer = 0, indices = 0;
  GLsizei index_count = 0;
  float rgba[4] = {};
  bool border = false;  // map lines: a border (else a coastline), coloured by the theme's palette
  float width_px = 1.0f;
  float min_zoom = -1e9f, max_zoom = 1e9f;
};

struct MapRenderer {
  ProgramBuild fill_build, line_build;  // asked for at start, finished by map_renderer_create
  GLuint fill_program = 0, line_program = 0;
  struct GpuMesh {
    GLuint vao = 0, vertices = 0, classes = 0, indices = 0;
    GLsizei index_count = 0;
    float min_zoom = -1e9f, max_zoom = 1e9f;
  };
  std::vector<GpuMesh> land;
  std::vector<GpuLines> lines;
  struct {
    GLint view, land;
  } fill_uniforms{};
  struct {
    GLint view, viewport_px, half_width_px, color, until_km, dash_px, px_per_km;
  } line_uniforms{};
  // What the line program's uniforms hold now (sent only on change); a new program starts with nothing valid.
  struct LineUniformValues {
    float view[9] = {}, viewport[2] = {}, half_width_px = 0, color[4] = {}, until_km = 0, dash_px = 0, px_per_km = 0;
    bool valid = false;
  };
  mutable LineUniformValues line_values;
};

// Asks the driver for the programs (compiled while the page goes on: gl_util.hpp).
void map_renderer_begin(MapRenderer& r);
// Finishes the programs (beginning them first if need be). On failure returns false with the driver's reason
// in *error.
bool map_renderer_finish_programs(MapRenderer& r, std::string* error);
// Draws with both programs once, off-screen (gl_util.hpp's WarmUpTarget), so that the driver prepares their
// pipelines while the page goes on (the programs finished first).
void map_renderer_warm_up(MapRenderer& r, bool canvas_alpha);
// Uploads the geometry (the programs finished first). It reads no error: that waits for the GPU process to
// catch up, so the start asks glGetError() once the map's frame is drawn and, if WebGL refused, says kMapRefused.
void map_renderer_upload(MapRenderer& r, const MapGeometry& geometry);
inline constexpr const char* kMapRefused = "WebGL refused the map geometry (out of memory?)";
// Both, at once, the upload checked (after a lost context).
bool map_renderer_create(MapRenderer& r, const MapGeometry& geometry, std::string* error);
// Forgets every GL object. After a lost context the objects are already gone: pass context_lost = true.
void map_renderer_destroy(MapRenderer& r, bool context_lost);

// view: column-major 3x3 from map km to clip space; w, h: drawing buffer in device pixels; zoom: the camera's,
// which picks the detail level of each layer.
void map_renderer_draw(const MapRenderer& r, const float view[9], int viewport_w, int viewport_h, float pixel_ratio,
                       float zoom, bool dark);

GpuLines upload_route(const MapRenderer& r, const RouteGeometry& route);
// The route once per style, in order (the whole route light, then the part travelled): one program and one vertex
// array bound for all of them.
void draw_route(const MapRenderer& r, const GpuLines& route, std::initializer_list<RouteStyle> styles,
                const float view[9], int viewport_w, int viewport_h, float pixel_ratio);
void destroy_lines(GpuLines& lines, bool context_lost);

}  // namespace render
