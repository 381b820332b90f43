// The camera: world/screen conversions, drag, wheel zoom about the cursor, pinch, limits, fit-to-bounds
// with a sidebar, the van Wijk–Nuij fly-to, and the view matrix.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/camera.hpp"
#include "core/projection.hpp"

using core::Camera;
using core::CameraLimits;
using core::PlanePoint;
using core::ScreenPoint;

namespace {
Camera make_camera(double cx, double cy, double zoom, double w = 1280, double h = 720, double dpr = 1) {
  Camera c;
  c.centre = {cx, cy};
  c.zoom = zoom;
  c.viewport = {w, h, dpr};
  return c;
}
CameraLimits no_limits() {
  CameraLimits l;
  l.min_zoom = -20;
  l.max_zoom = 20;
  return l;
}
double dist(ScreenPoint a, ScreenPoint b) { return std::hypot(a.x - b.x, a.y - b.y); }
double dist(PlanePoint a, PlanePoint b) { return std::hypot(a.x - b.x, a.y - b.y); }
}  // namespace

TEST_CASE("world and screen conversions: centre in the middle, north up, 2^zoom px per km") {
  const Camera c = make_camera(500, -200, 1.0);  // 2 px per km
  const ScreenPoint mid = core::world_to_screen(c, {500, -200});
  CHECK(mid.x == doctest::Approx(640));
  CHECK(mid.y == doctest::Approx(360));
  const ScreenPoint ne = core::world_to_screen(c, {510, -190});  // 10 km east, 10 km north
  CHECK(ne.x == doctest::Approx(660));
  CHECK(ne.y == doctest::Approx(340));
  for (ScreenPoint s : {ScreenPoint{0, 0}, ScreenPoint{1280, 720}, ScreenPoint{13.5, 700.25}}) {
    const ScreenPoint back = core::world_to_screen(c, core::screen_to_world(c, s));
    CHECK(dist(back, s) < 1e-9);
  }
  const core::PlaneRect v = core::visible_rect(c);
  CHECK(v.width() == doctest::Approx(640));
  CHECK(v.height() == doctest::Approx(360));
  CHECK(core::km_per_pixel(c) == doctest::Approx(0.5));
}

TEST_CASE("wheel zoom keeps the world point under the cursor where it was") {
  const CameraLimits limits = no_limits();
  const Camera start = make_camera(-300, 1200, -1.3);
  for (ScreenPoint cursor :
       {ScreenPoint{100, 80}, ScreenPoint{1200, 700}, ScreenPoint{640, 360}, ScreenPoint{3, 650}}) {
    for (double dz : {0.5, -0.75, 2.0, -3.0}) {
      const PlanePoint under = core::screen_to_world(start, cursor);
      const Camera z = core::zoom_about(start, cursor, dz, limits);
      CHECK(z.zoom == doctest::Approx(start.zoom + dz));
      CHECK(dist(core::world_to_screen(z, under), cursor) < 1e-7);
      // And it really is the cursor that is held: a point elsewhere moves.
      const PlanePoint other = core::screen_to_world(start, {cursor.x + 200, cursor.y});
      CHECK(dist(core::world_to_screen(z, other), ScreenPoint{cursor.x + 200, cursor.y}) > 10);
    }
  }
}

TEST_CASE("wheel deltas follow d3: down zooms out, lines and pages count more than pixels") {
  CHECK(core::wheel_zoom_delta(100, 0) == doctest::Approx(-0.2));
  CHECK(core::wheel_zoom_delta(-3, 1) == doctest::Approx(0.15));
  CHECK(core::wheel_zoom_delta(1, 2) == doctest::Approx(-1.0));
}

TEST_CASE("zoom and centre limits clamp, and the clamped zoom about a cursor still holds the point") {
  CameraLimits limits;
  limits.min_zoom = -3;
  limits.max_zoom = 6;
  const Camera start = make_camera(0, 0, 5.5);
  const ScreenPoint cursor{900, 200};
  const PlanePoint under = core::screen_to_world(start, cursor);
  const Camera z = core::zoom_about(start, cursor, 3.0, limits);
  CHECK(z.zoom == doctest::Approx(6.0));
  CHECK(dist(core::world_to_screen(z, under), cursor) < 1e-7);
  CHECK(core::zoom_about(start, cursor, -20, limits).zoom == doctest::Approx(-3.0));

  limits.centre_bounds = {-1000, -2000, 1500, 2500};
  const Camera far = core::pan_by(make_camera(1400, 0, 0), -500, 0, limits);  // drag left: centre goes east
  CHECK(far.centre.x == doctest::Approx(1500));
  const Camera low = core::clamp_camera(make_camera(0, -9000, 9), limits);
  CHECK(low.centre.y == doctest::Approx(-2000));
  CHECK(low.zoom == doctest::Approx(6));
}

