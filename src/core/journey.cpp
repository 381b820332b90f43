#include "core/journey.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/legs.hpp"

namespace core {

// Asked for every trip row on every drawn frame (the list's mode tags, the filter): no allocation.
Mode main_mode(const Trip& trip) {
  Mode best = Mode::Train;
  double best_km = -1.0;
  for (const Leg& leg : trip.outbound) {
    double km = 0.0;
    for (std::size_t i = 1; i < leg.stops.size(); ++i)
      km += great_circle_km(leg.stops[i - 1].coord, leg.stops[i].coord);
    if (km > best_km) {
      best_km = km;
      best = leg.mode;
    }
  }
  return best;
}

// Joins legs end to end: the route's points, the stops (a leg's first stop is the previous leg's last, so it
// appears once, arriving by one vehicle and leaving by the next), and one timeline across all of them.
static Track build_track(const TripData& data, const std::vector<Leg>& legs, bool what_if) {
  Track t;
  t.what_if = what_if;
  if (legs.empty()) return t;
  t.available = true;
  double km0 = 0.0, h0 = 0.0, main_km = -1.0;
  for (std::size_t li = 0; li < legs.size(); ++li) {
    const Leg& leg = legs[li];
    const Vehicle* vehicle = data.find_vehicle(leg.vehicle_id);
    const LegComputation c = compute_leg(leg, vehicle);
    const Timeline tl = leg_timeline(leg, c);
    if (c.distance_km > main_km) {
      main_km = c.distance_km;
      t.mode = leg.mode;
      t.vehicle_name = vehicle ? vehicle->name : std::string();
    }
    for (std::size_t p = (li == 0 ? 0 : 1); p < c.route.points.size(); ++p) {
      t.route.points.push_back(c.route.points[p]);
      t.route.cumulative_km.push_back(km0 + c.route.cumulative_km[p]);
    }
    for (std::size_t s = 0; s < leg.stops.size(); ++s) {
      const double km = km0 + c.route.stop_km[s];
      const double arrive = h0 + tl.arrive_h[s], depart = h0 + tl.depart_h[s];
      if (li > 0 && s == 0) {  // the junction: keep the arrival of the previous leg, leave by this one
        t.stops.back().depart_h = depart;
        t.timeline.depart_h.back() = depart;
        continue;
      }
      const Stop& stop = leg.stops[s];
      const Place* place = data.find_place(stop.place_id);
      t.stops.push_back({stop.name, stop.local_name, stop.coord, stop.kind, stop.reported, km, arrive, depart,
                         place ? place->country : std::string()});
      t.route.stop_point.push_back(t.route.points.empty() ? 0 : t.route.points.size() - 1);
      t.route.stop_km.push_back(km);
      t.timeline.stop_km.push_back(km);
      t.timeline.arrive_h.push_back(arrive);
      t.timeline.depart_h.push_back(depart);
    }
    km0 += c.route.length_km();
    h0 += tl.total_h();
    t.leg_end_km.push_back(km0);
    t.leg_modes.push_back(leg.mode);
  }
  // stop_point: the index of the point nearest each stop's km (points were appended leg by leg).
  for (std::size_t s = 0; s < t.stops.size(); ++s) {
    auto it = std::lower_bound(t.route.cumulative_km.begin(), t.route.cumulative_km.end(), t.stops[s].km - 1e-9);
    t.route.stop_point[s] = static_cast<std::size_t>(it - t.route.cumulative_km.begin());
  }
  t.timeline.moving_speed_kmh = t.timeline.total_h() > 0 ? t.route.length_km() / t.timeline.total_h() : 0.0;
  return t;
}

Journey build_journey(const TripData& data, const Trip& trip) {
  Journey j;
  j.trip = &trip;
  j.real_mode = main_mode(trip);
  Track real = build_track(data, trip.outbound, false);
  Track alt = build_track(data, trip.what_if, true);
  const Mode alt_mode = j.real_mode == Mode::Plane ? Mode::Train : Mode::Plane;
  if (!alt.available) {
    alt.mode = alt_mode;
    alt.unavailable_reason = "No what-if in the data.";
    for (const WhatIfUnavailable& u : trip.what_if_unavailable)
      if (u.mode == alt_mode) alt.unavailable_reason = u.reason;
  }
  if (j.real_mode == Mode::Plane) {
    j.plane = std::move(real);
    j.train = std::move(alt);
  } else {
    j.train = std::move(real);
    j.plane = std::move(alt);
  }
  return j;
}

const char* to_string(ShowMode m) {
  switch (m) {
    case ShowMode::Train: return "train";
    case ShowMode::Plane: return "plane";
    case ShowMode::Both: return "both";
  }
  return "";
}

std::optional<ShowMode> parse_show_mode(std::string_view s) {
  if (s == "train") return ShowMode::Train;
  if (s == "plane") return ShowMode::Plane;
  if (s == "both") return ShowMode::Both;
  return std::nullopt;
}

double playback_end_h(const Journey& journey, ShowMode show) {
  double end = 0.0;
  if (show != ShowMode::Plane && journey.train.available) end = std::max(end, journey.train.duration_h());
  if (show != ShowMode::Train && journey.plane.available) end = std::max(end, journey.plane.duration_h());
  return end;
}

void advance(Playback& p, double seconds, double end_h) {
  if (!p.playing || !(seconds > 0.0)) return;
  p.clock_h += seconds * kJourneyHoursPerSecond * p.speed;
  if (p.clock_h >= end_h) {
    p.clock_h = end_h;
    p.playing = false;
  }
}

void seek(Playback& p, double clock_h, double end_h) {
  p.clock_h = std::isfinite(clock_h) ? std::clamp(clock_h, 0.0, std::max(end_h, 0.0)) : 0.0;
}

double step_hours(double end_h) { return std::max(0.25, end_h / 20.0); }

double clamp_speed(double speed) { return std::isfinite(speed) ? std::clamp(speed, kMinSpeed, kMaxSpeed) : 1.0; }

TrackState track_state_at(const Track& track, double clock_h) {
  TrackState s;
  if (!track.available || track.route.empty()) return s;
  s.km = timeline_km_at(track.timeline, clock_h);
  const RoutePosition rp = route_position_at(track.route, s.km);
  s.position = rp.position;
  s.heading_deg = rp.heading_deg;
  s.arrived = clock_h >= track.duration_h();
  const auto& arrive = track.timeline.arrive_h;
  s.stops_passed = static_cast<int>(std::upper_bound(arrive.begin(), arrive.end(), clock_h) - arrive.begin());
  s.mode = track.leg_modes.empty() ? track.mode : track.leg_modes.back();
  for (std::size_t i = 0; i < track.leg_end_km.size() && i < track.leg_modes.size(); ++i) {
    if (s.km <= track.leg_end_km[i] + 1e-9) {
      s.mode = track.leg_modes[i];
      break;
    }
  }
  return s;
}

bool compare_due(ShowMode show, const Journey& journey, double clock_h, double end_h) {
  return show == ShowMode::Both && journey.train.available && journey.plane.available && end_h > 0 && clock_h >= end_h;
}

Comparison compare_track(const Track& track) {
  if (!track.available) return {};
  return {track.distance_km(), track.duration_h(), track.average_speed_kmh()};
}

bool passes(TripFilter filter, const Trip& trip) {
  switch (filter) {
    case TripFilter::All: return true;
    case TripFilter::Train: return main_mode(trip) == Mode::Train;
    case TripFilter::Plane: return main_mode(trip) == Mode::Plane;
  }
  return true;
}

std::string format_hours(double hours) {
  if (!std::isfinite(hours) || hours < 0) hours = 0;
  const long total_min = std::lround(hours * 60.0);
  char text[32];
  if (total_min < 60)
    std::snprintf(text, sizeof text, "%ld min", total_min);
  else
    std::snprintf(text, sizeof text, "%ld h %02ld min", total_min / 60, total_min % 60);
  return text;
}

}  // namespace core
