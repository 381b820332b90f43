#include "core/describe.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/reader_text.hpp"

namespace core {

using nlohmann::json;

static json sources_json(const TripData& data, const std::vector<std::string>& ids) {
  json out = json::array();
  for (const std::string& id : ids) {
    const Source* s = data.find_source(id);
    if (!s || is_desk_source(*s)) continue;  // readers see outlets, never the desk's own notes
    out.push_back(
        {{"name", s->title.empty() ? s->outlet : s->outlet + ": " + s->title}, {"url", s->url}, {"about", s->about}});
  }
  return out;
}

std::string progress_text(const Words& w, const Track& track, double clock_h) {
  if (!track.available || track.stops.empty()) return "";
  const TrackState now = track_state_at(track, clock_h);
  const bool plane = track.mode == Mode::Plane;
  const std::string who =
      track.what_if ? w(plane ? "The what-if plane" : "The what-if train") : w(plane ? "The plane" : "The train");
  if (now.arrived)
    return fill(w("{0} arrived at {1} after {2}."),
                {who, track.stops.back().name, duration_text(w, track.duration_h())});
  if (now.stops_passed < 2) return "";
  const std::size_t i = static_cast<std::size_t>(now.stops_passed - 1);
  const std::string left = km_text(w, std::max(0.0, track.distance_km() - now.km));
  const std::string n = std::to_string(now.stops_passed), count = std::to_string(track.stops.size());
  if (i + 1 < track.stops.size())
    return fill(w("{0} passed {1} (stop {2} of {3}), next {4}; {5} to go."),
                {who, track.stops[i].name, n, count, track.stops[i + 1].name, left});
  return fill(w("{0} passed {1} (stop {2} of {3}); {4} to go."), {who, track.stops[i].name, n, count, left});
}

// The page's own labels around the core's texts (web/a11y.js, web/embed.js, web/video.mjs), in the reader's
// language.
static json page_words(const Words& w) {
  static const char* const kLabels[] = {
      "Go to the map (press ? there for its keys)", "Show", "Restart", "Journey controls", "Time since departure",
      "Speed (journey hours a second)", "Latest",
      "These controls drive the animated map and follow it. Escape returns to the map.", "Trips", "Destination", "Met",
      "Travelled by", "Facts", "Sources", "(opens in a new tab)", "Accessible controls of the map",
      "Animated map of Kim Jong-un's journeys abroad", "Kim Jong-un's journeys abroad", "Language", "playing", "paused",
      // The embed's hint when the wheel scrolls the article (web/embed.js).
      "Use Ctrl + scroll to zoom the map", "Use \xE2\x8C\x98 + scroll to zoom the map",
      // The Export video dialog (web/video.mjs).
      "Export video", "Size", "16:9 landscape, {0}", "1:1 square, {0}", "9:16 for phones, {0}", "Length", "seconds",
      "Frames a second", "Export", "Close", "Cancel", "Making the video\xE2\x80\xA6", "Video saved: {0} ({1} MB).",
      "Cancelled: nothing was saved.", "The video could not be made: {0}"};
  json out = json::object();
  for (const char* label : kLabels) out[label] = w(label);
  return out;
}

// The texts that change with the clock and the mode.
static void describe_moment(const Session& s, const Words& w, json& j) {
  const Journey& jr = s.journey;
  const bool both = jr.train.available && jr.plane.available;
  j["modes"] = {{"train", {{"label", mode_button_label(w, jr.train, Mode::Train)}, {"enabled", jr.train.available}}},
                {"plane", {{"label", mode_button_label(w, jr.plane, Mode::Plane)}, {"enabled", jr.plane.available}}},
                {"both", {{"label", w("Both, racing")}, {"enabled", both}}}};
  j["modeNote"] = missing_mode_text(w, jr);
  const double clock = s.state.playback.clock_h, end = s.status.end_h;
  j["play"] = play_button_word(w, s.state.playback, end);
  j["clock"] = clock_text(w, clock, end);
  j["now"] = now_text(w, s.state, jr);
  const ShowMode show = s.state.show;
  j["progress"] = {{"train", show != ShowMode::Plane ? progress_text(w, jr.train, clock) : ""},
                   {"plane", show != ShowMode::Train ? progress_text(w, jr.plane, clock) : ""}};
}

std::string describe_json(const Session& s, DescribeScope scope) {
  const TripData& data = s.trips;
  const Words& w = session_words(s);
  const Trip* trip = s.journey.trip;
  json j;
  j["lang"] = language_code(w.language);
  if (scope == DescribeScope::Moment) {
    j["tripId"] = trip ? trip->id : "";
    if (trip) describe_moment(s, w, j);
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
  }
  j["words"] = page_words(w);
  j["languages"] = json::array();
  for (const LanguageInfo& l : languages()) j["languages"].push_back({{"code", l.code}, {"name", l.name}});
  j["trips"] = json::array();
  for (const Trip& t : data.trips) {
    j["trips"].push_back({{"id", t.id},
                          {"number", t.number},
                          {"destination", t.destination},
                          {"meta", fill(w("{0} \xC2\xB7 by {1} \xC2\xB7 {2}"),
                                        {month_year(w, t.depart), mode_word(w, main_mode(t)), t.counterpart})}});
  }
  j["speeds"] = kSpeedChoices;
  if (!trip) return j.dump(-1, ' ', false, json::error_handler_t::replace);

  std::string legs;
  for (const Leg& leg : trip->outbound) {
    std::string word = w(leg.mode == Mode::Plane ? "Plane" : leg.mode == Mode::Car ? "Car" : "Train");
    if (const Vehicle* v = data.find_vehicle(leg.vehicle_id)) word = fill(w("{0} ({1})"), {word, v->name});
    legs = legs.empty() ? word : fill(w("{0}, then {1}"), {legs, word});
  }
  json facts = json::array();
  for (const Fact& f : trip->facts) facts.push_back({{"text", f.text}, {"sources", sources_json(data, f.sources)}});
  j["trip"] = {{"id", trip->id},
               {"heading", fill(w("Trip {0}: {1}"), {std::to_string(trip->number), trip->title})},
               {"dates", trip_dates(w, *trip)},
               {"destination",
                trip->country.empty() ? trip->destination : fill(w("{0}, {1}"), {trip->destination, trip->country})},
               {"met", trip->counterpart},
               {"travelledBy", legs},
               {"summary", trip->summary},
               {"facts", facts},
               {"sources", sources_json(data, trip->sources)}};
  describe_moment(s, w, j);
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace core