TEST_CASE("dragging moves the map with the pointer") {
  const Camera start = make_camera(250, 250, 0.7);
  const ScreenPoint grab{400, 300};
  const PlanePoint under = core::screen_to_world(start, grab);
  const Camera moved = core::pan_by(start, 35, -80, no_limits());
  CHECK(dist(core::world_to_screen(moved, under), ScreenPoint{435, 220}) < 1e-9);
  CHECK(moved.zoom == start.zoom);
}

TEST_CASE("pinch: spreading the fingers zooms about their midpoint, moving them pans") {
  const Camera start = make_camera(100, 100, 0.0, 800, 600, 3.0);
  const ScreenPoint a0{300, 300}, b0{500, 300};
  const PlanePoint under_mid = core::screen_to_world(start, {400, 300});
  // Fingers twice as far apart about the same midpoint: one zoom level closer.
  const Camera spread = core::pinch(start, a0, b0, {200, 300}, {600, 300}, no_limits());
  CHECK(spread.zoom == doctest::Approx(1.0));
  CHECK(dist(core::world_to_screen(spread, under_mid), ScreenPoint{400, 300}) < 1e-9);
  // Same distance, moved by (+50, -120): the map follows, zoom unchanged.
  const Camera moved = core::pinch(start, a0, b0, {350, 180}, {550, 180}, no_limits());
  CHECK(moved.zoom == doctest::Approx(0.0));
  CHECK(dist(core::world_to_screen(moved, under_mid), ScreenPoint{450, 180}) < 1e-9);
  // Both at once, and the finger points themselves stay on their world points.
  const PlanePoint under_a = core::screen_to_world(start, a0);
  const Camera both = core::pinch(start, a0, b0, {100, 500}, {400, 100}, no_limits());  // distance 500 = 2.5x
  CHECK(both.zoom == doctest::Approx(std::log2(2.5)));
  CHECK(dist(core::world_to_screen(both, under_mid), ScreenPoint{250, 300}) < 1e-9);
  CHECK(dist(core::world_to_screen(both, under_a), ScreenPoint{100, 500}) > 1);  // rotation is not followed
}

TEST_CASE("fit_bounds shows every point of a route inside the padded area, tightly") {
  // Pyongyang - Sinuiju - Dandong - Shenyang - Tianjin - Beijing, projected.
  const std::vector<core::LatLon> route = {{39.019, 125.738}, {40.099, 124.398}, {40.124, 124.383},
                                           {41.794, 123.392}, {39.084, 117.200}, {39.904, 116.407}};
  std::vector<PlanePoint> pts;
  for (const core::LatLon& p : route) pts.push_back(core::project(p));
  const core::PlaneRect bounds = core::bounds_of(pts);
  for (core::Viewport vp : {core::Viewport{1280, 720, 1}, core::Viewport{390, 844, 3}, core::Viewport{1920, 400, 2}}) {
    const core::Padding pad{40, 30, 50, vp.width > 1000 ? 380.0 : 20.0};
    const Camera c = core::fit_bounds(bounds, vp, pad, no_limits());
    double min_x = 1e9, max_x = -1e9, min_y = 1e9, max_y = -1e9;
    for (const PlanePoint& p : pts) {
      const ScreenPoint s = core::world_to_screen(c, p);
      CHECK(s.x >= pad.left - 1e-6);
      CHECK(s.x <= vp.width - pad.right + 1e-6);
      CHECK(s.y >= pad.top - 1e-6);
      CHECK(s.y <= vp.height - pad.bottom + 1e-6);
      min_x = std::min(min_x, s.x);
      max_x = std::max(max_x, s.x);
      min_y = std::min(min_y, s.y);
      max_y = std::max(max_y, s.y);
    }
    // Tight: the route spans the padded area in one direction and is centred in it in both.
    const double avail_w = vp.width - pad.left - pad.right, avail_h = vp.height - pad.top - pad.bottom;
    CHECK(std::max((max_x - min_x) / avail_w, (max_y - min_y) / avail_h) == doctest::Approx(1.0));
    CHECK((min_x + max_x) / 2 == doctest::Approx(pad.left + avail_w / 2));
    CHECK((min_y + max_y) / 2 == doctest::Approx(pad.top + avail_h / 2));
  }
  // A single point gets the maximum zoom allowed; limits bound the zoom.
  CameraLimits limits;
  limits.max_zoom = 5.5;
  const Camera one = core::fit_bounds(core::bounds_of({pts[0]}), {800, 600, 1}, {}, limits);
  CHECK(one.zoom == doctest::Approx(5.5));
  CHECK(dist(core::world_to_screen(one, pts[0]), ScreenPoint{400, 300}) < 1e-9);
}

