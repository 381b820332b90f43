#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>

#include "core/decimal.hpp"
#include "core/url_state.hpp"

using namespace core;

static const TripData& data() {
  static const TripData d = load_trips_file(JOURNEYS_SOURCE_DIR "/assets/trips.json").data;
  return d;
}

TEST_CASE("a link round-trips the state exactly") {
  AppState s;
  s.trip_id = "2019-02-hanoi";
  s.show = ShowMode::Both;
  s.playback.clock_h = 1.0 / 3.0 * 37.0;  // not a short decimal
  s.playback.speed = 0.25;
  s.playback.playing = true;
  s.camera.centre = project({40.123456789, 124.987654321});
  s.camera.zoom = 1.7320508075688772;
  Presentation p;
  p.controls = false;
  p.theme = Theme::Dark;
  const std::string link = format_url_state(s, p, true);
  CHECK(link.rfind("#trip=2019-02-hanoi&mode=both&t=", 0) == 0);

  const UrlState u = parse_url_state(link, data());
  CHECK(u.notices.empty());
  AppState back;
  back.camera_limits = {-10, 10, {}};
  apply_url_state(u, back);
  CHECK(back.trip_id == s.trip_id);
  CHECK(back.show == s.show);
  CHECK(back.playback.clock_h == s.playback.clock_h);  // exactly, not approximately
  CHECK(back.playback.speed == 0.25);
  CHECK(back.playback.playing);
  CHECK(back.camera.zoom == s.camera.zoom);
  CHECK(back.camera.centre.x == doctest::Approx(s.camera.centre.x).epsilon(1e-12));
  CHECK(back.camera.centre.y == doctest::Approx(s.camera.centre.y).epsilon(1e-12));
  CHECK_FALSE(u.presentation.controls);
  CHECK(u.presentation.theme == Theme::Dark);
  CHECK(format_url_state(back, u.presentation, false) == format_url_state(s, p, false));
}

TEST_CASE("a link's numbers are the shortest decimals that read back the same (core::format_shortest)") {
  CHECK(format_shortest(12.5) == "12.5");
  CHECK(format_shortest(0.0) == "0");
  const double third = 1.0 / 3.0;
  CHECK(std::strtod(format_shortest(third).c_str(), nullptr) == third);
  CHECK(format_shortest(third).size() <= 18);
}

TEST_CASE("switches in the Datawrapper style") {
  const UrlState u = parse_url_state("#dark=auto&autoplay&controls=0&plain&transparent&embed", data());
  CHECK(u.notices.empty());
  CHECK(u.presentation.theme == Theme::Auto);
  CHECK(u.presentation.autoplay);
  CHECK_FALSE(u.presentation.controls);
  CHECK(u.presentation.plain);
  CHECK(u.presentation.transparent);
  CHECK(u.presentation.embed);
  CHECK(parse_url_state("dark=on", data()).presentation.theme == Theme::Dark);
  CHECK(parse_url_state("dark=off", data()).presentation.theme == Theme::Light);
  AppState s;
  apply_url_state(parse_url_state("autoplay", data()), s);
  CHECK(s.playback.playing);
}

TEST_CASE("garbled parameters are ignored with a notice each; the rest applies") {
  const UrlState u = parse_url_state("#trip=2030-mars&mode=boat&t=-4&speed=99&view=91,0,1&zoom=3&mode=both", data());
  CHECK_FALSE(u.trip);
  CHECK(u.mode == ShowMode::Both);  // the later valid one
  CHECK_FALSE(u.time);
  CHECK_FALSE(u.speed);
  CHECK_FALSE(u.view_centre);
  REQUIRE(u.notices.size() == 6);  // five named, then a count of the rest
  CHECK(u.notices[0].find("unknown trip \"2030-mars\"") != std::string::npos);
  CHECK(u.notices[1].find("mode \"boat\"") != std::string::npos);
  CHECK(u.notices[5] == "Ignored 1 more settings in the link.");
}

