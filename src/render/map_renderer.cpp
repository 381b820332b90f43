#include "render/map_renderer.hpp"

#include <cstddef>
#include <cstdint>

#include "core/palette.hpp"
#include "render/gl_util.hpp"

namespace render {

// Each vertex carries its country's land class (core::LandClass); the theme's palette gives the colours.
static const char* kFillVertex = R"(#version 300 es
uniform mat3 u_view;
uniform vec4 u_land[3];
layout(location = 0) in vec2 a_pos;
layout(location = 1) in float a_class;
out vec4 v_color;
void main() {
  gl_Position = vec4((u_view * vec3(a_pos, 1.0)).xy, 0.0, 1.0);
  int k = int(a_class + 0.5);
  v_color = k == 2 ? u_land[2] : k == 1 ? u_land[1] : u_land[0];
}
)";
static const char* kFillFragment = R"(#version 300 es
precision mediump float;
in vec4 v_color;
out vec4 o_color;
void main() { o_color = v_color; }
)";

// One quad per segment (four vertices, see LineVertex below). The quad is built in pixel space around the projected
// segment, widened by the half width plus one pixel of fringe, and lengthened by the same at both ends so consecutive
// segments overlap at the joins (round enough for map lines of a few pixels).
static const char* kLineVertex = R"(#version 300 es
uniform mat3 u_view;
uniform vec2 u_viewport_px;
uniform float u_half_width_px;
layout(location = 0) in vec2 a_corner;   // x: 0 at the start, 1 at the end; y: -1 or +1 across
layout(location = 1) in vec4 a_segment;  // start xy, end xy (map km)
layout(location = 2) in vec2 a_km;       // distance along the route at start and end
out float v_across_px;
out float v_km;
void main() {
  vec2 half_px = 0.5 * u_viewport_px;
  vec2 p0 = (u_view * vec3(a_segment.xy, 1.0)).xy * half_px;
  vec2 p1 = (u_view * vec3(a_segment.zw, 1.0)).xy * half_px;
  vec2 d = p1 - p0;
  float len = length(d);
  vec2 along = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 across = vec2(-along.y, along.x);
  float w = u_half_width_px + 1.0;
  vec2 p = mix(p0, p1, a_corner.x) + across * (a_corner.y * w) + along * ((a_corner.x * 2.0 - 1.0) * w);
  gl_Position = vec4(p / half_px, 0.0, 1.0);
  v_across_px = a_corner.y * w;
  v_km = mix(a_km.x, a_km.y, a_corner.x);
}
)";
static const char* kLineFragment = R"(#version 300 es
precision highp float;
uniform vec4 u_color;
uniform float u_half_width_px;
uniform float u_until_km;
uniform float u_dash_px;
uniform float u_px_per_km;
in float v_across_px;
in float v_km;
out vec4 o_color;
void main() {
  if (v_km > u_until_km) discard;
  if (u_dash_px > 0.0 && mod(v_km * u_px_per_km, 2.0 * u_dash_px) > u_dash_px) discard;
  float coverage = clamp(u_half_width_px + 0.5 - abs(v_across_px), 0.0, 1.0);
  o_color = vec4(u_color.rgb, u_color.a * coverage);
}
)";

// Every segment becomes a quad of four vertices that all carry the whole segment (and its km span) plus which
// corner they are; the vertex shader places the corner. Plain indexed triangles rather than instancing:
// software GL (SwiftShader, the fallback on machines without a GPU) runs instanced draws one instance at a
// time, which made 20,000 coastline segments cost 300 ms a frame; this way they cost a few.
struct LineVertex {
  float segment[4];
  float km[2];
  float corner[2];
};

