// The running app as one struct you can see whole: platform handles, the reader's state, the assets the page
// handed over, and what the page may ask about. Owned by main.cpp; the page bridge reads and writes it.
#pragma once
#include <SDL.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/app_state.hpp"
#include "ui/ui.hpp"

struct Assets {  // raw bytes as fetched by the page; parsed once at start
  std::vector<std::uint8_t> font_regular, font_bold, trips_json, map_bin, places_json;
};

struct App {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  bool started = false;
  float font_pixel_ratio = 0.0f;  // the pixel ratio the font atlas was rasterised for
  Assets assets;
  ui::Fonts fonts;
  core::AppState state;
  core::AppStatus status;
};

App& the_app();

// Shown to the reader on the page (and kept in status.messages for getState): bad data, missing assets,
// a lost graphics context. level: 0 info, 1 warning, 2 error.
void report_to_page(int level, const std::string& message);
void notify_first_frame();
