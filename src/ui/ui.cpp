#include "ui/ui.hpp"

#include <algorithm>
#include <cmath>

#include "ui/panels.hpp"

namespace ui {

float ui_scale_for(float width, float height) {
  const float s = std::min(width / 1280.0f, height / 720.0f);
  return std::clamp(std::floor(s * 4.0f) / 4.0f, 1.0f, 2.0f);
}

Layout compute_layout(const core::AppState& state, float width, float height, bool touch, bool prefers_dark,
                      const Measured& measured) {
  const core::Presentation& p = state.presentation;
  Layout l;
  l.width = width;
  l.height = height;
  l.touch = touch;
  l.dark = p.theme == core::Theme::Dark || (p.theme == core::Theme::Auto && prefers_dark);
  l.narrow = width < 700.0f;
  l.scale = l.narrow ? 1.0f : ui_scale_for(width, height);
  // Classroom: read from the back of the room. Body text about 44 px on a 1080-line projector (24-pt slide text
  // is 48 px there), never less than 1.5 × the desktop size.
  if (p.classroom) l.scale = std::max(1.5f, std::min(std::floor(height / 1080.0f * 2.75f * 4.0f) / 4.0f, 3.0f));
  const float s = l.scale;
  l.controls_base_h = p.controls ? (touch ? 190.0f : 150.0f) * s : 0.0f;
  const float controls_h =
      p.controls ? std::max(l.controls_base_h, std::min(std::ceil(measured.controls_h), height * 0.5f)) : 0.0f;
  if (l.narrow) {
    // Phone: the controls along the bottom, the trips as a sheet above them that folds down to one row. Open,
    // the sheet leaves the map at least the top 30 % where there is room, and always shows five trip rows
    // (header row + five rows of kPhoneTripRowPx + the window's padding).
    l.controls = {0, height - controls_h, width, height};
    l.handle_base_h = touch ? 72.0f : 56.0f;
    const float handle_h = std::max(l.handle_base_h, std::min(std::ceil(measured.handle_h), height * 0.2f));
    const float list_h = (touch ? 60.0f : 48.0f) + 5.0f * kPhoneTripRowPx + 40.0f;
    const float open_top = std::max(0.0f, std::min(height * 0.30f, height - controls_h - list_h));
    const float sheet_top = state.sidebar_open ? open_top : height - controls_h - handle_h;
    l.sidebar = {0, sheet_top, width, height - controls_h};
    l.map_padding = {40, 24, height - sheet_top + 16, 24};  // top: clear of the map credit
  } else {
    const float sidebar_w = state.sidebar_open ? std::min(400.0f * s, width * 0.4f) : 0.0f;
    l.sidebar = {0, 0, sidebar_w, height};
    l.controls = {sidebar_w, height - controls_h, width, height};
    l.map_padding = {40 * s, 40 * s, controls_h + 24 * s, sidebar_w + 40 * s};
  }
  l.obstacles = {l.sidebar, l.controls};
  if (!state.sidebar_open && !l.narrow) l.obstacles.push_back({0, 0, 150 * s, 60 * s});  // the "Trips" button
  // The page's map credit (HTML, web/page.css: "Map data: Natural Earth, © OpenStreetMap"): top right on phones,
  // where it hid the labels under it.
  if (l.narrow) l.obstacles.push_back({width - 260.0f, 0, width, 30.0f});
  return l;
}

static void set_light_colours(ImGuiStyle& style) {
  ImVec4* c = style.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.985f, 0.98f, 0.965f, 0.97f);
  c[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 0.9f);
  c[ImGuiCol_Text] = ImVec4(0.08f, 0.08f, 0.10f, 1.0f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.36f, 0.40f, 1.0f);  // still 7:1 on the panel for small print
  c[ImGuiCol_Button] = ImVec4(0.90f, 0.89f, 0.86f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.82f, 0.80f, 0.76f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.72f, 0.70f, 0.66f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.96f, 0.85f, 0.80f, 1.0f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.93f, 0.90f, 0.86f, 1.0f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.94f, 0.80f, 0.74f, 1.0f);
  c[ImGuiCol_FrameBg] = ImVec4(0.90f, 0.89f, 0.86f, 1.0f);
  c[ImGuiCol_SliderGrab] = colour(core::route_colour(false, false));
  c[ImGuiCol_SliderGrabActive] = ImVec4(0.55f, 0.08f, 0.06f, 1.0f);
  c[ImGuiCol_NavHighlight] = ImVec4(0.11f, 0.37f, 0.75f, 1.0f);  // the keyboard focus ring
}

