// The map camera: a plain struct (centre on the projected plane, zoom, viewport) and free functions for
// every way the reader moves it: drag, wheel about the cursor, pinch, fit-to-bounds with room for the sidebar,
// limits, and an animated fly-to along van Wijk and Nuij's "smooth and efficient zooming and panning" path
// (the one d3-interpolate's interpolateZoom follows). World units are projected km (core/projection.hpp),
// x east, y north; screen units are CSS pixels, origin at the top-left of the canvas, y down.
#pragma once

#include <array>
#include <vector>

#include "core/labels.hpp"  // ScreenRect
#include "core/projection.hpp"

namespace core {

struct ScreenPoint {
  double x = 0.0;  // CSS px from the left edge of the canvas
  double y = 0.0;  // CSS px from the top edge
};

struct Viewport {
  double width = 1.0;        // CSS px
  double height = 1.0;       // CSS px
  double pixel_ratio = 1.0;  // device px per CSS px (window.devicePixelRatio)
};

struct Camera {
  PlanePoint centre;  // world point at the centre of the viewport
  double zoom = 0.0;  // log2(CSS px per km): 0 = 1 px/km, -2 = 4 km/px (East Asia), 6 = 15.6 m/px
  Viewport viewport;
};

// What the reader may do: zoom range and the rectangle the centre must stay in.
struct CameraLimits {
  double min_zoom = -4.0;
  double max_zoom = 7.0;
  PlaneRect centre_bounds;  // empty = no constraint on the centre
  // Where the base map has data: the view stays inside it wherever the zoom allows (beyond it is blank sea).
  PlaneRect view_bounds;
};

// Whether two cameras show the same part of the map (same centre and zoom).
inline bool same_view(const Camera& a, const Camera& b) {
  return a.centre.x == b.centre.x && a.centre.y == b.centre.y && a.zoom == b.zoom;
}

// Padding (CSS px) kept free on each side by fit_bounds, e.g. left = the sidebar's width.
struct Padding {
  double top = 0.0, right = 0.0, bottom = 0.0, left = 0.0;
};

double pixels_per_km(const Camera& camera);  // CSS px per km: 2^zoom
double km_per_pixel(const Camera& camera);   // km per CSS px: the scale the renderer picks map levels by

ScreenPoint world_to_screen(const Camera& camera, PlanePoint world);
PlanePoint screen_to_world(const Camera& camera, ScreenPoint screen);

// The world rectangle the viewport shows (axis-aligned: the camera never rotates).
PlaneRect visible_rect(const Camera& camera);

// Zoom clamped to [min_zoom, max_zoom], centre clamped into centre_bounds (when not empty).
Camera clamp_camera(Camera camera, const CameraLimits& limits);

// Drag: the map moves with the pointer by (dx, dy) CSS px.
Camera pan_by(const Camera& camera, double dx, double dy, const CameraLimits& limits);

// Zoom by delta_zoom (log2 units: +1 = twice as close) about a screen point: the world point under `anchor`
// stays under it, unless a limit clamps the centre.
Camera zoom_about(const Camera& camera, ScreenPoint anchor, double delta_zoom, const CameraLimits& limits);

// d3-zoom's wheel mapping: zoom change for a WheelEvent's deltaY and deltaMode (0 pixel, 1 line, 2 page).
// Scrolling down (deltaY > 0) zooms out.
double wheel_zoom_delta(double delta_y, int delta_mode);

// Two-finger gesture, stateless: `start` is the camera when both fingers went down at a0, b0; they are now at
// a1, b1. The zoom changes by log2 of the ratio of finger distances and the world point that was under the
// fingers' midpoint follows the midpoint.
Camera pinch(const Camera& start, ScreenPoint a0, ScreenPoint b0, ScreenPoint a1, ScreenPoint b1,
             const CameraLimits& limits);

// The closest view (highest zoom, up to limits.max_zoom, not below limits.min_zoom) that shows all of
// `bounds` inside the viewport minus the padding, centred in that padded area. The centre is not clamped
// (doing so could push part of the bounds out of view). A point-sized bounds gets max_zoom.
Camera fit_bounds(const PlaneRect& bounds, const Viewport& viewport, const Padding& padding,
                  const CameraLimits& limits);

// The padding for fit_bounds that frames `bounds` as large as the panels over the map allow. Of the rectangles of
// the canvas that no panel covers (each side on a canvas edge or a panel's edge), it takes the one in which
// `bounds` would be drawn largest, then keeps `margin` inside it on every side (room for the labels at the
// route's ends). A title block across the top of an embed thus pushes the route below it, or beside it when the
// route is tall and narrow, whichever shows it larger; a route never goes under a panel. No free rectangle (the
// panels cover everything): `margin` alone.
Padding padding_for_panels(const PlaneRect& bounds, const Viewport& viewport, const std::vector<ScreenRect>& panels,
                           const Padding& margin);

// The region every trip needs (Singapore to Vostochny, 96°E–146°E, 2°S–56°N): the first view and the camera's
// limits.
PlaneRect journeys_region();
// The camera's limits for a viewport: never zoomed out beyond the whole region (half a level of margin; further
// out shows nothing new), in no closer than zoom 7, the centre inside the region. Keeps limits.view_bounds.
void fit_limits_to_viewport(CameraLimits& limits, const Viewport& viewport);

// Bounds of a set of points (e.g. a route projected), empty for no points.
PlaneRect bounds_of(const std::vector<PlanePoint>& points);

// The optimal zoom-and-pan path between two views (van Wijk & Nuij 2003; d3.interpolateZoom). A view is a
// centre u and a width w = the world size of the viewport's larger side. The path is the geodesic of the
// hyperbolic metric ds² = (rho⁴ du² + dw²) / w², travelled at constant speed; `length` is d3's S (the
// geodesic's length / rho), which grows with the distance and the zoom change.
struct FlyPath {
  Camera from, to;
  double rho = 1.4142135623730951;
  double length = 0.0;    // S
  double duration = 0.0;  // seconds, see fly_duration
  // Internals of the closed form.
  double ux0 = 0, uy0 = 0, dx = 0, dy = 0, d1 = 0, w0 = 1, w1 = 1, r0 = 0;
  bool pure_zoom = true;
};

// Seconds for a path of length S: S * seconds_per_unit (d3 takes 1 s per unit with rho = sqrt 2), clamped.
double fly_duration(double length, double seconds_per_unit = 1.0, double min_seconds = 0.4, double max_seconds = 3.0);

// Both cameras should share a viewport (the path runs in from.viewport; the end returns `to` exactly).
FlyPath make_fly_path(const Camera& from, const Camera& to, double rho = 1.4142135623730951);

// The view at t in [0, 1] (t is clamped): exactly `from` at t <= 0 and exactly `to` at t >= 1.
Camera fly_at(const FlyPath& path, double t);

// Column-major 3x3 matrix (for glUniformMatrix3fv with transpose = GL_FALSE) taking world km (x, y, 1)
// to clip space: x right, y up, the viewport's edges at ±1. Pixel ratio does not enter (clip space is
// resolution independent); line widths in device px are the renderer's business.
std::array<float, 9> view_matrix(const Camera& camera);

}  // namespace core
