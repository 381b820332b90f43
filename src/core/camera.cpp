#include "core/camera.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace core {

namespace {
double clampd(double v, double lo, double hi) { return std::max(lo, std::min(hi, v)); }
double view_size(const Viewport& v) { return std::max(v.width, v.height); }
// Centre that puts `world` under `screen` at scale s (CSS px per km).
PlanePoint centre_for(PlanePoint world, ScreenPoint screen, const Viewport& v, double s) {
  return {world.x - (screen.x - v.width * 0.5) / s, world.y + (screen.y - v.height * 0.5) / s};
}
}  // namespace

double pixels_per_km(const Camera& camera) { return std::exp2(camera.zoom); }
double km_per_pixel(const Camera& camera) { return std::exp2(-camera.zoom); }

ScreenPoint world_to_screen(const Camera& camera, PlanePoint world) {
  const double s = pixels_per_km(camera);
  return {camera.viewport.width * 0.5 + (world.x - camera.centre.x) * s,
          camera.viewport.height * 0.5 - (world.y - camera.centre.y) * s};
}

PlanePoint screen_to_world(const Camera& camera, ScreenPoint screen) {
  const double s = pixels_per_km(camera);
  return {camera.centre.x + (screen.x - camera.viewport.width * 0.5) / s,
          camera.centre.y - (screen.y - camera.viewport.height * 0.5) / s};
}

PlaneRect visible_rect(const Camera& camera) {
  const double hw = camera.viewport.width * 0.5 / pixels_per_km(camera);
  const double hh = camera.viewport.height * 0.5 / pixels_per_km(camera);
  return {camera.centre.x - hw, camera.centre.y - hh, camera.centre.x + hw, camera.centre.y + hh};
}

Camera clamp_camera(Camera camera, const CameraLimits& limits) {
  camera.zoom = clampd(camera.zoom, limits.min_zoom, limits.max_zoom);
  if (!limits.centre_bounds.empty()) {
    camera.centre.x = clampd(camera.centre.x, limits.centre_bounds.min_x, limits.centre_bounds.max_x);
    camera.centre.y = clampd(camera.centre.y, limits.centre_bounds.min_y, limits.centre_bounds.max_y);
  }
  const PlaneRect& b = limits.view_bounds;
  if (!b.empty() && camera.viewport.width > 0 && camera.viewport.height > 0) {
    const double half_w = camera.viewport.width / 2 / pixels_per_km(camera);
    const double half_h = camera.viewport.height / 2 / pixels_per_km(camera);
    if (b.max_x - b.min_x >= 2 * half_w) camera.centre.x = clampd(camera.centre.x, b.min_x + half_w, b.max_x - half_w);
    if (b.max_y - b.min_y >= 2 * half_h) camera.centre.y = clampd(camera.centre.y, b.min_y + half_h, b.max_y - half_h);
  }
  return camera;
}

Camera pan_by(const Camera& camera, double dx, double dy, const CameraLimits& limits) {
  Camera c = camera;
  const double s = pixels_per_km(camera);
  c.centre.x -= dx / s;
  c.centre.y += dy / s;
  return clamp_camera(c, limits);
}

Camera zoom_about(const Camera& camera, ScreenPoint anchor, double delta_zoom, const CameraLimits& limits) {
  const PlanePoint world = screen_to_world(camera, anchor);
  Camera c = camera;
  c.zoom = clampd(camera.zoom + delta_zoom, limits.min_zoom, limits.max_zoom);
  c.centre = centre_for(world, anchor, c.viewport, pixels_per_km(c));
  return clamp_camera(c, limits);
}

double wheel_zoom_delta(double delta_y, int delta_mode) {
  const double per_unit = delta_mode == 1 ? 0.05 : delta_mode != 0 ? 1.0 : 0.002;
  return -delta_y * per_unit;
}

