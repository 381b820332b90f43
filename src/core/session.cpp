#include "core/session.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/projection.hpp"

namespace core {

static bool is_shown(const Session& s, const Track& t, Mode mode) {
  const ShowMode show = s.state.show;
  return t.available && (show == ShowMode::Both || (show == ShowMode::Train) == (mode == Mode::Train));
}

SessionEffect session_run_command(Session& s, const Command& c) {
  AppState& st = s.state;
  const double end = s.status.end_h;
  switch (c.kind) {
    case CommandKind::PlayPause:
      if (!st.playback.playing && st.playback.clock_h >= end) st.playback.clock_h = 0.0;
      st.playback.playing = !st.playback.playing;
      break;
    case CommandKind::StepBack: seek(st.playback, st.playback.clock_h - step_hours(end), end); break;
    case CommandKind::StepForward: seek(st.playback, st.playback.clock_h + step_hours(end), end); break;
    case CommandKind::ToStart: seek(st.playback, 0.0, end); break;
    case CommandKind::ToEnd: seek(st.playback, end, end); break;
    case CommandKind::PickTrip:
      for (const Trip& t : s.trips.trips)
        if (t.number == c.trip_number) st.trip_id = t.id;
      break;
    case CommandKind::PreviousTrip:
    case CommandKind::NextTrip: {
      // Step through the trips and play each: a teacher's clicker walks the class through all nine.
      const auto& trips = s.trips.trips;
      if (trips.empty()) break;
      std::size_t i = 0;
      while (i < trips.size() && trips[i].id != st.trip_id) ++i;
      const bool next = c.kind == CommandKind::NextTrip;
      i = i >= trips.size() ? 0 : next ? (i + 1) % trips.size() : (i + trips.size() - 1) % trips.size();
      st.trip_id = trips[i].id;
      st.playback.clock_h = 0.0;
      st.playback.playing = true;
      break;
    }
    case CommandKind::ShowTrain: if (s.journey.train.available) st.show = ShowMode::Train; break;
    case CommandKind::ShowPlane: if (s.journey.plane.available) st.show = ShowMode::Plane; break;
    case CommandKind::ShowBoth:
      if (s.journey.train.available && s.journey.plane.available) st.show = ShowMode::Both;
      break;
    case CommandKind::Fullscreen: return SessionEffect::ToggleFullscreen;
    case CommandKind::Help: st.help_open = !st.help_open; break;
  }
  return SessionEffect::None;
}

void session_fit_camera(Session& s, const Padding& map_padding, bool animate) {
  s.view_moved = false;
  std::vector<PlanePoint> points;
  if (is_shown(s, s.journey.train, Mode::Train))
    for (const LatLon& p : s.journey.train.route.points) points.push_back(project(p));
  if (is_shown(s, s.journey.plane, Mode::Plane))
    for (const LatLon& p : s.journey.plane.route.points) points.push_back(project(p));
  if (points.empty()) return;
  const Camera target = fit_bounds(bounds_of(points), s.state.camera.viewport, map_padding, s.state.camera_limits);
  if (!animate || s.reduced_motion) {  // prefers-reduced-motion: cut, don't fly
    s.state.camera = target;
    s.flying = false;
    return;
  }
  s.fly = make_fly_path(s.state.camera, target);
  s.fly_elapsed = 0.0;
  s.flying = true;
}

// The shown tracks' bounds, in the projected plane (empty when none is shown).
static PlaneRect shown_bounds(const Session& s) {
  PlaneRect r;
  if (is_shown(s, s.journey.train, Mode::Train))
    for (const LatLon& p : s.journey.train.route.points) r.extend(project(p));
  if (is_shown(s, s.journey.plane, Mode::Plane))
    for (const LatLon& p : s.journey.plane.route.points) r.extend(project(p));
  return r;
}

// The padding a trip is framed with: in the largest free area the panels leave, when the app says where they are.
static Padding fit_padding(const Session& s, const Padding& map_padding) {
  if (s.fit_panels.empty()) return map_padding;
  const PlaneRect bounds = shown_bounds(s);
  if (bounds.empty()) return map_padding;
  return padding_for_panels(bounds, s.state.camera.viewport, s.fit_panels, s.fit_margin);
}

bool session_sync_journey(Session& s, const Padding& given_padding) {
  AppState& st = s.state;
  const Trip* trip = s.trips.find_trip(st.trip_id);
  if (!trip) return false;
  bool rebuilt = false;
  if (s.journey_trip != st.trip_id) {
    const bool first = s.journey_trip.empty();
    s.journey = build_journey(s.trips, *trip);
    s.journey_trip = st.trip_id;
    rebuilt = true;
    // A new trip opens on the mode he really used, unless the page or a link asked for one with it, or the
    // reader is racing both and the new trip has both.
    const bool both_ok = s.journey.train.available && s.journey.plane.available;
    if (!st.show_explicit && !(st.show == ShowMode::Both && both_ok))
      st.show = s.journey.real_mode == Mode::Plane ? ShowMode::Plane : ShowMode::Train;
    s.fitted_show = st.show;
    s.fitted_sidebar_open = st.sidebar_open;
    if (!(first && s.view_moved)) session_fit_camera(s, fit_padding(s, given_padding), !first);  // a link's own view wins at start
  } else if (s.fitted_show != st.show) {
    s.fitted_show = st.show;
    s.fitted_sidebar_open = st.sidebar_open;
    session_fit_camera(s, fit_padding(s, given_padding), true);
  } else if (s.fitted_sidebar_open != st.sidebar_open) {
    // The trips panel opened or closed: the free map area changed, so the route is framed again (the Beijing end
    // was hidden under the opened panel in classroom) unless the reader has placed the map themselves.
    s.fitted_sidebar_open = st.sidebar_open;
    if (!s.view_moved) session_fit_camera(s, fit_padding(s, given_padding), true);
  } else if (!s.fit_panels.empty() && s.fit_panels != s.fitted_panels && !s.view_moved) {
    // The panels came out other than the last framing assumed (a title line is measured the frame after it is
    // first drawn, at the start or for a new trip): framed again, by retargeting a flight under way, else by a cut
    // (at the start, before the reader has looked).
    session_fit_camera(s, fit_padding(s, given_padding), s.flying);
  }
  if (s.fitted_panels != s.fit_panels) s.fitted_panels = s.fit_panels;
  st.show_explicit = false;
  if ((st.show == ShowMode::Train && !s.journey.train.available) ||
      (st.show == ShowMode::Plane && !s.journey.plane.available) ||
      (st.show == ShowMode::Both && !(s.journey.train.available && s.journey.plane.available)))
    st.show = s.journey.real_mode == Mode::Plane ? ShowMode::Plane : ShowMode::Train;
  return rebuilt;
}

void session_camera_moved(Session& s) {
  s.flying = false;
  s.view_moved = true;
}

static double ease_in_out_cubic(double t) { return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2; }

static void fill_track_status(const Session& s, TrackStatus& out, const Track& t, Mode mode) {
  out = {};
  out.available = t.available;
  out.shown = is_shown(s, t, mode);
  if (!t.available) return;
  const TrackState ts = track_state_at(t, s.state.playback.clock_h);
  out.what_if = t.what_if;
  out.arrived = ts.arrived;
  out.distance_km = t.distance_km();
  out.duration_h = t.duration_h();
  out.km = ts.km;
  out.stops_passed = ts.stops_passed;
  out.vehicle = ts.mode;
  out.stop_count = static_cast<int>(t.stops.size());
}

void session_step(Session& s, double dt) {
  if (s.flying) {
    s.fly_elapsed += dt;
    const double t = s.fly.duration > 0 ? std::min(1.0, s.fly_elapsed / s.fly.duration) : 1.0;
    // The path was planned in the viewport it started in; the canvas may have been resized since.
    const Viewport viewport = s.state.camera.viewport;
    s.state.camera = fly_at(s.fly, ease_in_out_cubic(t));
    s.state.camera.viewport = viewport;
    if (t >= 1.0) s.flying = false;
  }
  s.status.end_h = playback_end_h(s.journey, s.state.show);
  seek(s.state.playback, s.state.playback.clock_h, s.status.end_h);  // a new trip or mode may end sooner
  advance(s.state.playback, dt, s.status.end_h);
  fill_track_status(s, s.status.train, s.journey.train, Mode::Train);
  fill_track_status(s, s.status.plane, s.journey.plane, Mode::Plane);
}

}  // namespace core
