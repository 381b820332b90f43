#include "core/journey.hpp"

#include <algorithm>

namespace core {

std::vector<LatLon> stop_coords(const Leg& leg) {
  std::vector<LatLon> out;
  out.reserve(leg.stops.size());
  for (const Stop& s : leg.stops) out.push_back(s.coord);
  return out;
}

namespace {
std::vector<double> dwell_list(const Leg& leg) {
  std::vector<double> d;
  d.reserve(leg.stops.size());
  for (const Stop& s : leg.stops) d.push_back(s.dwell_hours.value_or(0.0));
  return d;
}
}  // namespace

LegComputation compute_leg(const Leg& leg, const Vehicle* vehicle) {
  LegComputation c;
  c.route = build_route(stop_coords(leg));
  c.distance_km = c.route.length_km();
  const std::vector<double> dwell = dwell_list(leg);
  for (std::size_t i = 1; i + 1 < dwell.size(); ++i) c.dwell_h += dwell[i];
  if (vehicle && vehicle->timing_speed && vehicle->timing_speed->valid()) {
    c.speed = vehicle->timing_speed;
    c.duration_h = travel_hours(c.distance_km, *c.speed, c.dwell_h);
  }
  // First and last stops with a clock time.
  std::optional<std::size_t> first, last;
  for (std::size_t i = 0; i < leg.stops.size(); ++i) {
    if (leg.stops[i].when && leg.stops[i].when->has_time) {
      if (!first) first = i;
      last = i;
    }
  }
  if (first && last && *first < *last) {
    c.timed_h = hours_between(*leg.stops[*first].when, *leg.stops[*last].when);
    c.timed_from = *first;
    c.timed_to = *last;
  }
  return c;
}

std::optional<double> span_km(const Leg& leg, const LegComputation& c, const Figure& f) {
  if (leg.stops.empty() || c.route.stop_km.size() != leg.stops.size()) return std::nullopt;
  auto index = [&](const std::string& id, std::size_t dflt) -> std::optional<std::size_t> {
    if (id.empty()) return dflt;
    for (std::size_t i = 0; i < leg.stops.size(); ++i)
      if (leg.stops[i].place_id == id) return i;
    return std::nullopt;
  };
  const auto a = index(f.from, 0);
  const auto b = index(f.to, leg.stops.size() - 1);
  if (!a || !b || *a >= *b) return std::nullopt;
  return c.route.stop_km[*b] - c.route.stop_km[*a];
}

std::optional<HoursRange> whole_leg_envelope(const std::vector<Figure>& figures) {
  std::optional<HoursRange> env;
  for (const Figure& f : figures) {
    if (!f.whole_leg()) continue;
    if (!env) env = HoursRange{f.min, f.max};
    env->min_h = std::min(env->min_h, f.min);
    env->max_h = std::max(env->max_h, f.max);
  }
  return env;
}

Timeline leg_timeline(const Leg& leg, const LegComputation& c, double fallback_speed_kmh) {
  const std::vector<double> dwell = dwell_list(leg);
  if (auto env = whole_leg_envelope(leg.reported_duration_h))
    return build_timeline_for_duration(c.route.stop_km, dwell, 0.5 * (env->min_h + env->max_h));
  const double speed = c.speed ? c.speed->mid_kmh() : fallback_speed_kmh;
  return build_timeline_at_speed(c.route.stop_km, dwell, speed);
}

std::vector<const Leg*> travel_legs(const Trip& trip) {
  std::vector<const Leg*> out;
  for (const Leg& l : trip.outbound) out.push_back(&l);
  for (const Leg& l : trip.tour) out.push_back(&l);
  for (const Leg& l : trip.return_legs) out.push_back(&l);
  return out;
}

}  // namespace core
