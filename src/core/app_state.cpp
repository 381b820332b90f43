#include "core/app_state.hpp"

#include <cmath>

#include "core/json.hpp"

namespace core {

const char* to_string(MapFar far) {
  switch (far) {
    case MapFar::Absent: return "absent";
    case MapFar::Wanted: return "wanted";
    case MapFar::In: return "in";
    case MapFar::Failed: return "failed";
  }
  return "absent";
}

static const char* to_string(TripFilter f) {
  return f == TripFilter::Train ? "train" : f == TripFilter::Plane ? "plane" : "all";
}

static void write_track(JsonWriter& w, const TrackStatus& t) {
  w.begin_object()
      .field("shown", t.shown)
      .field("available", t.available)
      .field("whatIf", t.what_if)
      .field("arrived", t.arrived)
      .field("distanceKm", t.distance_km)
      .field("durationHours", t.duration_h)
      .field("km", t.km)
      .field("stopsPassed", t.stops_passed)
      .field("stopCount", t.stop_count)
      .field("vehicle", to_string(t.vehicle))
      .end_object();
}

static void write_rect_fields(JsonWriter& w, const ScreenRect& r) {
  w.field("x", r.x0).field("y", r.y0).field("width", r.x1 - r.x0).field("height", r.y1 - r.y0);
}

std::string state_to_json(const AppState& state, const AppStatus& status) {
  JsonWriter w;
  const LatLon centre = unproject(state.camera.centre);
  w.begin_object()
      .field("trip", state.trip_id)
      .field("mode", to_string(state.show))
      .field("time", state.playback.clock_h)
      .field("speed", state.playback.speed)
      .field("playing", state.playback.playing)
      .field("filter", to_string(state.filter))
      .field("sidebarOpen", state.sidebar_open)
      .field("placeLabels", state.place_labels)
      .field("language", language_code(state.language))
      .field("localNames", state.local_names);
  w.key("view").begin_object().field("lat", centre.lat).field("lon", centre.lon).field("zoom", state.camera.zoom);
  w.end_object();
  w.key("status").begin_object();
  w.field("framesRun", status.frames_run)
      .field("framesComposed", status.frames_composed)
      .field("framesDrawn", status.frames_drawn);
  w.key("canvas")
      .begin_object()
      .field("cssWidth", status.canvas_css_width)
      .field("cssHeight", status.canvas_css_height)
      .field("pixelWidth", status.canvas_pixel_width)
      .field("pixelHeight", status.canvas_pixel_height)
      .field("pixelRatio", status.pixel_ratio)
      .end_object();
  w.field("endHours", status.end_h);
  w.key("train");
  write_track(w, status.train);
  w.key("plane");
  write_track(w, status.plane);
  w.key("messages").begin_array();
  for (const std::string& m : status.messages) w.value(m);  // bytes of a broken data file come out as U+FFFD
  w.end_array();
  // The language's words and font have arrived and are in use (until then the page shows English).
  w.field("languageReady", status.language_ready).field("localNamesReady", status.local_names_ready);
  // The base map's far part: "absent" until a view reaches past the near box, "wanted" while it downloads and is
  // read, then "in" (or "failed", said in the messages).
  w.field("mapFar", to_string(status.map_far));
  // How the page presents itself, as the link asked (the page styles itself from this, never from the link).
  const Presentation& presentation = state.presentation;
  w.key("presentation")
      .begin_object()
      .field("theme", presentation.theme == Theme::Dark    ? "dark"
                      : presentation.theme == Theme::Light ? "light"
                                                           : "auto")
      .field("transparent", presentation.transparent)
      .field("embed", presentation.embed)
      .field("classroom", presentation.classroom)
      .field("controls", presentation.controls)
      .field("plain", presentation.plain)
      .end_object();
  w.key("labels").begin_array();
  for (const LabelStatus& l : status.labels) {
    w.begin_object();
    write_rect_fields(w, l.box);
    w.field("text", l.text).field("leader", l.leader).end_object();
  }
  w.end_array();
  for (const auto& [name, rects] :
       {std::pair<const char*, const std::vector<ScreenRect>*>{"vehicles", &status.vehicles},
        {"panels", &status.panels}}) {
    w.key(name).begin_array();
    for (const ScreenRect& r : *rects) {
      w.begin_object();
      write_rect_fields(w, r);
      w.end_object();
    }
    w.end_array();
  }
  // Whole pixels: a route is hundreds of segments, and the tests ask only whether a panel covers it.
  w.key("routes").begin_array();
  for (const ScreenSegment& g : status.routes)
    w.begin_array()
        .value(std::lround(g.x0))
        .value(std::lround(g.y0))
        .value(std::lround(g.x1))
        .value(std::lround(g.y1))
        .end_array();
  w.end_array();
  w.field("labelPlacements", status.label_placements);
  w.end_object();  // status
  w.end_object();
  return w.text();
}

// {"lat": 39, "lon": 125.7, "zoom": 1}, every key optional; the result is clamped to the camera limits.
static void apply_view(AppState& next, const Json& value, std::vector<std::string>& errors) {
  if (!value.is_object()) {
    errors.push_back("setState: view must be an object such as {\"lat\": 39.0, \"lon\": 125.7, \"zoom\": 1}");
    return;
  }
  LatLon centre = unproject(next.camera.centre);
  double zoom = next.camera.zoom;
  for (const auto& [key, v] : value.members()) {
    const bool number = v.is_number() && std::isfinite(v.number());
    if (key == "lat" && number && std::fabs(v.number()) <= 90)
      centre.lat = v.number();
    else if (key == "lon" && number && std::fabs(v.number()) <= 180)
      centre.lon = v.number();
    else if (key == "zoom" && number)
      zoom = v.number();
    else if (key == "lat" || key == "lon" || key == "zoom")
      errors.push_back("setState: view." + key +
                       (key == "zoom" ? " must be a number" : " must be a number of degrees in range"));
    else
      errors.push_back("setState: unknown key \"view." + key + "\"");
  }
  next.camera.centre = project(centre);
  next.camera.zoom = zoom;
  next.camera = clamp_camera(next.camera, next.camera_limits);
}

static bool finite_number(const Json& v) { return v.is_number() && std::isfinite(v.number()); }

std::vector<std::string> apply_state_json(AppState& state, std::string_view json_text, const TripData& data) {
  std::vector<std::string> errors;
  const JsonDocument parsed(json_text);
  const Json j = parsed.root();
  if (!parsed.ok()) return {"setState: not valid JSON"};
  if (!j.is_object()) return {"setState: expected an object such as {\"sidebarOpen\": false}"};

  AppState next = state;
  bool time_given = false;
  for (const auto& [key, value] : j.members()) {
    if (key == "sidebarOpen" || key == "placeLabels" || key == "playing" || key == "localNames") {
      bool& target = key == "sidebarOpen"   ? next.sidebar_open
                     : key == "placeLabels" ? next.place_labels
                     : key == "localNames"  ? next.local_names
                                            : next.playback.playing;
      if (value.is_boolean())
        target = value.boolean();
      else
        errors.push_back("setState: " + key + " must be true or false");
    } else if (key == "language") {  // what getState reports is accepted back (the words follow on the next frame)
      const std::optional<Language> l = value.is_string() ? parse_language(value.string()) : std::nullopt;
      if (l) {
        next.language = *l;
        next.language_explicit = true;
      } else {
        errors.push_back("setState: language must be one of " + language_codes());
      }
    } else if (key == "trip") {
      if (value.is_string() && data.find_trip(value.string())) {
        next.trip_id = value.string();
      } else {
        std::string ids;
        for (const Trip& t : data.trips) ids += (ids.empty() ? "" : ", ") + t.id;
        errors.push_back("setState: trip must be one of: " + ids);
      }
    } else if (key == "mode") {
      auto mode = value.is_string() ? parse_show_mode(value.string()) : std::nullopt;
      if (mode) {
        next.show = *mode;
        next.show_explicit = true;
      } else
        errors.push_back("setState: mode must be \"train\", \"plane\" or \"both\"");
    } else if (key == "filter") {
      const std::string f = value.is_string() ? value.string() : "";
      if (f == "all" || f == "train" || f == "plane")
        next.filter = f == "train" ? TripFilter::Train : f == "plane" ? TripFilter::Plane : TripFilter::All;
      else
        errors.push_back("setState: filter must be \"all\", \"train\" or \"plane\"");
    } else if (key == "time") {
      if (finite_number(value) && value.number() >= 0) {
        next.playback.clock_h = value.number();  // the app clamps it to the journey's end
        time_given = true;
      } else {
        errors.push_back("setState: time must be a number of hours since departure, 0 or more");
      }
    } else if (key == "speed") {
      if (finite_number(value) && value.number() >= kMinSpeed && value.number() <= kMaxSpeed)
        next.playback.speed = value.number();
      else
        errors.push_back("setState: speed must be a number from 0.25 to 16");
    } else if (key == "view") {
      apply_view(next, value, errors);
    } else if (key == "status") {
      errors.push_back("setState: status is read-only");
    } else {
      errors.push_back("setState: unknown key \"" + key + "\"");
    }
  }
  if (next.trip_id != state.trip_id && !time_given) next.playback.clock_h = 0.0;
  if (errors.empty()) state = next;
  return errors;
}

}  // namespace core
