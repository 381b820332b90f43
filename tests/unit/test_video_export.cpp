#include <doctest/doctest.h>

#include "core/app_state.hpp"
#include "core/video_export.hpp"
#include "session_fixture.hpp"

using namespace core;

static std::optional<VideoOptions> parse(const Session& s, const char* json, std::string* error) {
  return video_options_from_json(json, s.trips, s.state, error);
}

TEST_CASE("video options: the defaults, the presets and every bad option refused with why") {
  Session s = loaded_session();
  apply_command(s, {CommandKind::SelectTrip, 0, 0.0, "2019-02-hanoi"});
  sync(s, {});
  s.state.show = ShowMode::Both;
  std::string error;
  std::optional<VideoOptions> o = parse(s, "{}", &error);
  REQUIRE(o);
  CHECK(o->trip == "2019-02-hanoi");  // the reader's trip and mode
  CHECK(o->mode == ShowMode::Both);
  CHECK(o->width == 1920);
  CHECK(o->height == 1080);
  for (const VideoPreset& p : kVideoPresets) {
    const std::string json = "{\"width\":" + std::to_string(p.width) + ",\"height\":" + std::to_string(p.height) + "}";
    CHECK(parse(s, json.c_str(), &error));
  }
  o = parse(s, R"({"trip":"2019-02-hanoi","mode":"both","width":640,"height":360,"seconds":3,"fps":30})", &error);
  REQUIRE(o);
  CHECK(video_frame_count(*o) == 90);
  CHECK_FALSE(parse(s, R"({"seconds":61})", &error));
  CHECK(error == "exportVideo: seconds must be from 2 to 60, not 61");
  const struct {
    const char* json;
    const char* says;
  } bad[] = {
      {R"({"fps":29})", "fps must be 24, 25, 30 or 60, not 29"},
      {R"({"width":641})", "width and height must be even numbers"},
      {R"({"height":4000})", "not 1920 \xC3\x97 4000"},
      {R"({"trip":"2030-01-mars"})", "no trip \"2030-01-mars\""},
      {R"({"mode":"boat"})", "mode must be"},
      {R"({"trip":"2018-06-singapore","mode":"train"})", "is not possible for"},
      {R"({"format":"gif"})", "not \"gif\""},
      {R"({"colour":"red"})", "unknown option \"colour\""},
      {R"({"seconds":"ten"})", "seconds must be a whole number"},
      {"[1,2]", "expected an object"},
      {"not json", "expected an object"},
  };
  for (const auto& b : bad) {
    error.clear();
    CHECK_MESSAGE(!parse(s, b.json, &error), b.json);
    CHECK_MESSAGE(error.find(b.says) != std::string::npos, b.json, " -> ", error);
    CHECK(error.rfind("exportVideo: ", 0) == 0);
  }
  // Another trip without a mode: the mode he used there.
  o = parse(s, R"({"trip":"2018-06-singapore"})", &error);
  REQUIRE(o);
  CHECK(o->mode == ShowMode::Plane);
  CHECK(video_file_stem(*o) == "journeys-2018-06-singapore-plane-1920x1080");
}

TEST_CASE("video frames: exactly seconds x fps, timestamps round(i*1e6/fps), the last second held at the end") {
  VideoOptions o;
  o.seconds = 10;
  o.fps = 30;
  CHECK(video_frame_count(o) == 300);  // not 304 (hubble.gl's floor(1000/fps) ms steps drift)
  CHECK(video_timestamp_us(0, 30) == 0);
  CHECK(video_timestamp_us(1, 30) == 33333);
  CHECK(video_timestamp_us(2, 30) == 66667);
  CHECK(video_timestamp_us(300, 30) == 10000000);
  CHECK(video_timestamp_us(1, 24) == 41667);
  CHECK(video_clock_h(0, o, 65.0) == 0.0);
  CHECK(video_clock_h(135, o, 65.0) == doctest::Approx(32.5));
  CHECK(video_clock_h(270, o, 65.0) == 65.0);  // 9 s: arrived, and held for the last second
  CHECK(video_clock_h(299, o, 65.0) == 65.0);
  for (int i = 1; i < 270; ++i) CHECK(video_clock_h(i, o, 65.0) > video_clock_h(i - 1, o, 65.0));
}

TEST_CASE("an export of another trip gives the reader back their trip, mode, clock, camera and flight exactly") {
  Session s = loaded_session();
  apply_command(s, {CommandKind::SelectTrip, 0, 0.0, "2018-03-beijing"});
  sync(s, {});
  session_step(s, 0.0);
  apply_command(s, {CommandKind::Seek, 0, 3.25});
  session_step(s, 0.0);
  apply_command(s, {CommandKind::PlayPause});
  s.state.camera.zoom += 0.5;
  session_camera_moved(s);
  const std::string before = state_to_json(s.state, s.status);
  const Camera camera = s.state.camera;

  std::string error;
  const std::optional<VideoOptions> o =
      video_options_from_json(R"({"trip":"2019-02-hanoi","mode":"both","seconds":5})", s.trips, s.state, &error);
  REQUIRE(o);
  const SessionSnapshot snapshot = session_begin_video(s, *o);
  CHECK(s.state.trip_id == "2019-02-hanoi");
  CHECK(s.journey_trip == "2019-02-hanoi");
  CHECK(s.state.show == ShowMode::Both);
  CHECK_FALSE(s.state.playback.playing);
  session_video_frame(s, *o, 0);
  CHECK(s.state.playback.clock_h == 0.0);
  session_video_frame(s, *o, video_frame_count(*o) - 1);
  CHECK(s.state.playback.clock_h == s.status.end_h);
  CHECK(s.status.train.arrived);
  CHECK(s.status.plane.arrived);
  s.state.camera.zoom = 1.0;  // the frames frame themselves
  CHECK(session_end_video(s, snapshot));
  CHECK(state_to_json(s.state, s.status) == before);
  CHECK(s.state.camera.zoom == camera.zoom);
  CHECK(s.journey_trip == "2018-03-beijing");
  CHECK(s.view_moved);
  CHECK(s.state.playback.playing);
  CHECK(s.state.playback.clock_h == 3.25);
}

TEST_CASE("Export video is a command; where the browser cannot encode, the button does nothing") {
  Session s = loaded_session();
  std::string error;
  const std::optional<Command> c = command_from_json(R"({"do":"exportVideo"})", &error);
  REQUIRE(c);
  CHECK(apply_command(s, *c).export_video);
  s.status.video_unavailable = video_unavailable_text();
  CHECK_FALSE(apply_command(s, *c).export_video);
}

// Russia's railway stations and the Khasan line's track are OpenStreetMap's (ODbL): credited on the images and videos
// of the trips that go by train in Russia, and only there.
TEST_CASE("the credits name OpenStreetMap on the trips by train in Russia") {
  const Session s = loaded_session();
  const Words english;
  for (const Trip& trip : s.trips.trips) {
    CAPTURE(trip.id);
    const std::string credit = video_credit_line(english, s.trips, trip);
    CHECK(credit.find("Natural Earth") != std::string::npos);
    const bool russia = trip.id == "2019-04-vladivostok" || trip.id == "2023-09-russia";
    CHECK((credit.find("\xC2\xA9 OpenStreetMap contributors") != std::string::npos) == russia);
  }
}