namespace {
double view_width(const Camera& c) { return std::max(c.viewport.width, c.viewport.height) / core::pixels_per_km(c); }
}  // namespace

TEST_CASE("fly-to starts and ends exactly at its endpoints and is continuous") {
  const Camera from = make_camera(-1800, -2600, -2.0);  // over Singapore, far out
  const Camera to = make_camera(520, 1250, 5.0);        // over Sinuiju, close in
  const core::FlyPath path = core::make_fly_path(from, to);
  const Camera a = core::fly_at(path, 0.0), b = core::fly_at(path, 1.0);
  CHECK(a.centre.x == from.centre.x);
  CHECK(a.centre.y == from.centre.y);
  CHECK(a.zoom == from.zoom);
  CHECK(b.centre.x == to.centre.x);
  CHECK(b.centre.y == to.centre.y);
  CHECK(b.zoom == to.zoom);
  // The closed form meets the endpoints (no jump at either end).
  const Camera a1 = core::fly_at(path, 1e-12), b1 = core::fly_at(path, 1 - 1e-12);
  CHECK(dist(a1.centre, from.centre) < 1e-6);
  CHECK(std::fabs(a1.zoom - from.zoom) < 1e-9);
  CHECK(dist(b1.centre, to.centre) < 1e-6);
  CHECK(std::fabs(b1.zoom - to.zoom) < 1e-9);
  // Continuity: 20,000 steps, no step moves more than a small fraction of the view or zoom.
  const int n = 20000;
  double max_move = 0, max_dz = 0;
  Camera prev = core::fly_at(path, 0);
  for (int i = 1; i <= n; ++i) {
    const Camera cur = core::fly_at(path, static_cast<double>(i) / n);
    max_move = std::max(max_move, dist(cur.centre, prev.centre) / std::min(view_width(cur), view_width(prev)));
    max_dz = std::max(max_dz, std::fabs(cur.zoom - prev.zoom));
    prev = cur;
  }
  CHECK(max_move < 0.01);
  CHECK(max_dz < 0.01);
}

TEST_CASE("fly-to follows the hyperbolic geodesic at constant speed (van Wijk and Nuij)") {
  const double rho = std::sqrt(2.0);
  struct Case {
    Camera from, to;
  };
  const Case cases[] = {
      {make_camera(0, 0, -1.0), make_camera(3000, -400, -1.0)},  // long pan at one zoom
      {make_camera(-1800, -2600, -2.0), make_camera(520, 1250, 5.0)},
      {make_camera(100, 100, 3.0), make_camera(100, 100, -1.5)},  // pure zoom out
      {make_camera(10, 20, 0.0), make_camera(12, 19, 4.0)},       // zoom in with a small shift
  };
  for (const Case& k : cases) {
    const core::FlyPath path = core::make_fly_path(k.from, k.to);
    const double w0 = view_width(k.from), w1 = view_width(k.to);
    const double d = dist(k.from.centre, k.to.centre);
    // Hyperbolic distance in the half-plane (X, Y) = (rho^2 u, w), metric (dX^2 + dY^2) / Y^2, over rho
    // (= d3's S). Closed form, independent of the path's formulas.
    const double rho4 = rho * rho * rho * rho;
    const double expected = std::acosh(1 + (rho4 * d * d + (w1 - w0) * (w1 - w0)) / (2 * w0 * w1)) / rho;
    CHECK(path.length == doctest::Approx(expected).epsilon(1e-8));
    // Integrate the metric along the path: total = S, and each tenth of t covers a tenth of it.
    const int n = 4000;
    double total = 0, tenth = 0;
    Camera prev = core::fly_at(path, 0);
    for (int i = 1; i <= n; ++i) {
      const Camera cur = core::fly_at(path, static_cast<double>(i) / n);
      const double wa = view_width(prev), wb = view_width(cur);
      const double du = dist(cur.centre, prev.centre), dw = wb - wa;
      const double ds = std::sqrt(rho4 * du * du + dw * dw) / (0.5 * (wa + wb)) / rho;
      total += ds;
      tenth += ds;
      if (i % (n / 10) == 0) {
        CHECK(tenth == doctest::Approx(path.length / 10).epsilon(1e-3));
        tenth = 0;
      }
      prev = cur;
    }
    CHECK(total == doctest::Approx(path.length).epsilon(1e-4));
  }
  // A long pan at one zoom rises (zooms out) in the middle.
  const core::FlyPath pan = core::make_fly_path(cases[0].from, cases[0].to);
  CHECK(core::fly_at(pan, 0.5).zoom < cases[0].from.zoom - 0.5);
}

