#include "core/app_state.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

namespace core {

using nlohmann::json;

static const char* to_string(TripFilter f) {
  return f == TripFilter::Train ? "train" : f == TripFilter::Plane ? "plane" : "all";
}

static json track_json(const TrackStatus& t) {
  return {{"shown", t.shown},
          {"available", t.available},
          {"whatIf", t.what_if},
          {"arrived", t.arrived},
          {"distanceKm", t.distance_km},
          {"durationHours", t.duration_h},
          {"km", t.km},
          {"stopsPassed", t.stops_passed},
          {"stopCount", t.stop_count},
          {"vehicle", to_string(t.vehicle)}};
}

static json rect_json(const ScreenRect& r) {
  return {{"x", r.x0}, {"y", r.y0}, {"width", r.x1 - r.x0}, {"height", r.y1 - r.y0}};
}

std::string state_to_json(const AppState& state, const AppStatus& status) {
  json j;
  j["trip"] = state.trip_id;
  j["mode"] = to_string(state.show);
  j["time"] = state.playback.clock_h;
  j["speed"] = state.playback.speed;
  j["playing"] = state.playback.playing;
  j["filter"] = to_string(state.filter);
  j["sidebarOpen"] = state.sidebar_open;
  j["placeLabels"] = state.place_labels;
  j["language"] = language_code(state.language);
  j["localNames"] = state.local_names;
  const LatLon centre = unproject(state.camera.centre);
  j["view"] = {{"lat", centre.lat}, {"lon", centre.lon}, {"zoom", state.camera.zoom}};
  const Presentation& presentation = state.presentation;
  j["status"] = {
      {"framesRun", status.frames_run},
      {"framesComposed", status.frames_composed},
      {"framesDrawn", status.frames_drawn},
      {"canvas",
       {{"cssWidth", status.canvas_css_width},
        {"cssHeight", status.canvas_css_height},
        {"pixelWidth", status.canvas_pixel_width},
        {"pixelHeight", status.canvas_pixel_height},
        {"pixelRatio", status.pixel_ratio}}},
      {"endHours", status.end_h},
      {"train", track_json(status.train)},
      {"plane", track_json(status.plane)},
      {"messages", status.messages},
      // The language's words and font have arrived and are in use (until then the page shows English).
      {"languageReady", status.language_ready},
      {"localNamesReady", status.local_names_ready},
      // How the page presents itself, as the link asked (the page styles itself from this, never from the link).
      {"presentation",
       {{"theme", presentation.theme == Theme::Dark    ? "dark"
                  : presentation.theme == Theme::Light ? "light"
                                                       : "auto"},
        {"transparent", presentation.transparent},
        {"embed", presentation.embed},
        {"classroom", presentation.classroom},
        {"controls", presentation.controls},
        {"plain", presentation.plain}}},
      {"labels", json::array()},
      {"vehicles", json::array()},
      {"panels", json::array()},
      {"routes", json::array()},
      {"labelPlacements", status.label_placements},
  };
  json& labels = j["status"]["labels"];
  for (const LabelStatus& l : status.labels) {
    json item = rect_json(l.box);
    item["text"] = l.text;
    item["leader"] = l.leader;
    labels.push_back(std::move(item));
  }
  for (const ScreenRect& r : status.vehicles) j["status"]["vehicles"].push_back(rect_json(r));
  for (const ScreenRect& r : status.panels) j["status"]["panels"].push_back(rect_json(r));
  // Whole pixels: a route is hundreds of segments, and the tests ask only whether a panel covers it.
  for (const ScreenSegment& g : status.routes)
    j["status"]["routes"].push_back({std::lround(g.x0), std::lround(g.y0), std::lround(g.x1), std::lround(g.y1)});
  // Replace, not throw, on invalid UTF-8: messages can quote bytes from a broken data file.
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// {"lat": 39, "lon": 125.7, "zoom": 1}, every key optional; the result is clamped to the camera limits.
static void apply_view(AppState& next, const json& value, std::vector<std::string>& errors) {
  if (!value.is_object()) {
    errors.push_back("setState: view must be an object such as {\"lat\": 39.0, \"lon\": 125.7, \"zoom\": 1}");
    return;
  }
  LatLon centre = unproject(next.camera.centre);
  double zoom = next.camera.zoom;
  for (const auto& [key, v] : value.items()) {
    const bool number = v.is_number() && std::isfinite(v.get<double>());
    if (key == "lat" && number && std::fabs(v.get<double>()) <= 90)
      centre.lat = v.get<double>();
    else if (key == "lon" && number && std::fabs(v.get<double>()) <= 180)
      centre.lon = v.get<double>();
    else if (key == "zoom" && number)
      zoom = v.get<double>();
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

static bool finite_number(const json& v) { return v.is_number() && std::isfinite(v.get<double>()); }

std::vector<std::string> apply_state_json(AppState& state, std::string_view json_text, const TripData& data) {
  std::vector<std::string> errors;
  // No exceptions for bad input: parse with allow_exceptions = false and check what came back.
  json j = json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return {"setState: not valid JSON"};
  if (!j.is_object()) return {"setState: expected an object such as {\"sidebarOpen\": false}"};

  AppState next = state;
  bool time_given = false;
  for (const auto& [key, value] : j.items()) {
    if (key == "sidebarOpen" || key == "placeLabels" || key == "playing" || key == "localNames") {
      bool& target = key == "sidebarOpen"   ? next.sidebar_open
                     : key == "placeLabels" ? next.place_labels
                     : key == "localNames"  ? next.local_names
                                            : next.playback.playing;
      if (value.is_boolean())
        target = value.get<bool>();
      else
        errors.push_back("setState: " + key + " must be true or false");
    } else if (key == "language") {  // what getState reports is accepted back (the words follow on the next frame)
      const std::optional<Language> l = value.is_string() ? parse_language(value.get<std::string>()) : std::nullopt;
      if (l) {
        next.language = *l;
        next.language_explicit = true;
      } else {
        errors.push_back("setState: language must be one of " + language_codes());
      }
    } else if (key == "trip") {
      if (value.is_string() && data.find_trip(value.get<std::string>())) {
        next.trip_id = value.get<std::string>();
      } else {
        std::string ids;
        for (const Trip& t : data.trips) ids += (ids.empty() ? "" : ", ") + t.id;
        errors.push_back("setState: trip must be one of: " + ids);
      }
    } else if (key == "mode") {
      auto mode = value.is_string() ? parse_show_mode(value.get<std::string>()) : std::nullopt;
      if (mode) {
        next.show = *mode;
        next.show_explicit = true;
      } else
        errors.push_back("setState: mode must be \"train\", \"plane\" or \"both\"");
    } else if (key == "filter") {
      const std::string f = value.is_string() ? value.get<std::string>() : "";
      if (f == "all" || f == "train" || f == "plane")
        next.filter = f == "train" ? TripFilter::Train : f == "plane" ? TripFilter::Plane : TripFilter::All;
      else
        errors.push_back("setState: filter must be \"all\", \"train\" or \"plane\"");
    } else if (key == "time") {
      if (finite_number(value) && value.get<double>() >= 0) {
        next.playback.clock_h = value.get<double>();  // the app clamps it to the journey's end
        time_given = true;
      } else {
        errors.push_back("setState: time must be a number of hours since departure, 0 or more");
      }
    } else if (key == "speed") {
      if (finite_number(value) && value.get<double>() >= kMinSpeed && value.get<double>() <= kMaxSpeed)
        next.playback.speed = value.get<double>();
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