TEST_CASE("hostile links never throw, never apply garbage, and keep notices short") {
  const char* hostile[] = {"#",
                           "##",
                           "#&&&&",
                           "#=",
                           "#==",
                           "#trip",
                           "#trip=",
                           "#t=nan",
                           "#t=inf",
                           "#t=1e400",
                           "#t=0x1p3",
                           "#t=1,5",
                           "#speed=%",
                           "#speed=%zz",
                           "#view=1,2",
                           "#view=1,2,3,4",
                           "#view=,,",
                           "#view=nan,0,1",
                           "#mode=%00",
                           "#trip=%E2%80%AE2019-02-hanoi",
                           "#trip=../../etc/passwd",
                           "#<script>alert(1)</script>",
                           "#t=99999999999999999999999",
                           "#play=maybe",
                           "#dark=purple",
                           "#controls=2",
                           "#%",
                           "#%%%%%%",
                           "#trip=2019-02-hanoi%00",
                           "#speed=16.0000000000000001",
                           "#t=-0",
                           "#view=-90,-180,-1e308"};
  // These few have a valid part that applies (a huge time, clamped by the app to the journey's end; -0; a view
  // at the edge of the world, clamped; 16.0000000000000001 reads as 16). Every other one changes nothing.
  const std::string partly_valid[] = {"#t=99999999999999999999999", "#t=-0", "#view=-90,-180,-1e308",
                                      "#speed=16.0000000000000001"};
  for (const char* h : hostile) {
    const std::string hs = h;
    CAPTURE(hs);
    UrlState u;
    CHECK_NOTHROW(u = parse_url_state(h, data()));
    AppState s;
    s.trip_id = "2019-02-hanoi";
    s.show = ShowMode::Both;
    s.playback.clock_h = 5.0;
    s.playback.speed = 2.0;
    const AppState was = s;
    CHECK_NOTHROW(apply_url_state(u, s));
    CHECK(std::isfinite(s.playback.clock_h));
    CHECK(s.playback.clock_h >= 0);
    CHECK(std::isfinite(s.camera.zoom));
    CHECK(u.notices.size() <= 6);
    for (const std::string& n : u.notices) CHECK(n.size() < 120);
    if (std::find(std::begin(partly_valid), std::end(partly_valid), h) != std::end(partly_valid)) continue;
    if (hs == "#view=1,2,3,4" || hs == "#t=0x1p3") continue;  // known defects: the test case below
    CHECK(s.trip_id == was.trip_id);
    CHECK(s.show == was.show);
    CHECK(s.show_explicit == was.show_explicit);
    CHECK(s.playback.clock_h == was.playback.clock_h);
    CHECK(s.playback.speed == was.playback.speed);
    CHECK(s.playback.playing == was.playback.playing);
    CHECK(s.camera.centre.x == was.camera.centre.x);
    CHECK(s.camera.centre.y == was.camera.centre.y);
    CHECK(s.camera.zoom == was.camera.zoom);
    CHECK_FALSE(u.trip);
    CHECK_FALSE(u.mode);
    CHECK_FALSE(u.time);
    CHECK_FALSE(u.speed);
    CHECK_FALSE(u.playing);
    CHECK_FALSE(u.view_centre);
  }
  // "both" is a valid mode in a link: the app, not the parser, keeps Singapore on the plane (browser test).
  const UrlState singapore = parse_url_state("#trip=2018-06-singapore&mode=both", data());
  CHECK(singapore.trip == std::string("2018-06-singapore"));
  // A valid link after the hostile ones still applies.
  AppState s;
  apply_url_state(parse_url_state("#trip=2023-09-russia&mode=plane&t=3&speed=8", data()), s);
  CHECK(s.trip_id == "2023-09-russia");
  CHECK(s.show == ShowMode::Plane);
  CHECK(s.playback.clock_h == 3.0);
  CHECK(s.playback.speed == 8.0);
  const std::string huge = "#" + std::string(5000, 'x');
  CHECK(parse_url_state(huge, data()).notices.size() == 1);
}

// Were read wrongly until fixed: "#view=1,2,3,4" as the view 1,2,3 (the fourth number dropped) and "#t=0x1p3" as
// 8 hours (strtod takes C hex floats).
TEST_CASE("a view with four numbers, a hex-float time and an infinite speed are ignored with a notice") {
  const UrlState view = parse_url_state("#view=1,2,3,4", data());
  CHECK_FALSE(view.view_centre);
  CHECK(view.notices.size() == 1);
  const UrlState time = parse_url_state("#t=0x1p3", data());
  CHECK_FALSE(time.time);
  CHECK(time.notices.size() == 1);
  for (const char* link : {"#t=inf", "#t=nan", "#t=1e999", "#t= 3", "#view=1,2", "#view=1,,2,3", "#view=1,2,3,"}) {
    CAPTURE(link);
    const UrlState u = parse_url_state(link, data());
    CHECK_FALSE(u.time);
    CHECK_FALSE(u.view_centre);
    CHECK(u.notices.size() == 1);
  }
  const UrlState fine = parse_url_state("#view=-1.5e+1,120.25,3&t=2.5", data());
  REQUIRE(fine.view_centre);
  CHECK(fine.view_centre->lat == -15.0);
  CHECK(*fine.time == 2.5);
}

TEST_CASE("numbers with exponents survive the link (found by fuzz_url_state: '+' must not become a space)") {
  AppState s;
  s.trip_id = "2018-03-beijing";
  s.camera.centre = project({28.0, 120.0});
  s.camera.zoom = 1e-7;
  const std::string link = format_url_state(s, {}, true);
  const UrlState u = parse_url_state(link, data());
  CHECK(u.notices.empty());
  REQUIRE(u.view_zoom);
  CHECK(*u.view_zoom == 1e-7);
}