TEST_CASE("fly-to duration grows with the path and is clamped") {
  const Camera here = make_camera(0, 0, 0);
  double last = 0;
  for (double d : {50.0, 300.0, 1000.0, 3000.0}) {
    const core::FlyPath p = core::make_fly_path(make_camera(0, 0, -1), make_camera(d, 0, -1));
    CHECK(p.duration >= last);
    last = p.duration;
  }
  CHECK(core::make_fly_path(here, make_camera(0.001, 0, 0)).duration == doctest::Approx(0.4));
  CHECK(core::make_fly_path(make_camera(-3000, -3000, -3), make_camera(3000, 3000, 7)).duration ==
        doctest::Approx(3.0));
  const core::FlyPath mid = core::make_fly_path(make_camera(0, 0, -1), make_camera(1500, 0, -1));
  CHECK(mid.duration == doctest::Approx(mid.length));  // d3: 1 s per unit of S
  CHECK(mid.duration > 0.4);
  CHECK(mid.duration < 3.0);
}

TEST_CASE("the view matrix takes world km to clip space as world_to_screen does") {
  const Camera c = make_camera(812.5, -1290.0, 2.3, 1024, 640, 2);
  const std::array<float, 9> m = core::view_matrix(c);
  for (PlanePoint p : {PlanePoint{812.5, -1290.0}, PlanePoint{900, -1250}, PlanePoint{700, -1400}}) {
    const double clip_x = m[0] * p.x + m[3] * p.y + m[6];
    const double clip_y = m[1] * p.x + m[4] * p.y + m[7];
    CHECK(m[2] == 0.0f);
    CHECK(m[5] == 0.0f);
    CHECK(m[8] == 1.0f);
    const ScreenPoint s = core::world_to_screen(c, p);
    CHECK(clip_x == doctest::Approx(2 * s.x / 1024 - 1).epsilon(1e-4));
    CHECK(clip_y == doctest::Approx(1 - 2 * s.y / 640).epsilon(1e-4));
  }
}

TEST_CASE("the view stays inside the map's data wherever the zoom allows, and is left alone where it cannot") {
  CameraLimits limits;
  limits.min_zoom = -10;
  limits.view_bounds = {-3000, -2000, 3000, 2000};  // km
  // 1280 px at 2^-1 px/km = 2,560 km wide: a centre near the west edge is moved east until the view is inside.
  Camera c = core::clamp_camera(make_camera(-2900, 0, -1), limits);
  CHECK(c.centre.x == doctest::Approx(-3000 + 1280.0));
  CHECK(c.centre.y == doctest::Approx(0));
  c = core::clamp_camera(make_camera(2900, 1900, -1), limits);
  CHECK(c.centre.x == doctest::Approx(3000 - 1280.0));
  CHECK(c.centre.y == doctest::Approx(2000 - 720.0));
  // Zoomed out so far that the view is wider than the data: no constraint can hold, the centre stays.
  c = core::clamp_camera(make_camera(-2900, 0, -3), limits);
  CHECK(c.centre.x == doctest::Approx(-2900));
}

