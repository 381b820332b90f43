#include "core/legs.hpp"

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
  c.route = build_route(stop_coords(leg), leg.via);
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
  const std::vector<double>& km = c.route.stop_km;
  const std::size_t n = km.size();
  const auto env = whole_leg_envelope(leg.reported_duration_h);
  const double base_speed = c.speed ? c.speed->mid_kmh() : fallback_speed_kmh;

  // Stops with a reported clock time, in order, where the clock moves forward between them.
  std::vector<std::size_t> timed;
  for (std::size_t i = 0; i < n && i < leg.stops.size(); ++i) {
    const Stop& s = leg.stops[i];
    if (!(s.when && s.when->has_time)) continue;
    if (!timed.empty()) {
      const auto h = hours_between(*leg.stops[timed.back()].when, *s.when);
      if (!h || *h <= 0.0 || km[i] <= km[timed.back()]) continue;
    }
    timed.push_back(i);
  }
  if (timed.size() < 2) {
    if (env) return build_timeline_for_duration(km, dwell, 0.5 * (env->min_h + env->max_h));
    return build_timeline_at_speed(km, dwell, base_speed);
  }

  // Timed by stretch: between two stops with reported times the train runs at the speed those times give
  // (reported halts inside the stretch included), so the clock shows the reported times. Outside the timed
  // stretches it runs at the speed the rest of a reported whole-leg duration leaves, else the vehicle's.
  std::vector<double> speed(n > 0 ? n - 1 : 0, base_speed);  // speed[i]: stop i to i+1
  double timed_km = 0.0, timed_h = 0.0;
  for (std::size_t t = 1; t < timed.size(); ++t) {
    const std::size_t a = timed[t - 1], b = timed[t];
    // A reported time is the arrival: a halt at a (not at the leg's first stop) comes off the stretch, as do
    // the halts inside it.
    double halts = a > 0 ? std::max(0.0, dwell[a]) : 0.0;
    for (std::size_t i = a + 1; i < b; ++i) halts += std::max(0.0, dwell[i]);
    const double hours = *hours_between(*leg.stops[a].when, *leg.stops[b].when);
    const double moving = std::max(hours - halts, 0.1 * hours);
    const double v = (km[b] - km[a]) / moving;
    for (std::size_t i = a; i < b; ++i) speed[i] = v;
    timed_km += km[b] - km[a];
    timed_h += hours;
  }
  const double rest_km = (n > 0 ? km.back() - km.front() : 0.0) - timed_km;
  if (env && rest_km > 0.0) {
    double rest_dwell = 0.0;
    for (std::size_t i = 1; i + 1 < n; ++i)
      if (i <= timed.front() || i >= timed.back()) rest_dwell += std::max(0.0, dwell[i]);
    const double rest_h = 0.5 * (env->min_h + env->max_h) - timed_h - rest_dwell;
    // Only when the rest makes sense: a positive time at no more than twice the vehicle's speed.
    if (rest_h > 0.0 && rest_km / rest_h <= 2.0 * base_speed)
      for (std::size_t i = 0; i + 1 < n; ++i)
        if (i < timed.front() || i >= timed.back()) speed[i] = rest_km / rest_h;
  }
  return build_timeline_by_stretch(km, dwell, speed);
}

std::vector<const Leg*> travel_legs(const Trip& trip) {
  std::vector<const Leg*> out;
  for (const Leg& l : trip.outbound) out.push_back(&l);
  for (const Leg& l : trip.tour) out.push_back(&l);
  for (const Leg& l : trip.return_legs) out.push_back(&l);
  return out;
}

std::vector<LineLengthCheck> check_line_lengths(const TripData& data) {
  std::vector<LineLengthCheck> out;
  for (const Trip& t : data.trips) {
    auto legs = [&](const std::vector<Leg>& list, const char* label) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        const Leg& leg = list[i];
        const LegComputation c = compute_leg(leg, nullptr);
        for (const Figure& f : leg.reported_distance_km) {
          if (!f.line_length) continue;
          LineLengthCheck k;
          k.trip_id = t.id;
          k.leg = std::string(label) + " " + std::to_string(i);
          k.leg_ptr = &leg;
          k.figure = &f;
          const auto km = span_km(leg, c, f);
          const double published = 0.5 * (f.min + f.max);
          k.computed_km = km.value_or(0.0);
          k.ratio = published > 0.0 ? k.computed_km / published : 0.0;
          k.in_band = km && k.ratio >= kLineLengthMin && k.ratio <= kLineLengthMax;
          out.push_back(std::move(k));
        }
      }
    };
    legs(t.outbound, "outbound");
    legs(t.tour, "tour");
    legs(t.return_legs, "return");
    legs(t.what_if, "what-if");
  }
  return out;
}

}  // namespace core