Camera pinch(const Camera& start, ScreenPoint a0, ScreenPoint b0, ScreenPoint a1, ScreenPoint b1,
             const CameraLimits& limits) {
  const double d0 = std::hypot(b0.x - a0.x, b0.y - a0.y);
  const double d1 = std::hypot(b1.x - a1.x, b1.y - a1.y);
  const ScreenPoint m0{(a0.x + b0.x) * 0.5, (a0.y + b0.y) * 0.5};
  const ScreenPoint m1{(a1.x + b1.x) * 0.5, (a1.y + b1.y) * 0.5};
  const PlanePoint world = screen_to_world(start, m0);
  Camera c = start;
  if (d0 > 1e-6 && d1 > 1e-6) c.zoom = start.zoom + std::log2(d1 / d0);
  c.zoom = clampd(c.zoom, limits.min_zoom, limits.max_zoom);
  c.centre = centre_for(world, m1, c.viewport, pixels_per_km(c));
  return clamp_camera(c, limits);
}

Camera fit_bounds(const PlaneRect& bounds, const Viewport& viewport, const Padding& padding,
                  const CameraLimits& limits) {
  Camera c;
  c.viewport = viewport;
  if (bounds.empty()) {
    c.zoom = limits.min_zoom;
    return c;
  }
  const double avail_w = std::max(1.0, viewport.width - padding.left - padding.right);
  const double avail_h = std::max(1.0, viewport.height - padding.top - padding.bottom);
  double s = std::numeric_limits<double>::infinity();
  if (bounds.width() > 0.0) s = std::min(s, avail_w / bounds.width());
  if (bounds.height() > 0.0) s = std::min(s, avail_h / bounds.height());
  c.zoom = std::isfinite(s) ? clampd(std::log2(s), limits.min_zoom, limits.max_zoom) : limits.max_zoom;
  const ScreenPoint middle{padding.left + avail_w * 0.5, padding.top + avail_h * 0.5};
  c.centre = centre_for(bounds.centre(), middle, viewport, pixels_per_km(c));
  return c;
}