void apply_style(const Layout& layout) {
  ImGuiStyle style;
  if (layout.dark) {
    ImGui::StyleColorsDark(&style);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 0.97f);
    c[ImGuiCol_ChildBg] = ImVec4(0.14f, 0.15f, 0.17f, 0.9f);
    c[ImGuiCol_Text] = ImVec4(0.93f, 0.93f, 0.91f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.68f, 0.68f, 0.70f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.22f, 0.23f, 0.26f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.30f, 0.31f, 0.35f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.38f, 0.39f, 0.44f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.42f, 0.16f, 0.14f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.26f, 0.27f, 0.30f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.50f, 0.20f, 0.17f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.22f, 0.23f, 0.26f, 1.0f);
    c[ImGuiCol_SliderGrab] = colour(core::route_colour(true, false));  // the route it plays, in the dark palette
    c[ImGuiCol_SliderGrabActive] = ImVec4(1.0f, 0.45f, 0.40f, 1.0f);
    c[ImGuiCol_NavHighlight] = ImVec4(0.45f, 0.65f, 1.0f, 1.0f);
  } else {
    ImGui::StyleColorsLight(&style);
    set_light_colours(style);
  }
  style.WindowRounding = 0.0f;
  style.WindowBorderSize = 0.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 5.0f;
  style.GrabRounding = 5.0f;
  style.WindowPadding = ImVec2(18, 16);
  style.FramePadding = ImVec2(10, layout.touch ? 14 : 6);  // touch: 16 px text + 2 × 14 = 44 px targets
  style.ItemSpacing = ImVec2(8, 8);
  style.WindowRounding = 0.0f;
  style.WindowBorderSize = 0.0f;
  style.GrabMinSize = layout.touch ? 36 : 14;
  style.ScrollbarSize = layout.touch ? 18 : 14;
  style.ScaleAllSizes(layout.scale);
  ImGui::GetStyle() = style;
}

ImVec4 colour(const float rgba[4]) { return ImVec4(rgba[0], rgba[1], rgba[2], rgba[3]); }
ImU32 colour_u32(const float rgba[4], float alpha) {
  return ImGui::GetColorU32(ImVec4(rgba[0], rgba[1], rgba[2], rgba[3] * alpha));
}

void section(const Fonts& fonts, const char* title) {
  ImGui::Spacing();
  ImGui::Separator();
  ImGui::PushFont(fonts.bold ? fonts.bold : fonts.body);
  ImGui::TextWrapped("%s", title);
  ImGui::PopFont();
}

void text_muted(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void tag(const char* text, const float rgba[4]) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  const ImVec2 pad(5, 1);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y),
                                            colour_u32(rgba), 3.0f);
  ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + pad.x, p.y + pad.y), IM_COL32_WHITE, text);
  ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

bool touch_scroll(bool touch, bool& moving) {
  if (!touch) return false;
  const ImGuiIO& io = ImGui::GetIO();
  ImGuiStorage* storage = ImGui::GetStateStorage();  // per window: the swipe's velocity and whether it is a swipe
  float& velocity = *storage->GetFloatRef(ImGui::GetID("##swipe-velocity"), 0.0f);
  bool& swiping = *storage->GetBoolRef(ImGui::GetID("##swipe-active"), false);
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  const ImVec2 press = io.MouseClickedPos[0];
  const bool pressed_here =
      press.x >= pos.x && press.x < pos.x + size.x && press.y >= pos.y && press.y < pos.y + size.y;
  const float dt = io.DeltaTime > 0 ? io.DeltaTime : 1.0f / 60.0f;
  constexpr float kSlopPx = 8.0f;  // a finger wobbles: less than this is still a tap
  int& still_frames = *storage->GetIntRef(ImGui::GetID("##swipe-still"), 0);
  // The list follows the finger. Its speed is in px/s over the last ~50 ms of real time, however long the frames:
  // a short frame after a long one does not turn one move into a huge speed, and a finger held still before it
  // lifts (two frames or more: 33 ms on a phone) has no speed left to fling. One frame without a move is not a
  // hold: on a slow machine the lift often comes a frame after the last move.
  const auto follow_finger = [&] {
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    still_frames = io.MouseDelta.y == 0.0f ? still_frames + 1 : 0;
    if (still_frames == 1) return;
    constexpr float kVelocityWindowS = 0.05f;
    velocity += (1.0f - std::exp(-dt / kVelocityWindowS)) * (-io.MouseDelta.y / dt - velocity);
  };
  if (io.MouseDown[0] && pressed_here) {
    if (!swiping && io.MouseDragMaxDistanceSqr[0] > kSlopPx * kSlopPx) swiping = true;
    if (swiping) follow_finger();
    return swiping;
  }
  if (io.MouseReleased[0] && swiping) {
    // The finger's last move may come in the frame it lifts (a slow frame gathers both): that move counts too.
    if (io.MouseDelta.y != 0.0f) follow_finger();
    return true;  // the release that ends a swipe is not a tap on a row
  }
  swiping = false;
  if (std::fabs(velocity) > 20.0f) {  // the flick carries on and slows down as a phone list does
    ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() + velocity * dt, 0.0f, ImGui::GetScrollMaxY()));
    velocity *= std::exp(-2.0f * dt);
    if (ImGui::GetScrollY() <= 0.0f || ImGui::GetScrollY() >= ImGui::GetScrollMaxY()) velocity = 0.0f;
    moving = velocity != 0.0f;
  } else {
    velocity = 0.0f;
  }
  return false;
}

