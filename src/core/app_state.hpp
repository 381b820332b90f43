// What the reader sees, as one plain struct, and its exchange with the page as JSON (window.explainer's
// getState/setState). The app reads this struct each frame; the UI and the page write it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace core {

struct AppState {
  bool sidebar_open = true;  // the panel with the trips; hidden gives the map the whole canvas
};

// Read-only facts about the running page that tests and embedders may want, reported beside the state.
struct AppStatus {
  long long frames_drawn = 0;
  int canvas_css_width = 0, canvas_css_height = 0;  // CSS pixels
  int canvas_pixel_width = 0, canvas_pixel_height = 0;  // drawing-buffer pixels
  float pixel_ratio = 1.0f;
  std::vector<std::string> messages;  // problems shown to the reader (bad data, lost context, ...)
};

// {"sidebarOpen":true, "status":{"framesDrawn":..,"canvas":{...},"messages":[..]}}
std::string state_to_json(const AppState& state, const AppStatus& status);

// Applies a partial state, e.g. {"sidebarOpen":false}. All or nothing: if any key is unknown, read-only or
// of the wrong type, the state is left unchanged and every problem is returned, one message each.
std::vector<std::string> apply_state_json(AppState& state, std::string_view json_text);

}  // namespace core
