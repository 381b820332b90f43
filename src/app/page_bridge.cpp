// The bridge to the page (web/page.js): the functions it calls to hand over assets, start the app and read or
// change the state (window.explainer), and the calls back into it for messages and readiness.
#include <emscripten.h>

#include <cstdlib>
#include <cstring>
#include <string>

#include "app/app.hpp"

EM_JS(void, js_page_message, (int level, const char* text), {
  if (Module.journeysPage) Module.journeysPage.message(level, UTF8ToString(text));
});
EM_JS(void, js_first_frame, (), {
  if (Module.journeysPage) Module.journeysPage.firstFrame();
});

void report_to_page(int level, const std::string& message) {
  the_app().status.messages.push_back(message);
  js_page_message(level, message.c_str());
}

void notify_first_frame() { js_first_frame(); }

void start_app();  // main.cpp

extern "C" {

// Takes the bytes of one asset the page fetched; `bytes` was malloc'ed by the page and is freed here.
EMSCRIPTEN_KEEPALIVE void journeys_add_asset(const char* name, std::uint8_t* bytes, int size) {
  Assets& a = the_app().assets;
  std::vector<std::uint8_t>* slot = nullptr;
  if (!std::strcmp(name, "font-regular")) slot = &a.font_regular;
  else if (!std::strcmp(name, "font-bold")) slot = &a.font_bold;
  else if (!std::strcmp(name, "trips")) slot = &a.trips_json;
  else if (!std::strcmp(name, "map")) slot = &a.map_bin;
  else if (!std::strcmp(name, "places")) slot = &a.places_json;
  if (slot) slot->assign(bytes, bytes + size);
  else report_to_page(1, std::string("Ignored an unknown asset \"") + name + "\"");
  std::free(bytes);
}

EMSCRIPTEN_KEEPALIVE void journeys_asset_failed(const char* name, const char* message) {
  report_to_page(2, std::string("Could not load ") + name + ": " + message);
}

EMSCRIPTEN_KEEPALIVE void journeys_start() { start_app(); }

// The returned text lives until the next call: the page copies it at once (UTF8ToString).
EMSCRIPTEN_KEEPALIVE const char* journeys_get_state() {
  static std::string text;
  text = core::state_to_json(the_app().state, the_app().status);
  return text.c_str();
}

// "" when applied; otherwise every problem, one per line, and the state is unchanged.
EMSCRIPTEN_KEEPALIVE const char* journeys_set_state(const char* json_text) {
  static std::string text;
  text.clear();
  for (const std::string& e : core::apply_state_json(the_app().state, json_text)) text += e + "\n";
  return text.c_str();
}

}  // extern "C"
