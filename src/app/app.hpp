// The running app as one struct you can see whole: platform handles, the reader's state, the assets the page
// handed over, and what the page may ask about. Owned by main.cpp; the page bridge reads and writes it.
#pragma once
#include <SDL.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/app_state.hpp"
#include "core/camera.hpp"
#include "core/map_asset.hpp"
#include "core/places.hpp"
#include "core/player.hpp"
#include "core/session.hpp"
#include "core/trips.hpp"
#include "render/imgui_renderer.hpp"
#include "render/journey_layer.hpp"
#include "render/map_renderer.hpp"
#include "ui/ui.hpp"

struct Assets {  // raw bytes as fetched by the page; parsed once at start
  std::vector<std::uint8_t> font_regular, font_bold, trips_json, map_bin, places_json, icon_train, icon_plane, icon_car;
};

// Pointer gestures on the map (ImGui gets the pointer first when it is over a panel).
struct Gestures {
  bool dragging = false;
  double last_x = 0, last_y = 0;
  SDL_FingerID fingers[2] = {};
  int finger_count = 0;
  core::ScreenPoint finger_start[2], finger_now[2];
  core::Camera pinch_start;
};

struct App {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  bool started = false;
  bool main_loop_paused = false;  // off-screen
  bool context_lost = false, context_restored = false;  // set by the page's webglcontext* events
  float font_pixel_ratio = 0.0f;  // the pixel ratio the font atlas was rasterised for
  Assets assets;
  core::MapAsset map;
  bool map_loaded = false;
  render::MapGeometry map_geometry;  // kept to rebuild the GPU buffers after a lost context
  render::MapRenderer map_renderer;
  render::ImGuiRenderer imgui_renderer;  // the panels, labels and icons (ImGui's draw lists)
  bool map_renderer_ready = false;
  render::JourneyLayer journey_layer;

  core::Session session;            // the trips, the journey on screen, the state and the camera's flight
  std::vector<core::MapPlace> places;

  ui::Layout layout;
  ui::UiRequests requests;          // what the panels asked of the platform, and where they drew their controls
  float ui_scale = 0.0f;            // the scale the fonts were built for
  float style_scale = 0.0f;         // ... and the style
  bool style_dark = false;
  bool prefers_dark = false;        // the reader's system setting, from the page (reduced motion: in session)
  bool touch_seen = false, style_touch = false;
  double last_frame_ms = 0.0;
  int export_frames = 0;            // > 0 while a slide image is being made (frames since it was asked for)
  float slide_caption_h = 0.0f;     // the slide's caption as last drawn, CSS px: the map is framed below it
  core::Camera camera_before_export;  // the reader's view, back when the image is made
  bool flying_before_export = false, view_moved_before_export = false;
  Gestures gestures;
  ui::Fonts fonts;
  std::vector<float> frame_cpu_ms;  // per frame, until the page takes them (capacity kept; capped)
};

App& the_app();

// Shown to the reader on the page (and kept in status.messages for getState): bad data, missing assets,
// a lost graphics context. level: 0 info, 1 warning, 2 error.
void report_to_page(int level, const std::string& message);
void notify_first_frame();
