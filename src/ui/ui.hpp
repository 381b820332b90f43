// The ImGui panels. They read and write core::AppState and know nothing of SDL, the page or GL.
#pragma once
#include "core/app_state.hpp"

struct ImFont;

namespace ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
};

// Base text size in CSS pixels; the atlas is rasterised at this size times the device pixel ratio.
constexpr float kBodyFontPx = 16.0f;
constexpr float kHeadingFontPx = 22.0f;

void apply_style();  // colours and spacing, once at start
void draw(core::AppState& state, const core::AppStatus& status, const Fonts& fonts);

}  // namespace ui
