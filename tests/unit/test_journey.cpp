#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/journey.hpp"

using namespace core;

// Three stops on the equator 0°, 1°, 2° east (111.2 km apart), 2 h dwell at the middle, 50 km/h.
static Track synthetic_track() {
  Track t;
  t.available = true;
  t.route = build_route({{0, 0}, {0, 1}, {0, 2}});
  t.timeline = build_timeline_at_speed(t.route.stop_km, {0.0, 2.0, 0.0}, 50.0);
  for (std::size_t i = 0; i < 3; ++i)
    t.stops.push_back({"s" + std::to_string(i),
                       "",
                       {0, double(i)},
                       StopKind::Station,
                       true,
                       t.route.stop_km[i],
                       t.timeline.arrive_h[i],
                       t.timeline.depart_h[i]});
  return t;
}

TEST_CASE("timeline: position and clock at any time, dwell included, end reached exactly") {
  const Track t = synthetic_track();
  const double leg = t.route.stop_km[1];  // one degree of arc
  CHECK(leg == doctest::Approx(111.195).epsilon(1e-4));
  CHECK(t.duration_h() == doctest::Approx(2 * leg / 50.0 + 2.0));

  TrackState s = track_state_at(t, 0.0);
  CHECK(s.km == 0.0);
  CHECK(s.heading_deg == doctest::Approx(90.0));  // due east
  CHECK(s.stops_passed == 1);                     // it has left the first stop
  s = track_state_at(t, leg / 50.0 / 2);          // halfway to the middle stop
  CHECK(s.km == doctest::Approx(leg / 2));
  CHECK(s.position.lon == doctest::Approx(0.5));
  s = track_state_at(t, leg / 50.0 + 1.0);  // standing at the middle stop
  CHECK(s.km == doctest::Approx(leg));
  CHECK(s.stops_passed == 2);
  CHECK_FALSE(s.arrived);
  s = track_state_at(t, t.duration_h());
  CHECK(s.km == doctest::Approx(t.distance_km()));
  CHECK(s.position.lon == doctest::Approx(2.0));
  CHECK(s.arrived);
  CHECK(s.stops_passed == 3);
  CHECK(track_state_at(t, 1e9).km == doctest::Approx(t.distance_km()));  // past the end: stays at the end
}

TEST_CASE("playback: advance at any speed, pause, scrub, stop exactly at the end") {
  Playback p;
  advance(p, 5.0, 10.0);
  CHECK(p.clock_h == 0.0);  // paused: time does not move
  p.playing = true;
  advance(p, 2.0, 10.0);
  CHECK(p.clock_h == doctest::Approx(2.0 * kJourneyHoursPerSecond));
  p.speed = clamp_speed(4.0);
  advance(p, 0.5, 10.0);
  CHECK(p.clock_h == doctest::Approx(4.0));
  // Many small frames and one big one give the same clock: independent of frame rate.
  Playback a{0, true, 2.0}, b{0, true, 2.0};
  for (int i = 0; i < 60; ++i) advance(a, 1.0 / 60.0, 10.0);
  advance(b, 1.0, 10.0);
  CHECK(a.clock_h == doctest::Approx(b.clock_h));
  advance(p, 100.0, 10.0);
  CHECK(p.clock_h == 10.0);
  CHECK_FALSE(p.playing);  // pauses at the end
  seek(p, 3.5, 10.0);
  CHECK(p.clock_h == 3.5);
  seek(p, -1.0, 10.0);
  CHECK(p.clock_h == 0.0);
  seek(p, 99.0, 10.0);
  CHECK(p.clock_h == 10.0);
  CHECK(clamp_speed(100) == kMaxSpeed);
  CHECK(clamp_speed(0.01) == kMinSpeed);
  CHECK(step_hours(20.0) == doctest::Approx(1.0));
  CHECK(step_hours(2.0) == doctest::Approx(0.25));
}