void UiRequests::remember(const char* id, const std::string& suffix) {
  if (target_count == targets.size()) targets.emplace_back();
  Target& t = targets[target_count++];
  t.id.assign(id);
  t.id += suffix;
  // Only the part that can be pressed: a row scrolled partly out of its panel is clipped there, and one scrolled
  // out entirely is not a target at all (a tap there would land on whatever is drawn on top).
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImVec2 ca = ImGui::GetWindowDrawList()->GetClipRectMin(), cb = ImGui::GetWindowDrawList()->GetClipRectMax();
  t.rect = {std::max(a.x, ca.x), std::max(a.y, ca.y), std::min(b.x, cb.x), std::min(b.y, cb.y)};
  if (t.rect.x1 <= t.rect.x0 || t.rect.y1 <= t.rect.y0) --target_count;
}

void UiRequests::remember_window(const char* id) {
  if (target_count == targets.size()) targets.emplace_back();
  Target& t = targets[target_count++];
  t.id.assign(id);
  const ImVec2 a = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  t.rect = {a.x, a.y, a.x + size.x, a.y + size.y};
}

const Target* UiRequests::find(const std::string& id) const {
  for (std::size_t i = 0; i < target_count; ++i)
    if (targets[i].id == id) return &targets[i];
  return nullptr;
}

int segmented(const char* id, const char* const* labels, const char* const* names, int count, int selected,
              UiRequests& out, const bool* enabled) {
  int clicked = -1;
  ImGui::PushID(id);
  for (int i = 0; i < count; ++i) {
    if (i) ImGui::SameLine(0, 2);
    const bool on = i == selected, ok = !enabled || enabled[i];
    // The chosen one inverted: the theme's ink as its fill and the panel's colour as its text, so it stands out in
    // the light theme (dark on pale) and the dark one (pale on dark) alike.
    const ImVec4 ink = ImGui::GetStyle().Colors[ImGuiCol_Text], paper = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ink);
    if (on)
      ImGui::PushStyleColor(ImGuiCol_ButtonHovered,
                            ImVec4(ink.x * 0.85f + paper.x * 0.15f, ink.y * 0.85f + paper.y * 0.15f,
                                   ink.z * 0.85f + paper.z * 0.15f, 1.0f));
    if (on) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(paper.x, paper.y, paper.z, 1.0f));
    if (!ok) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.45f);
    if (ImGui::Button(labels[i]) && ok) clicked = i;
    out.remember(id, std::string(":") + names[i]);
    if (!ok) ImGui::PopStyleVar();
    if (on) ImGui::PopStyleColor(3);
  }
  ImGui::PopID();
  return clicked;
}

void draw(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts, UiRequests& out) {
  draw_sidebar(state, in, layout, fonts, out);
  out.measured.controls_h = 0.0f;
  if (in.journey && state.presentation.controls) {
    draw_controls(state, in, layout, fonts, out);
    draw_compare(state, in, layout, fonts, out);
  }
  if (state.help_open) draw_help(state, *in.words, layout, fonts, out);
}

}  // namespace ui
