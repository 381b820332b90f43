// Durations, timelines and the calendar arithmetic, with the fact sheet's measured Hanoi times as the
// independent reference (outbound about 65 h 15 min to Dong Dang, return about 60 h 10 min).
#include <doctest/doctest.h>

#include "core/timing.hpp"
#include "core/trips.hpp"

TEST_CASE("travel hours at a speed range, with dwell") {
  const core::HoursRange r = core::travel_hours(1000, {50, 60}, 0.5);
  CHECK(r.min_h == doctest::Approx(1000.0 / 60 + 0.5));
  CHECK(r.max_h == doctest::Approx(1000.0 / 50 + 0.5));
  const core::HoursRange none = core::travel_hours(1000, {0, 0}, 1.0);
  CHECK(none.min_h == 1.0);
  CHECK(none.max_h == 1.0);
  CHECK(core::SpeedRange{50, 60}.mid_kmh() == 55);
}

TEST_CASE("timeline at a speed: moving and dwelling") {
  // Stops at 0, 100 and 300 km; 2 h halt at the middle stop; dwell at the ends is ignored.
  const core::Timeline t = core::build_timeline_at_speed({0, 100, 300}, {5, 2, 5}, 50);
  REQUIRE(t.arrive_h.size() == 3);
  CHECK(t.arrive_h[1] == doctest::Approx(2));
  CHECK(t.depart_h[1] == doctest::Approx(4));
  CHECK(t.arrive_h[2] == doctest::Approx(8));
  CHECK(t.total_h() == doctest::Approx(8));
  CHECK(core::timeline_km_at(t, -1) == 0);
  CHECK(core::timeline_km_at(t, 0) == 0);
  CHECK(core::timeline_km_at(t, 1) == doctest::Approx(50));
  CHECK(core::timeline_km_at(t, 2) == doctest::Approx(100));
  CHECK(core::timeline_km_at(t, 3) == doctest::Approx(100));  // standing at the stop
  CHECK(core::timeline_km_at(t, 4) == doctest::Approx(100));
  CHECK(core::timeline_km_at(t, 6) == doctest::Approx(200));
  CHECK(core::timeline_km_at(t, 8) == doctest::Approx(300));
  CHECK(core::timeline_km_at(t, 99) == doctest::Approx(300));
}

TEST_CASE("timeline fitted to a reported duration") {
  const core::Timeline t = core::build_timeline_for_duration({0, 100, 300}, {0, 2, 0}, 10);
  CHECK(t.total_h() == doctest::Approx(10));
  CHECK(t.moving_speed_kmh == doctest::Approx(300.0 / 8));
  // Dwell longer than the whole duration is squeezed, never negative travel time.
  const core::Timeline s = core::build_timeline_for_duration({0, 100, 300}, {0, 20, 0}, 10);
  CHECK(s.total_h() == doctest::Approx(10));
  CHECK(s.depart_h[1] - s.arrive_h[1] == doctest::Approx(5));
}

TEST_CASE("calendar") {
  CHECK(core::days_from_civil(1970, 1, 1) == 0);
  CHECK(core::days_from_civil(2000, 3, 1) == 11017);
  CHECK(core::days_from_civil(2019, 3, 1) - core::days_from_civil(2019, 2, 28) == 1);
  CHECK(core::days_from_civil(2020, 3, 1) - core::days_from_civil(2020, 2, 28) == 2);
  CHECK(core::days_in_month(2019, 2) == 28);
  CHECK(core::days_in_month(2020, 2) == 29);
  CHECK(core::days_in_month(1900, 2) == 28);
  CHECK(core::days_in_month(2000, 2) == 29);
}

namespace {
core::TimePoint tp(int y, int m, int d, int hh, int mm, int offset_min) {
  core::TimePoint t;
  t.year = y, t.month = m, t.day = d, t.has_time = true, t.hour = hh, t.minute = mm, t.utc_offset_min = offset_min;
  return t;
}
}  // namespace

TEST_CASE("elapsed time across time zones: the Hanoi train") {
  // Left Pyongyang about 17:00 UTC+9 on 23 Feb 2019; Dong Dang 08:15 UTC+7 on 26 Feb: about 65 h 15 min.
  const auto out = core::hours_between(tp(2019, 2, 23, 17, 0, 540), tp(2019, 2, 26, 8, 15, 420));
  REQUIRE(out);
  CHECK(*out == doctest::Approx(65.25));
  // Boarded at Dong Dang about 12:50 UTC+7 on 2 Mar; Pyongyang 03:00 UTC+9 on 5 Mar: about 60 h 10 min.
  const auto back = core::hours_between(tp(2019, 3, 2, 12, 50, 420), tp(2019, 3, 5, 3, 0, 540));
  REQUIRE(back);
  CHECK(*back == doctest::Approx(60 + 10.0 / 60));
  // Singapore flight: 08:30 UTC+9 to 14:35 UTC+8 is 7 h 5 min, not 6 h 5 min.
  CHECK(*core::hours_between(tp(2018, 6, 10, 8, 30, 540), tp(2018, 6, 10, 14, 35, 480)) ==
        doctest::Approx(7 + 5.0 / 60));
  // Pyongyang's UTC+8:30 (until May 2018).
  CHECK(*core::hours_between(tp(2018, 3, 25, 12, 0, 510), tp(2018, 3, 25, 12, 0, 480)) == doctest::Approx(0.5));
  core::TimePoint no_time;
  no_time.year = 2019, no_time.month = 2, no_time.day = 23;
  CHECK_FALSE(core::hours_between(no_time, tp(2019, 2, 26, 8, 15, 420)));
  // Dates without times compare by local date.
  CHECK(core::compare(no_time, tp(2019, 2, 23, 23, 0, 540)) == 0);
  CHECK(core::compare(no_time, tp(2019, 2, 24, 1, 0, 540)) < 0);
}

TEST_CASE("a timeline timed by stretch runs each stretch at its own speed") {
  // 0 -> 100 km at 50 km/h (2 h), a 1 h halt, then 100 -> 400 km at 100 km/h (3 h).
  const core::Timeline t = core::build_timeline_by_stretch({0, 100, 400}, {0, 1, 0}, {50, 100});
  CHECK(t.arrive_h[1] == doctest::Approx(2));
  CHECK(t.depart_h[1] == doctest::Approx(3));
  CHECK(t.total_h() == doctest::Approx(6));
  CHECK(t.moving_speed_kmh == doctest::Approx(400.0 / 5));
  CHECK(core::timeline_km_at(t, 1) == doctest::Approx(50));
  CHECK(core::timeline_km_at(t, 2.5) == doctest::Approx(100));
  CHECK(core::timeline_km_at(t, 4.5) == doctest::Approx(250));
}
