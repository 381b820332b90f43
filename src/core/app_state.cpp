#include "core/app_state.hpp"

#include <nlohmann/json.hpp>

namespace core {

using nlohmann::json;

std::string state_to_json(const AppState& state, const AppStatus& status) {
  json j;
  j["sidebarOpen"] = state.sidebar_open;
  j["status"] = {
      {"framesDrawn", status.frames_drawn},
      {"canvas",
       {{"cssWidth", status.canvas_css_width},
        {"cssHeight", status.canvas_css_height},
        {"pixelWidth", status.canvas_pixel_width},
        {"pixelHeight", status.canvas_pixel_height},
        {"pixelRatio", status.pixel_ratio}}},
      {"messages", status.messages},
  };
  return j.dump();
}

std::vector<std::string> apply_state_json(AppState& state, std::string_view json_text) {
  std::vector<std::string> errors;
  // No exceptions for bad input: parse with allow_exceptions = false and check what came back.
  json j = json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return {"setState: not valid JSON"};
  if (!j.is_object()) return {"setState: expected an object such as {\"sidebarOpen\": false}"};

  AppState next = state;
  for (const auto& [key, value] : j.items()) {
    if (key == "sidebarOpen") {
      if (value.is_boolean()) next.sidebar_open = value.get<bool>();
      else errors.push_back("setState: sidebarOpen must be true or false");
    } else if (key == "status") {
      errors.push_back("setState: status is read-only");
    } else {
      errors.push_back("setState: unknown key \"" + key + "\"");
    }
  }
  if (errors.empty()) state = next;
  return errors;
}

}  // namespace core
