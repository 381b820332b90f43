// Journey timing: how long a distance takes at a speed range, and a timeline that maps elapsed hours to
// distance along a route with stops and dwell times (for animation: one binary search per query, no
// allocation). Also the small calendar helper the data model uses to compare local times across zones.
#pragma once

#include <cstdint>
#include <vector>

namespace core {

struct SpeedRange {
  double min_kmh = 0.0;
  double max_kmh = 0.0;
  double mid_kmh() const { return 0.5 * (min_kmh + max_kmh); }
  bool valid() const { return min_kmh > 0.0 && max_kmh >= min_kmh; }
};

struct HoursRange {
  double min_h = 0.0;
  double max_h = 0.0;
};

// Time to cover km at a speed between speed.min_kmh and speed.max_kmh, plus dwell_h of stops:
// min_h = km / max_kmh + dwell, max_h = km / min_kmh + dwell. An invalid speed range gives {0, 0} + dwell.
HoursRange travel_hours(double km, SpeedRange speed, double dwell_h);

// When the journey is at each stop, in hours since leaving the first stop. Moving at constant speed
// between stops; standing still for the dwell time at intermediate stops (dwell at the first and last stop
// is ignored: the journey starts when it leaves and ends when it arrives).
struct Timeline {
  std::vector<double> stop_km;   // distance of each stop along the route (Route::stop_km)
  std::vector<double> arrive_h;  // arrival at each stop (arrive_h[0] = 0)
  std::vector<double> depart_h;  // departure from each stop (depart_h.back() = arrive_h.back())
  double moving_speed_kmh = 0.0;

  double total_h() const { return arrive_h.empty() ? 0.0 : arrive_h.back(); }
};

// dwell_h may be shorter than stop_km (missing entries are 0). speed_kmh must be > 0.
Timeline build_timeline_at_speed(const std::vector<double>& stop_km, const std::vector<double>& dwell_h,
                                 double speed_kmh);

// Same, but the moving speed is chosen so that the whole journey (moving + dwell) takes total_h, e.g. a
// reported duration. If total_h does not exceed the dwell time, the dwell times are scaled down to fit
// half of it.
Timeline build_timeline_for_duration(const std::vector<double>& stop_km, const std::vector<double>& dwell_h,
                                     double total_h);

// Same, with a moving speed per stretch: speed_kmh[i] from stop i to stop i+1 (a stretch timed by reported
// times runs at the speed they give). moving_speed_kmh is the overall average while moving.
Timeline build_timeline_by_stretch(const std::vector<double>& stop_km, const std::vector<double>& dwell_h,
                                   const std::vector<double>& speed_kmh);

// Distance along the route at elapsed hours (clamped to [0, total]). O(log stops), no allocation.
double timeline_km_at(const Timeline& timeline, double hours);

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int year, int month, int day);

// Number of days in a month (1..12) of a year.
int days_in_month(int year, int month);

}  // namespace core
