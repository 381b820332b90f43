// What the data implies: for each leg, its drawn route (great-circle arcs between stops, densified), its
// computed length, its duration at the vehicle's speed range plus reported dwell times, the elapsed time
// between its reported stop times, and the computed length of any part of it a reported figure refers to.
// Used by the renderer/UI (routes and timelines) and by tools/tripcheck.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/timing.hpp"
#include "core/trips.hpp"

namespace core {

struct LegComputation {
  Route route;                           // one vertex at least every kDefaultDensifyStepKm
  double distance_km = 0.0;              // sum of great circles between consecutive stops
  double dwell_h = 0.0;                  // reported dwell at intermediate stops
  std::optional<SpeedRange> speed;       // vehicle timing speed, if the data has one
  std::optional<HoursRange> duration_h;  // at that speed, dwell included
  // Elapsed time between the first and the last stop of the leg that have a reported time with a clock
  // time, and which stops those are (indices into the leg's stops).
  std::optional<double> timed_h;
  std::size_t timed_from = 0, timed_to = 0;
};

std::vector<LatLon> stop_coords(const Leg& leg);

// vehicle may be null (no speed: duration_h stays empty).
LegComputation compute_leg(const Leg& leg, const Vehicle* vehicle);

// Computed great-circle length of the part of the leg a figure refers to (whole leg when the figure has
// no from/to). nullopt if from/to do not name stops of the leg in order.
std::optional<double> span_km(const Leg& leg, const LegComputation& c, const Figure& f);

// Envelope (lowest min, highest max) of a list of reported figures for the whole leg; nullopt if none.
std::optional<HoursRange> whole_leg_envelope(const std::vector<Figure>& figures);

// Timeline for animating the leg: scaled to the midpoint of the reported whole-leg durations when there
// are any, else at the middle of the vehicle's speed range, else at fallback_speed_kmh.
Timeline leg_timeline(const Leg& leg, const LegComputation& c, double fallback_speed_kmh = 60.0);

// All legs of a trip in travel order: outbound, tour, return (what-ifs are separate).
std::vector<const Leg*> travel_legs(const Trip& trip);

// A rail leg's computed length along its lines must come within this band of a published line length
// (a figure marked line_length): 95 % to 103 %.
constexpr double kLineLengthMin = 0.95;
constexpr double kLineLengthMax = 1.03;

struct LineLengthCheck {
  std::string trip_id;
  std::string leg;  // "outbound 1", "return 0", "what-if 0"...
  const Leg* leg_ptr = nullptr;
  const Figure* figure = nullptr;
  double computed_km = 0.0;
  double ratio = 0.0;  // computed / published (the middle of a min-max figure)
  bool in_band = false;
};

// Every figure marked line_length, on every leg of every trip (what-ifs included), against the computed length.
std::vector<LineLengthCheck> check_line_lengths(const TripData& data);

}  // namespace core
