#include "core/describe.hpp"

#include <algorithm>

#include "core/json.hpp"
#include "core/reader_text.hpp"

namespace core {

static void write_sources(JsonWriter& out, const TripData& data, const std::vector<std::string>& ids) {
  out.begin_array();
  for (const std::string& id : ids) {
    const Source* s = data.find_source(id);
    if (!s || is_desk_source(*s)) continue;  // readers see outlets, never the desk's own notes
    out.begin_object()
        .field("name", s->title.empty() ? s->outlet : s->outlet + ": " + s->title)
        .field("url", s->url)
        .field("about", s->about)
        .end_object();
  }
  out.end_array();
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
static void write_page_words(JsonWriter& out, const Words& w) {
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
  out.begin_object();
  for (const char* label : kLabels) out.field(label, w(label));
  out.end_object();
}

// The texts that change with the clock and the mode.
static void write_moment(JsonWriter& out, const Session& s, const Words& w) {
  const Journey& jr = s.journey;
  const bool both = jr.train.available && jr.plane.available;
  out.key("modes").begin_object();
  out.key("train").begin_object();
  out.field("label", mode_button_label(w, jr.train, Mode::Train)).field("enabled", jr.train.available).end_object();
  out.key("plane").begin_object();
  out.field("label", mode_button_label(w, jr.plane, Mode::Plane)).field("enabled", jr.plane.available).end_object();
  out.key("both").begin_object().field("label", w("Both, racing")).field("enabled", both).end_object();
  out.end_object();
  out.field("modeNote", missing_mode_text(w, jr));
  const double clock = s.state.playback.clock_h, end = s.status.end_h;
  out.field("play", play_button_word(w, s.state.playback, end));
  out.field("clock", clock_text(w, clock, end));
  out.field("now", now_text(w, s.state, jr));
  const ShowMode show = s.state.show;
  out.key("progress")
      .begin_object()
      .field("train", show != ShowMode::Plane ? progress_text(w, jr.train, clock) : "")
      .field("plane", show != ShowMode::Train ? progress_text(w, jr.plane, clock) : "")
      .end_object();
}

std::string describe_json(const Session& s, DescribeScope scope) {
  const TripData& data = s.trips;
  const Words& w = session_words(s);
  const Trip* trip = s.journey.trip;
  JsonWriter out;
  out.begin_object().field("lang", language_code(w.language));
  if (scope == DescribeScope::Moment) {
    out.field("tripId", trip ? trip->id : "");
    if (trip) write_moment(out, s, w);
    return out.end_object().text();
  }
  out.key("words");
  write_page_words(out, w);
  out.key("languages").begin_array();
  for (const LanguageInfo& l : languages()) out.begin_object().field("code", l.code).field("name", l.name).end_object();
  out.end_array();
  out.key("trips").begin_array();
  for (const Trip& t : data.trips)
    out.begin_object()
        .field("id", t.id)
        .field("number", t.number)
        .field("destination", t.destination)
        .field("meta", fill(w("{0} \xC2\xB7 by {1} \xC2\xB7 {2}"),
                            {month_year(w, t.depart), mode_word(w, main_mode(t)), t.counterpart}))
        .end_object();
  out.end_array();
  out.key("speeds").begin_array();
  for (const double speed : kSpeedChoices) out.value(speed);
  out.end_array();
  if (!trip) return out.end_object().text();

  std::string legs;
  for (const Leg& leg : trip->outbound) {
    std::string word = w(leg.mode == Mode::Plane ? "Plane" : leg.mode == Mode::Car ? "Car" : "Train");
    if (const Vehicle* v = data.find_vehicle(leg.vehicle_id)) word = fill(w("{0} ({1})"), {word, v->name});
    legs = legs.empty() ? word : fill(w("{0}, then {1}"), {legs, word});
  }
  out.key("trip").begin_object();
  out.field("id", trip->id)
      .field("heading", fill(w("Trip {0}: {1}"), {std::to_string(trip->number), trip->title}))
      .field("dates", trip_dates(w, *trip))
      .field("destination",
             trip->country.empty() ? trip->destination : fill(w("{0}, {1}"), {trip->destination, trip->country}))
      .field("met", trip->counterpart)
      .field("travelledBy", legs)
      .field("summary", trip->summary);
  out.key("facts").begin_array();
  for (const Fact& f : trip->facts) {
    out.begin_object().field("text", f.text).key("sources");
    write_sources(out, data, f.sources);
    out.end_object();
  }
  out.end_array();
  out.key("sources");
  write_sources(out, data, trip->sources);
  out.end_object();  // trip
  write_moment(out, s, w);
  return out.end_object().text();
}

}  // namespace core