TEST_CASE("the projected box's inner rectangle lies inside the box on every edge") {
  const core::PlaneRect inner = core::project_lonlat_box_inner(66, -12, 168, 64);
  const core::PlaneRect outer = core::project_lonlat_box(66, -12, 168, 64);
  CHECK(inner.min_x > outer.min_x);
  CHECK(inner.max_x < outer.max_x);
  CHECK(inner.min_y > outer.min_y);
  CHECK(inner.max_y < outer.max_y);
  for (double lat = -12; lat <= 64; lat += 4) {  // the west and east meridians are outside it
    CHECK(core::map_projection().forward({lat, 66}).x <= inner.min_x + 1e-6);
    CHECK(core::map_projection().forward({lat, 168}).x >= inner.max_x - 1e-6);
  }
}

TEST_CASE("padding_for_panels frames a route in the largest area the panels leave free") {
  const core::Padding margin{40, 40, 24, 40};
  const core::Viewport vp{1280, 800, 1};
  core::PlaneRect wide;  // 1000 × 400 km: wider than tall
  wide.extend({0, 0});
  wide.extend({1000, 400});
  // The desktop: sidebar on the left, controls along the bottom right of it: the same padding as the layout's.
  core::Padding p = core::padding_for_panels(wide, vp, {{0, 0, 400, 800}, {400, 650, 1280, 800}}, margin);
  CHECK(p.left == doctest::Approx(440));
  CHECK(p.right == doctest::Approx(40));
  CHECK(p.top == doctest::Approx(40));
  CHECK(p.bottom == doctest::Approx(150 + 24));
  // An embed's title block across the top left (and the controls below): a wide route goes below the title,
  // never under it.
  const std::vector<core::ScreenRect> embed{{8, 8, 420, 70}, {0, 450, 760, 600}};
  p = core::padding_for_panels(wide, {760, 600, 1}, embed, margin);
  CHECK(p.top == doctest::Approx(70 + 40));
  CHECK(p.left == doctest::Approx(40));
  // A tall, narrow route is shown larger beside the title than below it.
  core::PlaneRect tall;
  tall.extend({0, 0});
  tall.extend({100, 2000});
  p = core::padding_for_panels(tall, {760, 600, 1}, embed, margin);
  CHECK(p.top == doctest::Approx(40));
  CHECK(p.left == doctest::Approx(420 + 40));
  // Whatever the choice, the framed route is clear of every panel.
  for (const core::PlaneRect& b : {wide, tall}) {
    const core::Padding q = core::padding_for_panels(b, {760, 600, 1}, embed, margin);
    const core::Camera c = core::fit_bounds(b, {760, 600, 1}, q, core::CameraLimits{-10, 10, {}, {}});
    const core::ScreenPoint lo = core::world_to_screen(c, {b.min_x, b.max_y}),
                            hi = core::world_to_screen(c, {b.max_x, b.min_y});
    const core::ScreenRect drawn{lo.x, lo.y, hi.x, hi.y};
    for (const core::ScreenRect& panel : embed) CHECK_FALSE(drawn.overlaps(panel));
  }
  // No panels: the margin alone; panels everywhere: the margin alone too.
  p = core::padding_for_panels(wide, vp, {}, margin);
  CHECK(p.left == doctest::Approx(40));
  CHECK(p.bottom == doctest::Approx(24));
  p = core::padding_for_panels(wide, vp, {{0, 0, 1280, 800}}, margin);
  CHECK(p.top == doctest::Approx(40));
}

TEST_CASE("the camera's limits for a viewport: the whole region at the widest, zoom 7 at the closest") {
  CameraLimits limits;
  limits.view_bounds = {1, 2, 3, 4};
  for (const core::Viewport& v :
       {core::Viewport{1280, 800, 1}, core::Viewport{390, 844, 3}, core::Viewport{1920, 1080, 1}}) {
    core::fit_limits_to_viewport(limits, v);
    const Camera widest =
        core::clamp_camera(core::fit_bounds(core::journeys_region(), v, {}, {-10, 10, {}, {}}), limits);
    CHECK(limits.min_zoom == doctest::Approx(widest.zoom - 0.5));
    CHECK(limits.max_zoom == 7.0);
    CHECK(limits.centre_bounds.min_x == core::journeys_region().min_x);
    CHECK(limits.centre_bounds.max_y == core::journeys_region().max_y);
  }
  CHECK(limits.view_bounds.max_x == 3);  // kept
  // Singapore and Vostochny are both inside the region.
  CHECK(core::journeys_region().contains(core::project({1.36, 103.99})));
  CHECK(core::journeys_region().contains(core::project({51.88, 128.33})));
}
