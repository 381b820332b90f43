// The animated journey: for the selected trip, the outbound journey as he really made it and the what-if in
// the other mode, each a route with one timeline (elapsed hours -> km along the route), and the playback
// clock that drives both. Everything the screen shows at a moment (icon position and heading, the route
// drawn so far, the stops passed and when, the clock) derives from `clock_h` through these functions, so it
// is exact and independent of the frame rate.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/timing.hpp"
#include "core/trips.hpp"

namespace core {

struct TrackStop {
  std::string name;
  std::string local_name;  // in the place's own script (北京站), when known and not Latin
  LatLon coord;
  StopKind kind = StopKind::City;
  bool reported = false;  // false: inferred (the only rail path, the nearest airport)
  double km = 0.0;        // along the track
  double arrive_h = 0.0;  // since departure
  double depart_h = 0.0;
  std::string country;  // ISO 3166 alpha-2 of the place ("KP", "CN"): its label keeps to its own side of a border
};

// One mode's journey from Pyongyang to the destination: the outbound legs joined end to end.
struct Track {
  bool available = false;
  std::string unavailable_reason;  // when !available: why (e.g. no rail link to Singapore)
  Mode mode = Mode::Train;         // the main mode (the longest leg's), which the toggle names
  bool what_if = false;
  std::string vehicle_name;  // of the main leg
  Route route;               // densified, cumulative km
  std::vector<TrackStop> stops;
  Timeline timeline;               // over the whole track (stop_km = every stop of every leg)
  std::vector<double> leg_end_km;  // where each leg ends along the track
  std::vector<Mode> leg_modes;
  double distance_km() const { return route.length_km(); }
  double duration_h() const { return timeline.total_h(); }
  double average_speed_kmh() const { return duration_h() > 0 ? distance_km() / duration_h() : 0.0; }
};

struct Journey {
  const Trip* trip = nullptr;
  Track train, plane;            // one of them is real, the other the what-if (or unavailable)
  Mode real_mode = Mode::Train;  // how he really went (Train or Plane)
  const Track& real() const { return real_mode == Mode::Plane ? plane : train; }
  const Track& alternative() const { return real_mode == Mode::Plane ? train : plane; }
};

// The trip's main mode: that of its longest outbound leg (the Hanoi trip: train, though it ends by car).
Mode main_mode(const Trip& trip);

Journey build_journey(const TripData& data, const Trip& trip);

// Which tracks are on screen.
enum class ShowMode { Train, Plane, Both };
const char* to_string(ShowMode m);  // "train", "plane", "both"
std::optional<ShowMode> parse_show_mode(std::string_view s);

// Journey hours per second of animation at speed 1: one hour per second, so a 20-hour train ride plays in
// 20 s and the 2-hour flight beside it in 2 s.
constexpr double kJourneyHoursPerSecond = 1.0;
constexpr double kMinSpeed = 0.25, kMaxSpeed = 16.0;
// The speeds the reader is offered (the canvas menu and the HTML select).
constexpr double kSpeedChoices[] = {0.25, 0.5, 1, 2, 4, 8, 16};

struct Playback {
  double clock_h = 0.0;  // elapsed journey hours since departure
  bool playing = false;
  double speed = 1.0;  // multiplier of kJourneyHoursPerSecond, kMinSpeed..kMaxSpeed
};

// The clock runs until the last shown track arrives.
double playback_end_h(const Journey& journey, ShowMode show);
// Advances the clock by real seconds; stops exactly at the end and pauses there.
void advance(Playback& playback, double seconds, double end_h);
// Scrub / step / restart: sets the clock, clamped to [0, end].
void seek(Playback& playback, double clock_h, double end_h);
// The step of ←/→: a twentieth of the journey, at least a quarter hour.
double step_hours(double end_h);
double clamp_speed(double speed);

// Where a track is at a moment.
struct TrackState {
  double km = 0.0;
  LatLon position;
  double heading_deg = 0.0;
  bool arrived = false;
  int stops_passed = 0;     // stops whose arrival time is <= clock (the first counts as soon as it leaves)
  Mode mode = Mode::Train;  // of the leg it is on; at a change (Dong Dang) the one it arrived by until it leaves
};
TrackState track_state_at(const Track& track, double clock_h);

// The side-by-side figures of the compare panel.
struct Comparison {
  double distance_km = 0, duration_h = 0, average_speed_kmh = 0;
};
Comparison compare_track(const Track& track);
// Whether the end-of-race comparison is shown: both modes racing, both exist, and the clock at the end.
bool compare_due(ShowMode show, const Journey& journey, double clock_h, double end_h);

// Sidebar filter: all trips, or only those he made by train / by plane.
enum class TripFilter { All, Train, Plane };
bool passes(TripFilter filter, const Trip& trip);

// "19 h 40 min", "2 h 05 min", "45 min".
std::string format_hours(double hours);

}  // namespace core
