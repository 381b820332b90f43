#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/app_state.hpp"

static const core::TripData data = core::load_trips_file(JOURNEYS_SOURCE_DIR "/assets/trips.json").data;

static std::vector<std::string> apply(core::AppState& s, const core::TripData& d, const char* text) {
  return core::apply_state_json(s, text, d);
}

TEST_CASE("state_to_json reports the state and the read-only status") {
  core::AppState state;
  state.sidebar_open = false;
  core::AppStatus status;
  status.frames_drawn = 42;
  status.frames_composed = 45;
  status.canvas_css_width = 800;
  status.canvas_pixel_width = 1600;
  status.pixel_ratio = 2.0f;
  status.messages.push_back("map.bin: bad checksum");
  auto j = nlohmann::json::parse(core::state_to_json(state, status));
  CHECK(j["sidebarOpen"] == false);
  CHECK(j["status"]["framesDrawn"] == 42);
  CHECK(j["status"]["framesComposed"] == 45);
  CHECK(j["status"]["canvas"]["cssWidth"] == 800);
  CHECK(j["status"]["canvas"]["pixelWidth"] == 1600);
  CHECK(j["status"]["canvas"]["pixelRatio"] == 2.0);
  CHECK(j["status"]["messages"][0] == "map.bin: bad checksum");
  CHECK(j["status"]["labels"].is_array());
  CHECK(j["status"]["labels"].empty());
}

TEST_CASE("state_to_json lists the drawn labels, the vehicles and the panels as CSS px boxes") {
  core::AppState state;
  core::AppStatus status;
  status.labels.push_back({"Dandong \xC2\xB7 3 h 10 min", {10, 20, 110, 38}, true});
  status.vehicles.push_back({200, 300, 232.5, 332.5});
  status.panels.push_back({0, 0, 400, 800});
  status.label_placements = 7;
  auto j = nlohmann::json::parse(core::state_to_json(state, status));
  const auto& label = j["status"]["labels"][0];
  CHECK(label["text"] == "Dandong \xC2\xB7 3 h 10 min");
  CHECK(label["x"] == 10.0);
  CHECK(label["y"] == 20.0);
  CHECK(label["width"] == 100.0);
  CHECK(label["height"] == 18.0);
  CHECK(label["leader"] == true);
  CHECK(j["status"]["vehicles"][0]["width"] == 32.5);
  CHECK(j["status"]["panels"][0]["height"] == 800.0);
  CHECK(j["status"]["labelPlacements"] == 7);
}

TEST_CASE("apply_state_json applies a valid partial state") {
  core::AppState state;
  CHECK(apply(state, data, R"({"sidebarOpen": false})").empty());
  CHECK_FALSE(state.sidebar_open);
  CHECK(apply(state, data, "{}").empty());
  CHECK_FALSE(state.sidebar_open);
}

TEST_CASE("what getState reports, setState takes back: the language and the local names too") {
  core::AppState state;
  state.trip_id = data.trips.front().id;
  CHECK(apply(state, data, R"({"language": "ko", "localNames": true})").empty());
  CHECK(state.language == *core::parse_language("ko"));
  CHECK(state.language_explicit);
  CHECK(state.local_names);
  const std::string reported = core::state_to_json(state, core::AppStatus{});
  const std::string without_status = reported.substr(0, reported.find(",\"status\":")) + "}";
  core::AppState again;  // (keys come sorted: the cut at "status" leaves time, trip and view out)
  CHECK(apply(again, data, without_status.c_str()).empty());
  CHECK(again.language == *core::parse_language("ko"));
  CHECK(again.local_names);
  const auto errors = apply(again, data, R"({"language": "fr"})");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("language") != std::string::npos);
  CHECK(again.language == *core::parse_language("ko"));
}

