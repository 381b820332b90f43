// Internal to src/ui: the panels ui::draw lays out, and small drawing helpers they share.
#pragma once
#include <imgui.h>

#include "ui/ui.hpp"

namespace ui {

void draw_sidebar(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts,
                  UiRequests& out);
void draw_controls(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts,
                   UiRequests& out);
void draw_compare(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts,
                  UiRequests& out);
void draw_help(const core::AppState& state, const core::Words& w, const Layout& layout, const Fonts& fonts,
               UiRequests& out);

ImVec4 colour(const float rgba[4]);
ImU32 colour_u32(const float rgba[4], float alpha = 1.0f);
// A section heading inside a card: a rule and a bold title.
void section(const Fonts& fonts, const char* title);
// Muted, smaller-looking secondary text.
void text_muted(const char* text);
// A coloured tag ("TRAIN", "WHAT-IF") inline with the text that follows.
void tag(const char* text, const float rgba[4]);
// Phone-style scrolling of the current window: a finger dragged on it scrolls it, and a flick keeps it moving
// and slowing down (momentum). Returns true while a drag-scroll is under way or has just ended, when a press
// released over a row is the end of a swipe, not a tap. Only on touch layouts; desktop keeps the wheel.
// `moving` is set while the flick's momentum still scrolls the list (the platform keeps drawing frames then).
bool touch_scroll(bool touch, bool& moving);
// A row of mutually exclusive buttons; returns the index clicked or -1. Disabled entries are greyed. Each is
// remembered as a target "<id>:<name>".
int segmented(const char* id, const char* const* labels, const char* const* names, int count, int selected,
              UiRequests& out, const bool* enabled = nullptr);

}  // namespace ui
