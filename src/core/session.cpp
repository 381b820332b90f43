#include "core/session.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/localize.hpp"
#include "core/projection.hpp"
#include "core/url_state.hpp"

namespace core {

static bool is_shown(const Session& s, const Track& t, Mode mode) {
  const ShowMode show = s.state.show;
  return t.available && (show == ShowMode::Both || (show == ShowMode::Train) == (mode == Mode::Train));
}

// A trip chosen by the reader (the sidebar, a digit key, the HTML list, a host's message) opens at its start,
// paused, whatever was playing: the reader sees where it goes before it moves. On a phone the list covers the map,
// so it folds to show the picked trip.
static void select_trip(Session& s, const std::string& id) {
  AppState& st = s.state;
  if (!s.trips.find_trip(id)) return;
  st.trip_id = id;
  st.playback.clock_h = 0.0;
  st.playback.playing = false;
  if (s.status.list_covers_map) st.sidebar_open = false;
}

Effects apply_command(Session& s, const Command& c) {
  AppState& st = s.state;
  const double end = s.status.end_h;
  Effects effects;
  switch (c.kind) {
    case CommandKind::PlayPause:
      if (!st.playback.playing && st.playback.clock_h >= end) st.playback.clock_h = 0.0;  // "Replay"
      st.playback.playing = !st.playback.playing;
      break;
    case CommandKind::Restart:
      st.playback.clock_h = 0.0;
      st.playback.playing = true;
      break;
    case CommandKind::Seek: seek(st.playback, c.value, end); break;
    case CommandKind::StepBack: seek(st.playback, st.playback.clock_h - step_hours(end), end); break;
    case CommandKind::StepForward: seek(st.playback, st.playback.clock_h + step_hours(end), end); break;
    case CommandKind::ToStart: seek(st.playback, 0.0, end); break;
    case CommandKind::ToEnd: seek(st.playback, end, end); break;
    case CommandKind::PickTrip:
      for (const Trip& t : s.trips.trips)
        if (t.number == c.trip_number) select_trip(s, t.id);
      break;
    case CommandKind::SelectTrip: select_trip(s, c.text); break;
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
    case CommandKind::ShowTrain:
      if (s.journey.train.available) st.show = ShowMode::Train;
      break;
    case CommandKind::ShowPlane:
      if (s.journey.plane.available) st.show = ShowMode::Plane;
      break;
    case CommandKind::ShowBoth:
      if (s.journey.train.available && s.journey.plane.available) st.show = ShowMode::Both;
      break;
    case CommandKind::SetSpeed:
      if (c.value >= kMinSpeed && c.value <= kMaxSpeed) st.playback.speed = c.value;
      break;
    case CommandKind::SetFilter:
      if (c.text == "all") st.filter = TripFilter::All;
      if (c.text == "train") st.filter = TripFilter::Train;
      if (c.text == "plane") st.filter = TripFilter::Plane;
      break;
    case CommandKind::ToggleSidebar: st.sidebar_open = !st.sidebar_open; break;
    case CommandKind::OpenSidebar: st.sidebar_open = true; break;
    case CommandKind::CloseSidebar: st.sidebar_open = false; break;
    case CommandKind::ToggleLabels: st.place_labels = !st.place_labels; break;
    case CommandKind::Help: st.help_open = !st.help_open; break;
    case CommandKind::Fullscreen: effects.toggle_fullscreen = true; break;
    case CommandKind::SaveImage: effects.save_image = true; break;
    case CommandKind::ExportVideo:
      // Offered only where the browser can encode (the page says so at start); the button says why otherwise.
      if (s.status.video_unavailable.empty() && !s.trips.trips.empty()) effects.export_video = true;
      break;
    case CommandKind::CopyEmbed: effects.copy_embed = true; break;
    case CommandKind::SetLanguage:
      // Only the words change: the trip, the mode, the clock and the view stay where the reader left them.
      if (const std::optional<Language> l = parse_language(c.text)) {
        st.language = *l;
        st.language_explicit = true;
        session_localize(s);
      }
      break;
    case CommandKind::ToggleLocalNames: st.local_names = !st.local_names; break;
    case CommandKind::OpenLink:
      // Only web addresses: a source's link from the data, never a script.
      if (c.text.rfind("https://", 0) == 0 || c.text.rfind("http://", 0) == 0) effects.open_url = c.text;
      break;
  }
  session_localize(s);
  session_catch_up(s);
  return effects;
}

void session_trips_missing(Session& s) {
  s.trips_error = "The trips could not be downloaded, so only the map is shown.";
}

std::vector<Notice> session_load_trips(Session& s, std::string_view json_text) {
  if (json_text.empty()) {
    session_trips_missing(s);
    return {};
  }
  return session_take_trips(s, load_trips(json_text, "assets/trips.json"));
}

std::vector<Notice> session_take_trips(Session& s, LoadResult result) {
  std::vector<Notice> notices;
  std::vector<std::string> bad_trips;
  bool global_error = false;
  constexpr std::size_t kShownErrors = 8;  // the rest are counted: the page is not a log
  for (std::size_t i = 0; i < result.errors.size(); ++i) {
    const LoadError& e = result.errors[i];
    if (i < kShownErrors) notices.push_back({2, "Trip data error: " + e.to_string()});
    if (e.trip_id.empty())
      global_error = true;
    else
      bad_trips.push_back(e.trip_id);
  }
  const std::string file = result.errors.empty() ? "" : result.errors.front().file;  // the JSON, or the page's pack
  if (result.errors.size() > kShownErrors)
    notices.push_back({2, "\xE2\x80\xA6 and " + std::to_string(result.errors.size() - kShownErrors) +
                              " more errors in " + file + "."});
  for (const Trip& t : result.data.trips) {
    bool ok = std::find(bad_trips.begin(), bad_trips.end(), t.id) == bad_trips.end();
    for (const Leg& leg : t.outbound) {  // a trip we cannot draw safely is left out, not half drawn
      ok = ok && leg.stops.size() >= 2;
      for (const Stop& stop : leg.stops) ok = ok && is_valid(stop.coord);
    }
    if (global_error && !ok) continue;
    if (ok) s.trips.trips.push_back(t);
  }
  s.trips.title = result.data.title;
  s.trips.sources = std::move(result.data.sources);
  s.trips.places = std::move(result.data.places);
  s.trips.vehicles = std::move(result.data.vehicles);
  if (s.trips.trips.empty()) {
    s.trips_error = "No trip could be shown: the trip data has errors (listed on the page).";
    return notices;
  }
  if (!result.errors.empty())
    notices.push_back({1, "Showing the " + std::to_string(s.trips.trips.size()) + " trips without errors."});
  s.state.trip_id = s.trips.trips.back().id;  // open on the latest journey
  s.trips_source = s.trips;
  s.localize_again = true;
  session_localize(s);
  return notices;
}

std::vector<std::string> session_apply_link(Session& s, std::string_view hash) {
  const UrlState url = parse_url_state(hash, s.trips);
  const bool was_playing = s.state.playback.playing;
  apply_url_state(url, s.state);
  s.state.presentation = url.presentation;
  if (url.presentation.classroom || url.presentation.embed) s.state.sidebar_open = false;  // the map first
  // Reduced motion: no auto-play (a reader can still press play; a link's explicit play=1 still plays).
  if (url.presentation.autoplay && s.reduced_motion && !url.playing) s.state.playback.playing = was_playing;
  if (url.view_centre) session_camera_moved(s);
  session_localize(s);
  session_catch_up(s);
  return url.notices;
}

const Words& session_words(const Session& s) {
  for (const Words& w : s.words)
    if (w.language == s.state.language && w.loaded) return w;
  return english_words();
}

void session_localize(Session& s) {
  const Words& w = session_words(s);
  s.status.language_ready = w.language == s.state.language;
  s.status.local_names_ready = s.state.local_names && !s.local_names.empty();
  if ((w.language == s.localized_for && !s.localize_again) || s.trips_source.trips.empty()) return;
  s.localized_for = w.language;
  s.localize_again = false;
  s.trips = localize_trips(s.trips_source, w, s.local_names);
  // The journey is rebuilt from the translated data (its stops' names) but keeps its trip: no new framing.
  if (const Trip* trip = s.trips.find_trip(s.journey_trip)) session_build_journey(s, *trip);
}

void session_build_journey(Session& s, const Trip& trip) {
  s.journey = build_journey(s.trips, trip);
  s.journey_trip = trip.id;
  ++s.journey_revision;
}

const TripCard& session_trip_card(Session& s) {
  const Words& w = session_words(s);
  const Trip* trip = s.trips.find_trip(s.journey_trip);
  if (!trip) {
    s.card = {};
  } else if (s.card.lines.empty() || s.card_revision != s.journey_revision || s.card_language != w.language ||
             s.card_local_names != s.state.local_names) {
    s.card = make_trip_card(s.trips, *trip, s.journey, w, s.state.local_names);
    s.card.edition = ++s.cards_built;
    s.card_revision = s.journey_revision;
    s.card_language = w.language;
    s.card_local_names = s.state.local_names;
  }
  return s.card;
}

std::string session_add_words(Session& s, Language language, std::string_view json_text) {
  std::string error;
  Words w = load_words(language, json_text, &error);
  if (!w.loaded) return error.empty() ? "assets/lang: could not read the catalogue" : error;
  s.words.erase(std::remove_if(s.words.begin(), s.words.end(), [&](const Words& x) { return x.language == language; }),
                s.words.end());
  s.words.push_back(std::move(w));
  s.localize_again = true;
  session_localize(s);
  return "";
}

std::string session_add_local_names(Session& s, std::string_view json_text) {
  std::string error;
  s.local_names = load_local_names(json_text, &error);
  s.localize_again = true;
  session_localize(s);
  return error;
}

std::vector<std::string> session_set_state(Session& s, std::string_view json_text) {
  const Camera before = s.state.camera;
  std::vector<std::string> errors = apply_state_json(s.state, json_text, s.trips);
  if (!same_view(before, s.state.camera)) {
    session_camera_moved(s);
    s.view_asked_for_trip = s.state.trip_id;  // with this trip (or after choosing it): kept when it is drawn
  }
  session_catch_up(s);
  return errors;
}

void session_catch_up(Session& s) {
  if (!s.laid_out) return;
  session_sync_journey(s);
  session_step(s, 0.0);
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
static Padding fit_padding(const Session& s) {
  if (s.fit_panels.empty()) return s.map_padding;
  const PlaneRect bounds = shown_bounds(s);
  if (bounds.empty()) return s.map_padding;
  return padding_for_panels(bounds, s.state.camera.viewport, s.fit_panels, s.fit_margin);
}

bool session_sync_journey(Session& s) {
  AppState& st = s.state;
  const Trip* trip = s.trips.find_trip(st.trip_id);
  if (!trip) return false;
  bool rebuilt = false;
  if (s.journey_trip != st.trip_id) {
    const bool first = s.journey_trip.empty();
    session_build_journey(s, *trip);
    rebuilt = true;
    // A new trip opens on the mode he really used, unless the page or a link asked for one with it, or the
    // reader is racing both and the new trip has both.
    const bool both_ok = s.journey.train.available && s.journey.plane.available;
    if (!st.show_explicit && !(st.show == ShowMode::Both && both_ok))
      st.show = s.journey.real_mode == Mode::Plane ? ShowMode::Plane : ShowMode::Train;
    s.fitted_show = st.show;
    s.fitted_sidebar_open = st.sidebar_open;
    // A link's own view wins at start; a view the page asked for with this trip, or after choosing it, before it
    // was drawn (two quick setState calls of a scroll-driven story) wins too.
    const bool view_asked = (first && s.view_moved) || (s.view_moved && s.view_asked_for_trip == st.trip_id);
    if (!view_asked) session_fit_camera(s, fit_padding(s), !first);
  } else if (s.fitted_show != st.show) {
    s.fitted_show = st.show;
    s.fitted_sidebar_open = st.sidebar_open;
    session_fit_camera(s, fit_padding(s), true);
  } else if (s.fitted_sidebar_open != st.sidebar_open) {
    // The trips panel opened or closed: the free map area changed, so the route is framed again (the Beijing end
    // was hidden under the opened panel in classroom) unless the reader has placed the map themselves.
    s.fitted_sidebar_open = st.sidebar_open;
    if (!s.view_moved) session_fit_camera(s, fit_padding(s), true);
  } else if (!s.fit_panels.empty() && s.fit_panels != s.fitted_panels && !s.view_moved) {
    // The panels came out other than the last framing assumed (a title line is measured the frame after it is
    // first drawn, at the start or for a new trip): framed again, by retargeting a flight under way, else by a cut
    // (at the start, before the reader has looked).
    session_fit_camera(s, fit_padding(s), s.flying);
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

static double ease_in_out_cubic(double t) {
  const double u = 2 - 2 * t;  // the second half mirrors the first (std::pow would bring libm's pow into the page)
  return t < 0.5 ? 4 * t * t * t : 1 - u * u * u / 2;
}

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
