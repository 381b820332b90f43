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

std::string progress_text(const Track& track, double clock_h) {
  if (!track.available || track.stops.empty()) return "";
  const TrackState now = track_state_at(track, clock_h);
  const std::string who = std::string(track.what_if ? "The what-if " : "The ") + mode_word(track.mode);
  if (now.arrived)
    return who + " arrived at " + track.stops.back().name + " after " + format_hours(track.duration_h()) + ".";
  if (now.stops_passed < 2) return "";
  const std::size_t i = static_cast<std::size_t>(now.stops_passed - 1);
  std::string text = who + " passed " + track.stops[i].name + " (stop " + std::to_string(now.stops_passed) + " of " +
                     std::to_string(track.stops.size()) + ")";
  if (i + 1 < track.stops.size()) text += ", next " + track.stops[i + 1].name;
  return text + "; " + km_text(std::max(0.0, track.distance_km() - now.km)) + " to go.";
}

std::string describe_json(const Session& s) {
  const TripData& data = s.trips;
  json j;
  j["trips"] = json::array();
  for (const Trip& t : data.trips) {
    j["trips"].push_back(
        {{"id", t.id},
         {"number", t.number},
         {"destination", t.destination},
         {"meta", month_year(t.depart) + " \xC2\xB7 by " + mode_word(main_mode(t)) + " \xC2\xB7 " + t.counterpart}});
  }
  j["speeds"] = kSpeedChoices;
  const Journey& jr = s.journey;
  const Trip* trip = jr.trip;
  if (!trip) return j.dump(-1, ' ', false, json::error_handler_t::replace);

  std::string legs;
  for (const Leg& leg : trip->outbound) {
    std::string word = mode_word(leg.mode);
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
    if (const Vehicle* v = data.find_vehicle(leg.vehicle_id)) word += " (" + v->name + ")";
    legs += (legs.empty() ? "" : ", then ") + word;
  }
  json facts = json::array();
  for (const Fact& f : trip->facts) facts.push_back({{"text", f.text}, {"sources", sources_json(data, f.sources)}});
  j["trip"] = {{"id", trip->id},
               {"heading", "Trip " + std::to_string(trip->number) + ": " + trip->title},
               {"dates", trip_dates(*trip)},
               {"destination", trip->country.empty() ? trip->destination : trip->destination + ", " + trip->country},
               {"met", trip->counterpart},
               {"travelledBy", legs},
               {"summary", trip->summary},
               {"facts", facts},
               {"sources", sources_json(data, trip->sources)}};

  const bool both = jr.train.available && jr.plane.available;
  j["modes"] = {{"train", {{"label", mode_button_label(jr.train, "Train")}, {"enabled", jr.train.available}}},
                {"plane", {{"label", mode_button_label(jr.plane, "Plane")}, {"enabled", jr.plane.available}}},
                {"both", {{"label", "Both, racing"}, {"enabled", both}}}};
  j["modeNote"] = missing_mode_text(jr);
  const double clock = s.state.playback.clock_h, end = s.status.end_h;
  j["play"] = play_button_word(s.state.playback, end);
  j["clock"] = clock_text(clock, end);
  j["now"] = now_text(s.state, jr);
  const ShowMode show = s.state.show;
  j["progress"] = {{"train", show != ShowMode::Plane ? progress_text(jr.train, clock) : ""},
                   {"plane", show != ShowMode::Train ? progress_text(jr.plane, clock) : ""}};
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace core