static GpuLines make_lines(const std::vector<float>& per_segment, bool with_km) {
  // per_segment: 4 floats (xy xy) or 6 (xy xy km km) per segment
  const std::size_t stride = with_km ? 6 : 4;
  const std::size_t count = per_segment.size() / stride;
  static const float kCorners[4][2] = {{0, -1}, {0, 1}, {1, -1}, {1, 1}};
  std::vector<LineVertex> vertices;
  std::vector<std::uint32_t> indices;
  vertices.reserve(count * 4);
  indices.reserve(count * 6);
  for (std::size_t i = 0; i < count; ++i) {
    const float* s = &per_segment[i * stride];
    const auto base = static_cast<std::uint32_t>(vertices.size());
    for (const auto& c : kCorners)
      vertices.push_back({{s[0], s[1], s[2], s[3]}, {with_km ? s[4] : 0.0f, with_km ? s[5] : 0.0f}, {c[0], c[1]}});
    for (std::uint32_t k : {0u, 1u, 2u, 2u, 1u, 3u}) indices.push_back(base + k);
  }
  GpuLines g;
  g.index_count = static_cast<GLsizei>(indices.size());
  glGenVertexArrays(1, &g.vao);
  glBindVertexArray(g.vao);
  g.buffer = make_static_buffer(GL_ARRAY_BUFFER, vertices.data(), vertices.size() * sizeof(LineVertex));
  const GLsizei size = sizeof(LineVertex);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, size, reinterpret_cast<const void*>(offsetof(LineVertex, corner)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_FLOAT, GL_FALSE, size, reinterpret_cast<const void*>(offsetof(LineVertex, segment)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, size, reinterpret_cast<const void*>(offsetof(LineVertex, km)));
  g.indices = make_static_buffer(GL_ELEMENT_ARRAY_BUFFER, indices.data(), indices.size() * sizeof(std::uint32_t));
  glBindVertexArray(0);
  return g;
}

void map_renderer_begin(MapRenderer& r) {
  if (r.fill_build.program || r.fill_program) return;
  r.fill_build = begin_program(kFillVertex, kFillFragment);
  r.line_build = begin_program(kLineVertex, kLineFragment);
}

static void delete_gpu_geometry(MapRenderer& r);

bool map_renderer_finish_programs(MapRenderer& r, std::string* error) {
  if (r.fill_program && r.line_program) return true;
  map_renderer_begin(r);  // (after a lost context, nothing was begun)
  r.fill_program = finish_program(r.fill_build, error);
  if (!r.fill_program) return false;
  r.line_program = finish_program(r.line_build, error);
  if (!r.line_program) return false;
  r.fill_uniforms = {glGetUniformLocation(r.fill_program, "u_view"), glGetUniformLocation(r.fill_program, "u_land")};
  r.line_uniforms = {
      glGetUniformLocation(r.line_program, "u_view"),          glGetUniformLocation(r.line_program, "u_viewport_px"),
      glGetUniformLocation(r.line_program, "u_half_width_px"), glGetUniformLocation(r.line_program, "u_color"),
      glGetUniformLocation(r.line_program, "u_until_km"),      glGetUniformLocation(r.line_program, "u_dash_px"),
      glGetUniformLocation(r.line_program, "u_px_per_km")};
  r.line_values.valid = false;
  return true;
}

void map_renderer_warm_up(MapRenderer& r, bool canvas_alpha) {
  // The real draw calls, on a triangle of land and one coastline segment that cover the 4x4 target.
  MapGeometry tiny;
  tiny.land.push_back(LandMesh{{-1, -1, 3, -1, -1, 3}, {0, 1, 2}, {0, 1, 2}});
  tiny.lines.push_back(LineLayer{{-1, 0, 1, 0}, false, 4.0f});
  map_renderer_upload(r, tiny);
  WarmUpTarget target = begin_warm_up(canvas_alpha);
  const float identity[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};
  map_renderer_draw(r, identity, 4, 4, 1.0f, 0.0f, false);
  end_warm_up(target);
  delete_gpu_geometry(r);
  r.line_values.valid = false;
}

bool map_renderer_create(MapRenderer& r, const MapGeometry& geometry, std::string* error) {
  if (!map_renderer_finish_programs(r, error)) return false;
  while (glGetError() != GL_NO_ERROR) {
  }  // start clean: only errors of the upload count below
  map_renderer_upload(r, geometry);
  if (glGetError() != GL_NO_ERROR) {
    *error = kMapRefused;
    return false;
  }
  return true;
}

void map_renderer_upload(MapRenderer& r, const MapGeometry& geometry) {
  delete_gpu_geometry(r);  // (a map uploaded before)
  for (const LandMesh& mesh : geometry.land) {
    MapRenderer::GpuMesh g;
    glGenVertexArrays(1, &g.vao);
    glBindVertexArray(g.vao);
    g.vertices = make_static_buffer(GL_ARRAY_BUFFER, mesh.xy.data(), mesh.xy.size() * sizeof(float));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    g.classes =
        make_static_buffer(GL_ARRAY_BUFFER, mesh.land_class.data(), mesh.land_class.size() * sizeof(std::uint32_t));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_UNSIGNED_BYTE, GL_FALSE, sizeof(std::uint32_t), nullptr);  // the low byte
    g.indices =
        make_static_buffer(GL_ELEMENT_ARRAY_BUFFER, mesh.indices.data(), mesh.indices.size() * sizeof(std::uint32_t));
    glBindVertexArray(0);
    g.index_count = static_cast<GLsizei>(mesh.indices.size());
    g.min_zoom = mesh.min_zoom;
    g.max_zoom = mesh.max_zoom;
    r.land.push_back(g);
  }

  for (const LineLayer& layer : geometry.lines) {
    GpuLines g = make_lines(layer.segments, false);
    g.border = layer.border;
    g.width_px = layer.width_px;
    g.min_zoom = layer.min_zoom;
    g.max_zoom = layer.max_zoom;
    r.lines.push_back(g);
  }
}

void destroy_lines(GpuLines& g, bool context_lost) {
  if (!context_lost) {
    glDeleteVertexArrays(1, &g.vao);
    GLuint buffers[2] = {g.buffer, g.indices};
    glDeleteBuffers(2, buffers);
  }
  g = GpuLines{};
}

