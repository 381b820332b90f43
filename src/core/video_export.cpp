#include "core/video_export.hpp"

#include <algorithm>
#include <cmath>

#include "core/json.hpp"
#include "core/legs.hpp"

#include "core/reader_text.hpp"

namespace core {

std::optional<VideoOptions> video_options_from_json(std::string_view json_text, const TripData& trips,
                                                    const AppState& current, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<VideoOptions> {
    if (error) *error = "exportVideo: " + why;
    return std::nullopt;
  };
  const JsonDocument parsed(json_text);
  const Json j = parsed.root();
  if (!j.is_object()) return fail("expected an object such as {trip: \"2019-02-hanoi\", mode: \"both\"}");
  VideoOptions o;
  o.trip = current.trip_id;
  o.mode = current.show;
  bool mode_given = false;
  for (const auto& [key, value] : j.members()) {
    const std::string k = key.substr(0, 40);
    if (k == "trip") {
      if (!value.is_string()) return fail("trip must be a trip's id, such as \"2019-02-hanoi\"");
      o.trip = value.string();
    } else if (k == "mode") {
      const std::optional<ShowMode> m = value.is_string() ? parse_show_mode(value.string()) : std::nullopt;
      if (!m) return fail("mode must be \"train\", \"plane\" or \"both\"");
      o.mode = *m;
      mode_given = true;
    } else if (k == "width" || k == "height" || k == "seconds" || k == "fps") {
      if (!value.is_number_integer()) return fail(k + " must be a whole number");
      const long long whole = value.integer();
      const int n = whole >= -1000000 && whole <= 1000000 ? static_cast<int>(whole) : -1;  // out of range below
      (k == "width" ? o.width : k == "height" ? o.height : k == "seconds" ? o.seconds : o.fps) = n;
    } else if (k == "format") {
      if (!value.is_string()) return fail("format must be \"mp4\", \"webm\" or \"auto\"");
      o.format = value.string();
      if (o.format != "mp4" && o.format != "webm" && o.format != "auto")
        return fail("format must be \"mp4\", \"webm\" or \"auto\", not \"" + o.format.substr(0, 20) + "\"");
    } else {
      return fail("unknown option \"" + k + "\" (options: trip, mode, width, height, seconds, fps, format)");
    }
  }
  const Trip* trip = trips.find_trip(o.trip);
  if (!trip) return fail("no trip \"" + o.trip.substr(0, 40) + "\"");
  for (int side : {o.width, o.height})
    if (side < kVideoMinSide || side > kVideoMaxSide || side % 2)
      return fail("width and height must be even numbers from " + std::to_string(kVideoMinSide) + " to " +
                  std::to_string(kVideoMaxSide) + " (presets 1920 \xC3\x97 1080, 1080 \xC3\x97 1080, 1080 " +
                  "\xC3\x97 1920), not " + std::to_string(o.width) + " \xC3\x97 " + std::to_string(o.height));
  if (o.seconds < kVideoMinSeconds || o.seconds > kVideoMaxSeconds)
    return fail("seconds must be from " + std::to_string(kVideoMinSeconds) + " to " + std::to_string(kVideoMaxSeconds) +
                ", not " + std::to_string(o.seconds));
  if (std::find(std::begin(kVideoFrameRates), std::end(kVideoFrameRates), o.fps) == std::end(kVideoFrameRates))
    return fail("fps must be 24, 25, 30 or 60, not " + std::to_string(o.fps));
  const Journey journey = build_journey(trips, *trip);
  const bool train = journey.train.available, plane = journey.plane.available;
  if (!mode_given && o.trip != current.trip_id)  // another trip: the mode he used, as picking it would show
    o.mode = journey.real_mode == Mode::Plane ? ShowMode::Plane : ShowMode::Train;
  if ((o.mode == ShowMode::Train && !train) || (o.mode == ShowMode::Plane && !plane) ||
      (o.mode == ShowMode::Both && !(train && plane)))
    return fail(std::string("mode \"") + to_string(o.mode) + "\" is not possible for " + trip->title + ": " +
                missing_mode_text(english_words(), journey));  // the page API's errors are in English
  return o;
}

int video_frame_count(const VideoOptions& o) { return o.seconds * o.fps; }

std::int64_t video_timestamp_us(int frame, int fps) {
  return static_cast<std::int64_t>(std::llround(static_cast<double>(frame) * 1e6 / fps));
}

double video_clock_h(int frame, const VideoOptions& o, double end_h) {
  // The journey runs over all but the last second, which holds on the arrival (or both arrivals, compared).
  const int moving = (o.seconds - 1) * o.fps;
  if (frame >= moving) return end_h;
  return end_h * static_cast<double>(frame) / moving;
}

std::string video_file_stem(const VideoOptions& o) {
  return "journeys-" + o.trip + "-" + to_string(o.mode) + "-" + std::to_string(o.width) + "x" +
         std::to_string(o.height);
}

std::vector<VideoTrackLine> video_track_lines(const Words& w, const AppState& state, const Journey& journey) {
  std::vector<VideoTrackLine> lines;
  for (const Track* t : {&journey.train, &journey.plane}) {
    const bool train = t == &journey.train;
    if (!t->available || (state.show != ShowMode::Both && (state.show == ShowMode::Train) != train)) continue;
    const TrackState now = track_state_at(*t, state.playback.clock_h);
    const std::string what = w(train ? (t->what_if ? "Train, what-if" : "Train, as he travelled")
                                     : (t->what_if ? "Plane, what-if" : "Plane, as he travelled"));
    const std::string text = now.arrived
                                 ? fill(w("{0}: arrived, {1} in {2}"),
                                        {what, km_text(w, t->distance_km()), duration_text(w, t->duration_h())})
                                 : fill(w("{0}: {1} of {2}"), {what, km_text(w, now.km), km_text(w, t->distance_km())});
    lines.push_back({train ? Mode::Train : Mode::Plane, text});
  }
  return lines;
}

std::string video_clock_line(const Words& w, double clock_h, double end_h) {
  return fill(w("Journey time {0}"), {clock_text(w, clock_h, end_h)});
}

// Russia's railway stations and the Khasan line's track come from OpenStreetMap (ODbL), credited where drawn: on
// the trips that go by train in Russia.
static bool by_rail_in_russia(const TripData& data, const Trip& trip) {
  for (const Leg* leg : travel_legs(trip))
    if (leg->mode == Mode::Train)
      for (const Stop& stop : leg->stops)
        if (const Place* place = data.find_place(stop.place_id); place && place->country == "RU") return true;
  return false;
}

std::string video_credit_line(const Words& w, const TripData& data, const Trip& trip) {
  return fill(by_rail_in_russia(data, trip)
                  ? w("Sources: {0}. Map: Natural Earth; railways in Russia \xC2\xA9 OpenStreetMap contributors.")
                  : w("Sources: {0}. Map: Natural Earth."),
              {outlets(data, trip.sources)});
}

std::string video_unavailable_text(const Words& w) {
  return w(
      "Video export needs WebCodecs with an H.264 or VP9 encoder (current Chrome, Edge, Firefox or Safari); "
      "this browser has none.");
}

SessionSnapshot session_begin_video(Session& s, const VideoOptions& o) {
  SessionSnapshot before{s.state,      s.fly,         s.fly_elapsed,         s.flying,
                         s.view_moved, s.fitted_show, s.fitted_sidebar_open, s.fitted_panels};
  if (const Trip* trip = s.trips.find_trip(o.trip); trip && s.journey_trip != o.trip) {
    session_build_journey(s, *trip);
  }
  s.state.trip_id = o.trip;
  s.state.show = o.mode;
  s.state.playback.playing = false;
  s.state.playback.clock_h = 0.0;
  s.flying = false;
  session_step(s, 0.0);
  return before;
}

void session_video_frame(Session& s, const VideoOptions& o, int frame) {
  s.status.end_h = playback_end_h(s.journey, s.state.show);
  s.state.playback.clock_h = video_clock_h(frame, o, s.status.end_h);
  session_step(s, 0.0);
}

bool session_end_video(Session& s, const SessionSnapshot& before) {
  s.state = before.state;
  s.fly = before.fly;
  s.fly_elapsed = before.fly_elapsed;
  s.flying = before.flying;
  s.view_moved = before.view_moved;
  s.fitted_show = before.fitted_show;
  s.fitted_sidebar_open = before.fitted_sidebar_open;
  s.fitted_panels = before.fitted_panels;
  bool rebuilt = false;
  if (const Trip* trip = s.trips.find_trip(s.state.trip_id); trip && s.journey_trip != s.state.trip_id) {
    session_build_journey(s, *trip);
    rebuilt = true;
  }
  // The status (end, tracks) for the reader's trip again, without moving the clock or the camera.
  const FlyPath fly = s.fly;
  const double elapsed = s.fly_elapsed;
  const Camera camera = s.state.camera;
  session_step(s, 0.0);
  s.state.camera = camera;
  s.fly = fly;
  s.fly_elapsed = elapsed;
  return rebuilt;
}

}  // namespace core