Padding padding_for_panels(const PlaneRect& bounds, const Viewport& viewport, const std::vector<ScreenRect>& panels,
                           const Padding& margin) {
  const double w = viewport.width, h = viewport.height;
  // Every free rectangle worth trying has its sides on the canvas edges or on panel edges.
  std::vector<double> xs{0.0, w}, ys{0.0, h};
  for (const ScreenRect& p : panels) {
    for (double x : {p.x0, p.x1}) xs.push_back(clampd(x, 0.0, w));
    for (double y : {p.y0, p.y1}) ys.push_back(clampd(y, 0.0, h));
  }
  std::sort(xs.begin(), xs.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  std::sort(ys.begin(), ys.end());
  ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
  const double bw = std::max(bounds.width(), 1e-9), bh = std::max(bounds.height(), 1e-9);
  bool found = false;
  double best_scale = 0.0, best_area = 0.0;
  ScreenRect best;
  for (std::size_t a = 0; a < xs.size(); ++a)
    for (std::size_t b = a + 1; b < xs.size(); ++b)
      for (std::size_t c = 0; c < ys.size(); ++c)
        for (std::size_t d = c + 1; d < ys.size(); ++d) {
          const ScreenRect r{xs[a], ys[c], xs[b], ys[d]};
          const double avail_w = r.x1 - r.x0 - margin.left - margin.right;
          const double avail_h = r.y1 - r.y0 - margin.top - margin.bottom;
          if (avail_w <= 0 || avail_h <= 0) continue;
          if (std::any_of(panels.begin(), panels.end(), [&](const ScreenRect& p) { return p.overlaps(r); })) continue;
          // The zoom the bounds would get in it; between equals (a point, or a tie) the larger area.
          const double scale = std::min(avail_w / bw, avail_h / bh), area = avail_w * avail_h;
          if (!found || scale > best_scale * (1 + 1e-9) || (scale >= best_scale * (1 - 1e-9) && area > best_area)) {
            found = true;
            best_scale = scale;
            best_area = area;
            best = r;
          }
        }
  if (!found) return margin;
  return {best.y0 + margin.top, w - best.x1 + margin.right, h - best.y1 + margin.bottom, best.x0 + margin.left};
}

PlaneRect journeys_region() {
  static const PlaneRect region = project_lonlat_box(kRegionWestLon, kRegionSouthLat, kRegionEastLon, kRegionNorthLat);
  return region;
}

void fit_limits_to_viewport(CameraLimits& limits, const Viewport& viewport) {
  const PlaneRect region = journeys_region();
  limits.min_zoom = fit_bounds(region, viewport, {}, {-10, 10, {}, {}}).zoom - 0.5;
  limits.max_zoom = 7.0;
  limits.centre_bounds = region;
}

PlaneRect bounds_of(const std::vector<PlanePoint>& points) {
  PlaneRect r;
  for (const PlanePoint& p : points) r.extend(p);
  return r;
}

double fly_duration(double length, double seconds_per_unit, double min_seconds, double max_seconds) {
  return clampd(std::fabs(length) * seconds_per_unit, min_seconds, max_seconds);
}

// d3-interpolate's zoom.js, with r = log(sqrt(b² + 1) - b) written as -asinh(b) (no cancellation for large b)
// and a relative threshold for "no pan" (d3's absolute 1e-12 assumes pixel units).
FlyPath make_fly_path(const Camera& from, const Camera& to, double rho) {
  FlyPath p;
  p.from = from;
  p.to = to;
  p.rho = rho;
  const double size = view_size(from.viewport);
  p.ux0 = from.centre.x;
  p.uy0 = from.centre.y;
  p.w0 = size / pixels_per_km(from);
  p.w1 = size / pixels_per_km(to);
  p.dx = to.centre.x - from.centre.x;
  p.dy = to.centre.y - from.centre.y;
  const double d2 = p.dx * p.dx + p.dy * p.dy;
  p.d1 = std::sqrt(d2);
  const double rho2 = rho * rho;
  if (p.d1 <= 1e-9 * std::max(p.w0, p.w1)) {
    p.pure_zoom = true;
    p.length = std::log(p.w1 / p.w0) / rho;
  } else {
    p.pure_zoom = false;
    const double b0 = (p.w1 * p.w1 - p.w0 * p.w0 + rho2 * rho2 * d2) / (2.0 * p.w0 * rho2 * p.d1);
    const double b1 = (p.w1 * p.w1 - p.w0 * p.w0 - rho2 * rho2 * d2) / (2.0 * p.w1 * rho2 * p.d1);
    p.r0 = -std::asinh(b0);
    const double r1 = -std::asinh(b1);
    p.length = (r1 - p.r0) / rho;
  }
  p.duration = fly_duration(p.length);
  return p;
}

Camera fly_at(const FlyPath& path, double t) {
  if (!(t > 0.0)) return path.from;
  if (t >= 1.0) return path.to;
  Camera c = path.from;
  const double s = t * path.length;
  double w;
  if (path.pure_zoom) {
    c.centre = {path.ux0 + t * path.dx, path.uy0 + t * path.dy};
    w = path.w0 * std::exp(path.rho * s);
  } else {
    const double rho2 = path.rho * path.rho;
    const double cosh_r0 = std::cosh(path.r0);
    const double u = path.w0 / (rho2 * path.d1) * (cosh_r0 * std::tanh(path.rho * s + path.r0) - std::sinh(path.r0));
    c.centre = {path.ux0 + u * path.dx, path.uy0 + u * path.dy};
    w = path.w0 * cosh_r0 / std::cosh(path.rho * s + path.r0);
  }
  c.zoom = std::log2(view_size(c.viewport) / w);
  return c;
}

std::array<float, 9> view_matrix(const Camera& camera) {
  const double s = pixels_per_km(camera);
  const double a = 2.0 * s / camera.viewport.width;
  const double b = 2.0 * s / camera.viewport.height;
  return {static_cast<float>(a),
          0.0f,
          0.0f,
          0.0f,
          static_cast<float>(b),
          0.0f,
          static_cast<float>(-camera.centre.x * a),
          static_cast<float>(-camera.centre.y * b),
          1.0f};
}

}  // namespace core
