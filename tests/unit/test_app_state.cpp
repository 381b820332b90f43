#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/app_state.hpp"

TEST_CASE("state_to_json reports the state and the read-only status") {
  core::AppState state;
  state.sidebar_open = false;
  core::AppStatus status;
  status.frames_drawn = 42;
  status.canvas_css_width = 800;
  status.canvas_pixel_width = 1600;
  status.pixel_ratio = 2.0f;
  status.messages.push_back("map.bin: bad checksum");
  auto j = nlohmann::json::parse(core::state_to_json(state, status));
  CHECK(j["sidebarOpen"] == false);
  CHECK(j["status"]["framesDrawn"] == 42);
  CHECK(j["status"]["canvas"]["cssWidth"] == 800);
  CHECK(j["status"]["canvas"]["pixelWidth"] == 1600);
  CHECK(j["status"]["canvas"]["pixelRatio"] == 2.0);
  CHECK(j["status"]["messages"][0] == "map.bin: bad checksum");
}

TEST_CASE("apply_state_json applies a valid partial state") {
  core::AppState state;
  CHECK(core::apply_state_json(state, R"({"sidebarOpen": false})").empty());
  CHECK_FALSE(state.sidebar_open);
  CHECK(core::apply_state_json(state, "{}").empty());
  CHECK_FALSE(state.sidebar_open);
}

TEST_CASE("apply_state_json refuses bad input and changes nothing") {
  core::AppState state;
  auto errors = core::apply_state_json(state, R"({"sidebarOpen": "no", "zoom": 3, "status": {}})");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].find("sidebarOpen") != std::string::npos);
  CHECK(errors[1].find("read-only") != std::string::npos);  // keys come back sorted: sidebarOpen, status, zoom
  CHECK(errors[2].find("zoom") != std::string::npos);
  CHECK(state.sidebar_open);

  CHECK(core::apply_state_json(state, "{\"sidebarOpen\": fals").at(0).find("not valid JSON") != std::string::npos);
  CHECK(core::apply_state_json(state, "[1,2]").at(0).find("expected an object") != std::string::npos);
  CHECK(state.sidebar_open);
}