TEST_CASE("compare figures and formatting") {
  const Track t = synthetic_track();
  const Comparison c = compare_track(t);
  CHECK(c.distance_km == doctest::Approx(2 * 111.195).epsilon(1e-4));
  CHECK(c.average_speed_kmh == doctest::Approx(c.distance_km / c.duration_h));
  CHECK(c.average_speed_kmh < 50.0);  // the dwell brings the average below the moving speed
  CHECK(compare_track(Track{}).distance_km == 0.0);
  CHECK(format_hours(19.67) == "19 h 40 min");
  CHECK(format_hours(2.0 + 5.0 / 60) == "2 h 05 min");
  CHECK(format_hours(0.75) == "45 min");
}

TEST_CASE("the shipped trips: real and what-if tracks, filter, both-mode clock") {
  const LoadResult loaded = load_trips_file(JOURNEYS_SOURCE_DIR "/assets/trips.json");
  REQUIRE(loaded.ok());
  const TripData& data = loaded.data;
  REQUIRE(data.trips.size() == 9);
  int trains = 0, planes = 0;
  for (const Trip& trip : data.trips) {
    const Journey j = build_journey(data, trip);
    CAPTURE(trip.id);
    REQUIRE(j.real().available);
    CHECK_FALSE(j.real().what_if);
    CHECK(j.real().stops.front().name.find("Pyongyang") != std::string::npos);
    CHECK(j.real().distance_km() > 300.0);
    if (j.alternative().available) {
      CHECK(j.alternative().what_if);
      // Flying is always faster than the armoured train.
      CHECK(j.plane.duration_h() < j.train.duration_h());
      CHECK(playback_end_h(j, ShowMode::Both) == doctest::Approx(j.train.duration_h()));
    } else {
      CHECK_FALSE(j.alternative().unavailable_reason.empty());
    }
    (j.real_mode == Mode::Train ? trains : planes)++;
    CHECK(passes(TripFilter::All, trip));
    CHECK(passes(TripFilter::Train, trip) == (j.real_mode == Mode::Train));
    CHECK(passes(TripFilter::Plane, trip) == (j.real_mode == Mode::Plane));
  }
  CHECK(trains == 6);  // Beijing 2018-03, 2019-01, 2025-09; Hanoi; Vladivostok; Russian Far East
  CHECK(planes == 3);  // Dalian, Singapore, Beijing 2018-06

  const Trip* hanoi = data.find_trip("2019-02-hanoi");
  REQUIRE(hanoi);
  const Journey j = build_journey(data, *hanoi);
  CHECK(j.real_mode == Mode::Train);  // though the last 170 km were by car
  REQUIRE(j.train.leg_modes.size() == 2);
  CHECK(j.train.leg_modes[1] == Mode::Car);
  CHECK(j.train.stops.back().name.find("Hanoi") != std::string::npos);
  // The vehicle on screen is the leg's: train to Dong Dang (and while it waits there), car after it.
  const double change_km = j.train.leg_end_km[0];
  const auto& stops = j.train.stops;
  const auto dong_dang =
      std::find_if(stops.begin(), stops.end(), [&](const TrackStop& s) { return s.km == change_km; });
  REQUIRE(dong_dang != stops.end());
  CHECK(track_state_at(j.train, 0.0).mode == Mode::Train);
  CHECK(track_state_at(j.train, dong_dang->arrive_h).mode == Mode::Train);
  CHECK(track_state_at(j.train, (dong_dang->arrive_h + dong_dang->depart_h) / 2).mode == Mode::Train);
  CHECK(track_state_at(j.train, dong_dang->depart_h + 0.25).mode == Mode::Car);
  CHECK(track_state_at(j.train, j.train.duration_h()).mode == Mode::Car);
  CHECK(track_state_at(j.plane, 1.0).mode == Mode::Plane);
  const Trip* singapore = data.find_trip("2018-06-singapore");
  REQUIRE(singapore);
  CHECK_FALSE(build_journey(data, *singapore).train.available);
}