static void delete_gpu_geometry(MapRenderer& r) {
  for (MapRenderer::GpuMesh& g : r.land) {
    glDeleteVertexArrays(1, &g.vao);
    GLuint buffers[3] = {g.vertices, g.classes, g.indices};
    glDeleteBuffers(3, buffers);
  }
  r.land.clear();
  for (GpuLines& g : r.lines) destroy_lines(g, false);
  r.lines.clear();
}

void map_renderer_destroy(MapRenderer& r, bool context_lost) {
  forget_program_build(r.fill_build, context_lost);
  forget_program_build(r.line_build, context_lost);
  if (!context_lost) {
    glDeleteProgram(r.fill_program);
    glDeleteProgram(r.line_program);
    delete_gpu_geometry(r);
  }
  r = MapRenderer{};
}

// The line program's uniforms, each sent only when its value differs from the one the program holds: a WebGL
// call costs far more than the comparison (a frame draws up to a dozen line sets with the same view).
static bool differs(float* held, const float* wanted, int n) {
  bool changed = false;
  for (int i = 0; i < n; ++i)
    if (held[i] != wanted[i]) {
      held[i] = wanted[i];
      changed = true;
    }
  return changed;
}
static void set_line_uniforms(const MapRenderer& r, const float view[9], int w, int h, float half_width_px,
                              const float rgba[4], float until_km, float dash_px, float px_per_km) {
  MapRenderer::LineUniformValues& held = r.line_values;
  const float viewport[2] = {static_cast<float>(w), static_cast<float>(h)};
  if (differs(held.view, view, 9) || !held.valid) glUniformMatrix3fv(r.line_uniforms.view, 1, GL_FALSE, held.view);
  if (differs(held.viewport, viewport, 2) || !held.valid)
    glUniform2f(r.line_uniforms.viewport_px, viewport[0], viewport[1]);
  if (differs(&held.half_width_px, &half_width_px, 1) || !held.valid)
    glUniform1f(r.line_uniforms.half_width_px, half_width_px);
  if (differs(held.color, rgba, 4) || !held.valid) glUniform4fv(r.line_uniforms.color, 1, rgba);
  if (differs(&held.until_km, &until_km, 1) || !held.valid) glUniform1f(r.line_uniforms.until_km, until_km);
  if (differs(&held.dash_px, &dash_px, 1) || !held.valid) glUniform1f(r.line_uniforms.dash_px, dash_px);
  if (differs(&held.px_per_km, &px_per_km, 1) || !held.valid) glUniform1f(r.line_uniforms.px_per_km, px_per_km);
  held.valid = true;
}

void map_renderer_draw(const MapRenderer& r, const float view[9], int w, int h, float pixel_ratio, float zoom,
                       bool dark) {
  glViewport(0, 0, w, h);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);

  glUseProgram(r.fill_program);
  glUniformMatrix3fv(r.fill_uniforms.view, 1, GL_FALSE, view);
  const core::MapPalette& palette = core::map_palette(dark);
  glUniform4fv(r.fill_uniforms.land, core::kLandClassCount, &palette.land[0][0]);
  for (const MapRenderer::GpuMesh& g : r.land) {
    if (zoom < g.min_zoom || zoom > g.max_zoom) continue;
    glBindVertexArray(g.vao);
    glDrawElements(GL_TRIANGLES, g.index_count, GL_UNSIGNED_INT, nullptr);
  }

  glUseProgram(r.line_program);
  for (const GpuLines& g : r.lines) {
    if (zoom < g.min_zoom || zoom > g.max_zoom || g.index_count == 0) continue;
    set_line_uniforms(r, view, w, h, 0.5f * g.width_px * pixel_ratio, g.border ? palette.border : palette.coast, 1e30f,
                      0.0f, 0.0f);
    glBindVertexArray(g.vao);
    glDrawElements(GL_TRIANGLES, g.index_count, GL_UNSIGNED_INT, nullptr);
  }
  glBindVertexArray(0);
}

GpuLines upload_route(const MapRenderer&, const RouteGeometry& route) {
  std::vector<float> per_segment;
  const size_t n = route.km.size();
  per_segment.reserve(n > 1 ? (n - 1) * 6 : 0);
  for (size_t i = 0; i + 1 < n; ++i) {
    per_segment.insert(per_segment.end(), {route.xy[2 * i], route.xy[2 * i + 1], route.xy[2 * i + 2],
                                           route.xy[2 * i + 3], route.km[i], route.km[i + 1]});
  }
  return make_lines(per_segment, true);
}

void draw_route(const MapRenderer& r, const GpuLines& route, std::initializer_list<RouteStyle> styles,
                const float view[9], int w, int h, float pixel_ratio) {
  if (route.index_count == 0) return;
  glUseProgram(r.line_program);
  glBindVertexArray(route.vao);
  for (const RouteStyle& style : styles) {
    set_line_uniforms(r, view, w, h, 0.5f * style.width_px * pixel_ratio, style.rgba, style.until_km,
                      style.dash_px * pixel_ratio, style.px_per_km * pixel_ratio);
    glDrawElements(GL_TRIANGLES, route.index_count, GL_UNSIGNED_INT, nullptr);
  }
  glBindVertexArray(0);
}

}  // namespace render