TEST_CASE("apply_state_json refuses bad input and changes nothing") {
  core::AppState state;
  auto errors = apply(state, data, R"({"sidebarOpen": "no", "zoom": 3, "status": {}})");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].find("sidebarOpen") != std::string::npos);  // in the order given
  CHECK(errors[1].find("zoom") != std::string::npos);
  CHECK(errors[2].find("read-only") != std::string::npos);
  CHECK(state.sidebar_open);

  CHECK(apply(state, data, "{\"sidebarOpen\": fals").at(0).find("not valid JSON") != std::string::npos);
  CHECK(apply(state, data, "[1,2]").at(0).find("expected an object") != std::string::npos);
  CHECK(state.sidebar_open);
}

TEST_CASE("view: getState reports the camera centre in degrees; setState moves it and clamps the zoom") {
  core::AppState state;
  state.camera_limits.min_zoom = -3;
  state.camera_limits.max_zoom = 5;
  REQUIRE(apply(state, data, R"({"view": {"lat": 39.0392, "lon": 125.7625, "zoom": 2}})").empty());
  auto j = nlohmann::json::parse(core::state_to_json(state, {}));
  CHECK(j["view"]["lat"].get<double>() == doctest::Approx(39.0392).epsilon(1e-9));
  CHECK(j["view"]["lon"].get<double>() == doctest::Approx(125.7625).epsilon(1e-9));
  CHECK(j["view"]["zoom"] == 2.0);
  REQUIRE(apply(state, data, R"({"view": {"zoom": 40}})").empty());
  CHECK(state.camera.zoom == 5.0);
  auto errors = apply(state, data, R"({"view": {"lat": 95, "zoom": "near", "tilt": 3}})");
  CHECK(errors.size() == 3);
  CHECK(state.camera.zoom == 5.0);
}

TEST_CASE("trip, mode, time, speed, playing and filter round-trip; a new trip restarts the clock") {
  REQUIRE(data.trips.size() == 9);
  core::AppState state;
  REQUIRE(
      apply(
          state, data,
          R"({"trip": "2019-02-hanoi", "mode": "both", "time": 12.5, "speed": 4, "playing": true, "filter": "train"})")
          .empty());
  CHECK(state.trip_id == "2019-02-hanoi");
  CHECK(state.show == core::ShowMode::Both);
  CHECK(state.playback.clock_h == 12.5);
  CHECK(state.playback.speed == 4.0);
  CHECK(state.playback.playing);
  CHECK(state.filter == core::TripFilter::Train);
  auto j = nlohmann::json::parse(core::state_to_json(state, {}));
  CHECK(j["trip"] == "2019-02-hanoi");
  CHECK(j["mode"] == "both");
  CHECK(j["time"] == 12.5);
  CHECK(j["filter"] == "train");
  REQUIRE(apply(state, data, R"({"trip": "2018-06-singapore"})").empty());
  CHECK(state.playback.clock_h == 0.0);
}

TEST_CASE("bad trip, mode, time and speed are refused with the accepted values named") {
  core::AppState state;
  auto errors = apply(state, data, R"({"trip": "2030-01-mars", "mode": "boat", "time": -1, "speed": 100})");
  REQUIRE(errors.size() == 4);
  // In the order given.
  CHECK(errors[0].find("2018-03-beijing") != std::string::npos);                   // trip: lists the ids
  CHECK(errors[1].find("\"train\", \"plane\" or \"both\"") != std::string::npos);  // mode
  CHECK(errors[2].find("0 or more") != std::string::npos);                         // time
  CHECK(errors[3].find("0.25 to 16") != std::string::npos);                        // speed
  CHECK(state.trip_id.empty());
}

TEST_CASE("a message quoting invalid UTF-8 from a broken file still serialises") {
  core::AppState state;
  core::AppStatus status;
  status.messages.push_back("unknown mode \"\xff\xfe\"");
  auto j = nlohmann::json::parse(core::state_to_json(state, status));
  CHECK(j["status"]["messages"][0].get<std::string>().find("unknown mode") == 0);
}
