#include "core/timing.hpp"

#include <algorithm>

namespace core {

HoursRange travel_hours(double km, SpeedRange speed, double dwell_h) {
  HoursRange r{dwell_h, dwell_h};
  if (!speed.valid()) return r;
  r.min_h += km / speed.max_kmh;
  r.max_h += km / speed.min_kmh;
  return r;
}

namespace {

double dwell_at(const std::vector<double>& dwell_h, std::size_t i, std::size_t n) {
  if (i == 0 || i + 1 >= n || i >= dwell_h.size()) return 0.0;
  return std::max(0.0, dwell_h[i]);
}

Timeline build(const std::vector<double>& stop_km, const std::vector<double>& dwell_h, double speed_kmh,
               double dwell_scale) {
  Timeline t;
  t.stop_km = stop_km;
  t.moving_speed_kmh = speed_kmh;
  const std::size_t n = stop_km.size();
  t.arrive_h.resize(n, 0.0);
  t.depart_h.resize(n, 0.0);
  double clock = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) {
      const double km = std::max(0.0, stop_km[i] - stop_km[i - 1]);
      clock += speed_kmh > 0.0 ? km / speed_kmh : 0.0;
    }
    t.arrive_h[i] = clock;
    clock += dwell_scale * dwell_at(dwell_h, i, n);
    t.depart_h[i] = clock;
  }
  return t;
}

}  // namespace

Timeline build_timeline_at_speed(const std::vector<double>& stop_km, const std::vector<double>& dwell_h,
                                 double speed_kmh) {
  return build(stop_km, dwell_h, speed_kmh, 1.0);
}

Timeline build_timeline_for_duration(const std::vector<double>& stop_km, const std::vector<double>& dwell_h,
                                     double total_h) {
  const std::size_t n = stop_km.size();
  double dwell = 0.0;
  for (std::size_t i = 0; i < n; ++i) dwell += dwell_at(dwell_h, i, n);
  const double km = n > 0 ? stop_km.back() - stop_km.front() : 0.0;
  double scale = 1.0;
  if (total_h > 0.0 && dwell >= total_h) {
    scale = 0.5 * total_h / dwell;
    dwell *= scale;
  }
  const double moving_h = total_h - dwell;
  const double speed = (moving_h > 0.0 && km > 0.0) ? km / moving_h : 0.0;
  return build(stop_km, dwell_h, speed, scale);
}

Timeline build_timeline_by_stretch(const std::vector<double>& stop_km, const std::vector<double>& dwell_h,
                                   const std::vector<double>& speed_kmh) {
  Timeline t;
  t.stop_km = stop_km;
  const std::size_t n = stop_km.size();
  t.arrive_h.resize(n, 0.0);
  t.depart_h.resize(n, 0.0);
  double clock = 0.0, moving = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) {
      const double km = std::max(0.0, stop_km[i] - stop_km[i - 1]);
      const double v = i - 1 < speed_kmh.size() ? speed_kmh[i - 1] : 0.0;
      const double h = v > 0.0 ? km / v : 0.0;
      clock += h;
      moving += h;
    }
    t.arrive_h[i] = clock;
    clock += dwell_at(dwell_h, i, n);
    t.depart_h[i] = clock;
  }
  const double km = n > 0 ? stop_km.back() - stop_km.front() : 0.0;
  t.moving_speed_kmh = moving > 0.0 ? km / moving : 0.0;
  return t;
}

double timeline_km_at(const Timeline& t, double hours) {
  const std::size_t n = t.stop_km.size();
  if (n == 0) return 0.0;
  if (!(hours > 0.0)) return t.stop_km.front();
  if (hours >= t.total_h()) return t.stop_km.back();
  // j = first stop not yet reached.
  auto it = std::upper_bound(t.arrive_h.begin(), t.arrive_h.end(), hours);
  const std::size_t j = static_cast<std::size_t>(it - t.arrive_h.begin());
  if (j == 0) return t.stop_km.front();
  if (j >= n) return t.stop_km.back();
  const std::size_t i = j - 1;
  if (hours <= t.depart_h[i]) return t.stop_km[i];  // dwelling at stop i
  const double span = t.arrive_h[j] - t.depart_h[i];
  if (span <= 0.0) return t.stop_km[j];
  const double f = (hours - t.depart_h[i]) / span;
  return t.stop_km[i] + f * (t.stop_km[j] - t.stop_km[i]);
}

std::int64_t days_from_civil(int year, int month, int day) {
  const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t m = month;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int days_in_month(int year, int month) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace core
