// The journey controls along the bottom: train / plane / both, play, restart, the scrubber, the speed, the
// journey clock, and what is happening now (the stop just passed, or in a race how far the train still has to
// go when the plane lands). Then the compare panel at the end of a race, and the keyboard help.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <imgui_internal.h>  // the title line's and the compare card's windows as last drawn
#include <iterator>
#include <string>

#include "core/decimal.hpp"
#include "core/keys.hpp"
#include "core/reader_text.hpp"
#include "core/video_export.hpp"
#include "ui/panels.hpp"

namespace ui {

// The journey's scrubber: a press or drag anywhere on it goes to exactly that point of the journey. (ImGui's slider
// maps the pointer over its width less the grab's, so with a finger-sized grab a tap at 90 % went to the end.) No
// text on it: the line below says the time.
static bool scrubber(const char* id, double& clock_h, double end_h) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float w = std::max(1.0f, ImGui::CalcItemWidth()), h = ImGui::GetFrameHeight();
  ImGui::InvisibleButton(id, ImVec2(w, h));
  bool changed = false;
  if (ImGui::IsItemActive() && end_h > 0) {
    const float t = std::clamp((ImGui::GetIO().MousePos.x - p.x) / w, 0.0f, 1.0f);
    clock_h = t * end_h;
    changed = true;
  }
  const float t = end_h > 0 ? std::clamp(static_cast<float>(clock_h / end_h), 0.0f, 1.0f) : 0.0f;
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float mid = p.y + h / 2, track = std::max(4.0f, h * 0.16f), knob = std::min(h * 0.36f, h / 2 - 1);
  draw->AddRectFilled(ImVec2(p.x, mid - track / 2), ImVec2(p.x + w, mid + track / 2),
                      ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.35f), track / 2);
  // The played part; shorter than its rounded ends it would show as a sliver at the start of an unplayed track.
  if (w * t >= track) {
    draw->AddRectFilled(ImVec2(p.x, mid - track / 2), ImVec2(p.x + w * t, mid + track / 2),
                        ImGui::GetColorU32(ImGuiCol_SliderGrab), track / 2);
  }
  const ImVec2 centre(p.x + std::clamp(w * t, knob, w - knob), mid);
  draw->AddCircleFilled(centre, knob,
                        ImGui::GetColorU32(ImGui::IsItemActive() ? ImGuiCol_SliderGrabActive : ImGuiCol_SliderGrab));
  draw->AddCircle(centre, knob, ImGui::GetColorU32(ImGuiCol_WindowBg), 0, std::max(1.5f, knob * 0.15f));
  return changed;
}

void draw_controls(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts,
                   UiRequests& out) {
  (void)fonts;
  const core::Words& w = *in.words;
  const core::Journey& j = *in.journey;
  const core::ScreenRect& r = layout.controls;
  ImGui::SetNextWindowPos(ImVec2(float(r.x0), float(r.y0)));
  ImGui::SetNextWindowSize(ImVec2(float(r.x1 - r.x0), float(r.y1 - r.y0)));
  ImGui::Begin("Journey", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar);

  // Mode: the real one is marked, the other is a what-if; where none exists the button is off and says why.
  const std::string train = core::mode_button_label(w, j.train, core::Mode::Train),
                    plane = core::mode_button_label(w, j.plane, core::Mode::Plane);
  const char* labels[3] = {train.c_str(), plane.c_str(), w.c("Both, racing")};
  const bool enabled[3] = {j.train.available, j.plane.available, j.train.available && j.plane.available};
  static const char* const kNames[3] = {"train", "plane", "both"};
  const int picked = segmented("mode", labels, kNames, 3, static_cast<int>(state.show), out, enabled);
  static const core::CommandKind kShow[3] = {core::CommandKind::ShowTrain, core::CommandKind::ShowPlane,
                                             core::CommandKind::ShowBoth};
  if (picked >= 0) out.commands.push_back({kShow[picked]});
  const std::string missing = core::missing_mode_text(w, j);
  if (!missing.empty()) {
    // Beside the mode buttons when it fits there on a line or two of reasonable width; otherwise under them,
    // wrapped at the panel's width (a phone: beside them it was a column two words wide running off the panel).
    const float beside = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x - ImGui::GetItemRectMax().x -
                         ImGui::GetStyle().ItemSpacing.x;
    const float text_w = ImGui::CalcTextSize(missing.c_str()).x;
    if (!layout.narrow && (text_w <= beside || beside >= 320.0f * layout.scale)) ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", missing.c_str());
    ImGui::PopTextWrapPos();
    out.remember("mode-reason");
  }

  // Transport: play/pause, restart, scrubber, speed.
  const double end = in.status ? in.status->end_h : 0.0;
  if (ImGui::Button(core::play_button_word(w, state.playback, end)))
    out.commands.push_back({core::CommandKind::PlayPause});
  out.remember("play");
  ImGui::SameLine();
  if (ImGui::Button(w.c("Restart"))) out.commands.push_back({core::CommandKind::Restart});
  out.remember("restart");
  ImGui::SameLine();
  const float speed_w =
      ImGui::CalcTextSize("0.25\xC3\x97 ").x + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SetNextItemWidth(
      std::max(80.0f, ImGui::GetContentRegionAvail().x - speed_w - ImGui::GetStyle().ItemSpacing.x));
  double clock = state.playback.clock_h;
  if (scrubber("##time", clock, end)) out.commands.push_back({core::CommandKind::Seek, 0, clock});
  out.remember("scrubber");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(speed_w);
  const std::string speed_text = core::format_general(state.playback.speed, 6) + "\xC3\x97";
  // The menu holds every speed without scrolling, whatever their height (44 px each on touch screens).
  const float item_h = layout.touch ? 44.0f * layout.scale : ImGui::GetFrameHeightWithSpacing();
  ImGui::SetNextWindowSizeConstraints(
      ImVec2(speed_w, 0.0f),
      ImVec2(FLT_MAX, item_h * float(std::size(core::kSpeedChoices)) + 2 * ImGui::GetStyle().WindowPadding.y +
                          ImGui::GetStyle().ItemSpacing.y));
  const bool open = ImGui::BeginCombo("##speed", speed_text.c_str());
  out.remember("speed");
  if (open) {
    for (double s : core::kSpeedChoices) {
      const std::string speed = core::format_general(s, 6);
      // Touch: each choice as tall as any other target (44 px), not a line of text.
      const float row_h = layout.touch ? item_h - ImGui::GetStyle().ItemSpacing.y : 0.0f;
      if (ImGui::Selectable((speed + "\xC3\x97").c_str(), s == state.playback.speed, 0, ImVec2(0, row_h)))
        out.commands.push_back({core::CommandKind::SetSpeed, 0, s});
      out.remember("speed:", speed.c_str());
    }
    ImGui::EndCombo();
  }

  ImGui::TextWrapped("%s", core::fill(w("Elapsed {0} \xC2\xB7 remaining {1}"),
                                      {core::clock_text(w, state.playback.clock_h, end),
                                       core::duration_text(w, std::max(0.0, end - state.playback.clock_h))})
                               .c_str());
  ImGui::TextWrapped("%s", core::now_text(w, state, j).c_str());
  // The height its content needs: the layout gives the panel that much on the next frame (a reason that wraps onto
  // three lines on a phone, a Korean line longer than the English); drawn again until they agree.
  out.measured.controls_h =
      ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
  if (std::fabs(std::max(layout.controls_base_h, out.measured.controls_h) - ImGui::GetWindowHeight()) > 1.0f)
    out.animating = true;
  out.remember_window("controls");
  ImGui::End();
}

// A few rows of text in columns, placed as ImGui's tables placed them here but without their code (about 20 KB of
// the wasm, for three small grids): each cell is a group at its column's x, and a row starts below the tallest cell
// of the one before. The columns' widths are measured by the caller (the widest cell, or a share of the width).
class Columns {
 public:
  Columns(std::initializer_list<float> widths, float gap) : left_(ImGui::GetCursorPosX()) {
    float x = 0.0f;
    for (float w : widths) {
      x_[count_++] = x;
      x += w + gap;
      if (count_ == kMax) break;
    }
  }
  Columns(const Columns&) = delete;
  Columns& operator=(const Columns&) = delete;
  ~Columns() {
    if (open_) ImGui::EndGroup();
  }
  void cell(int column) {  // starts a cell; column 0 starts a row
    if (open_) ImGui::EndGroup();
    if (column > 0) ImGui::SameLine(left_ + x_[column < count_ ? column : count_ - 1]);
    ImGui::BeginGroup();
    open_ = true;
  }

 private:
  static constexpr int kMax = 4;
  float left_ = 0.0f;
  float x_[kMax] = {};
  int count_ = 0;
  bool open_ = false;
};

static float text_width(const char* text) { return ImGui::CalcTextSize(text).x; }

// A mode's key, as on the map: a solid bar for the record, a dashed one for the what-if.
static void mode_swatch(bool real, bool dark) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = ImGui::GetTextLineHeight(), thick = std::max(3.0f, h * 0.2f);
  const ImU32 ink = colour_u32(core::route_colour(dark, !real));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  if (real) {
    draw->AddRectFilled(ImVec2(p.x, p.y + (h - thick) / 2), ImVec2(p.x + h, p.y + (h + thick) / 2), ink);
  } else {
    for (int k = 0; k < 3; ++k)
      draw->AddRectFilled(ImVec2(p.x + k * h * 0.4f, p.y + (h - thick) / 2),
                          ImVec2(p.x + k * h * 0.4f + h * 0.25f, p.y + (h + thick) / 2), ink);
  }
  ImGui::Dummy(ImVec2(h * 1.2f, h));
  ImGui::SameLine();
}

// At the end of a race: distance, time and average speed of both. A compact card in the top right corner of the map
// (the camera frames the route beside it: it is one of the panels the fit and the labels keep clear of); in
// classroom mode a full-width strip under the map, above the controls, in large type for the back of the room.
void draw_compare(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts,
                  UiRequests& out) {
  const core::Journey& j = *in.journey;
  const core::Words& words = *in.words;
  if (!core::compare_due(state.show, j, state.playback.clock_h, in.status->end_h)) return;
  const core::Comparison train = core::compare_track(j.train), plane = core::compare_track(j.plane);
  const bool train_real = j.real_mode == core::Mode::Train, dark = layout.dark;
  const float s = layout.scale, margin = 12.0f * s;
  const bool strip = state.presentation.classroom;
  const float map_x0 = static_cast<float>(layout.narrow ? 0.0 : layout.sidebar.x1);
  const float map_bottom = static_cast<float>(layout.controls.y0 > 0 ? layout.controls.y0 : layout.height);
  if (strip) {
    const float strip_w = static_cast<float>(layout.width) - map_x0;
    ImGui::SetNextWindowPos(ImVec2(map_x0, map_bottom), 0, ImVec2(0, 1));
    ImGui::SetNextWindowSizeConstraints(ImVec2(strip_w, 0), ImVec2(strip_w, FLT_MAX));
  } else {
    // Phones: below the page's map credit in the top right. Elsewhere below the trip's title line when the trips
    // panel is folded and the line reaches the card's corner (an embed's long title ran under the card).
    float top = layout.narrow ? 36.0f : margin;
    const ImGuiWindow* title = ImGui::FindWindowByName("Show trips");
    const ImGuiWindow* last = ImGui::FindWindowByName("Compare");
    const float card_w = last && last->Size.x > 0 ? last->Size.x : 360.0f * s;
    if (!layout.narrow && title && title->WasActive && !title->Hidden &&
        title->Pos.x + title->Size.x > static_cast<float>(layout.width) - margin - card_w)
      top = std::max(top, title->Pos.y + title->Size.y + margin);
    ImGui::SetNextWindowPos(ImVec2(static_cast<float>(layout.width) - margin, top), 0, ImVec2(1, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(static_cast<float>(layout.width) - 2 * margin, FLT_MAX));
  }
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, strip ? 0.0f : 6.0f * s);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14.0f * s, 10.0f * s));
  ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2((strip ? 24.0f : 8.0f) * s, 2.0f * s));
  ImGui::Begin("Compare", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoScrollbar |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  const std::string values[2][3] = {
      {core::km_text(words, train.distance_km), core::duration_text(words, train.duration_h),
       core::speed_text(words, train.average_speed_kmh)},
      {core::km_text(words, plane.distance_km), core::duration_text(words, plane.duration_h),
       core::speed_text(words, plane.average_speed_kmh)},
  };
  const double numbers[2][3] = {{train.distance_km, train.duration_h, train.average_speed_kmh},
                                {plane.distance_km, plane.duration_h, plane.average_speed_kmh}};
  const char* metrics[3] = {words.c("Distance"), words.c("Time"), words.c("Average speed")};
  const char* modes[2] = {words.c("Train"), words.c("Plane")};
  const float gap = 2.0f * ImGui::GetStyle().CellPadding.x;
  const float swatch = ImGui::GetTextLineHeight() * 1.2f + ImGui::GetStyle().ItemSpacing.x;  // mode_swatch's width
  if (strip) {
    // One row per mode, the measures across in columns sharing the map's width: read from the back of a room.
    // (The card's title would not fit a column at this size; the measures' names head the columns.)
    const float share =
        (ImGui::GetContentRegionAvail().x - 3 * gap) / 4;  // the window is the strip's width (constraints above)
    Columns grid({share, share, share, share}, gap);
    grid.cell(0);
    ImGui::SetWindowFontScale(0.75f);
    for (int m = 0; m < 3; ++m) {
      grid.cell(m + 1);
      ImGui::TextDisabled("%s", metrics[m]);
    }
    ImGui::SetWindowFontScale(1.0f);
    for (int k = 0; k < 2; ++k) {
      grid.cell(0);
      mode_swatch((k == 0) == train_real, dark);
      ImGui::PushFont(fonts.bold);
      ImGui::TextUnformatted(modes[k]);
      ImGui::PopFont();
      for (int m = 0; m < 3; ++m) {
        grid.cell(m + 1);
        ImGui::TextUnformatted(values[k][m].c_str());
      }
    }
  } else {
    // A small table: the measures down, the two modes across, each value over a thin bar of its size.
    ImGui::PushTextWrapPos(static_cast<float>(layout.width) - 4 * margin);
    ImGui::PushFont(fonts.bold);
    ImGui::TextWrapped("%s", words.c("Train and plane, side by side"));
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    float widths[3] = {0.0f, 0.0f, 0.0f};
    for (int m = 0; m < 3; ++m) widths[0] = std::max(widths[0], text_width(metrics[m]));
    for (int k = 0; k < 2; ++k) {
      widths[k + 1] = swatch + text_width(modes[k]);
      for (int m = 0; m < 3; ++m) widths[k + 1] = std::max(widths[k + 1], text_width(values[k][m].c_str()));
    }
    Columns grid({widths[0], widths[1], widths[2]}, gap);
    grid.cell(0);
    for (int k = 0; k < 2; ++k) {
      grid.cell(k + 1);
      mode_swatch((k == 0) == train_real, dark);
      ImGui::TextUnformatted(modes[k]);
    }
    const float bar_h = std::max(2.0f, 3.0f * s);
    for (int m = 0; m < 3; ++m) {
      grid.cell(0);
      ImGui::TextDisabled("%s", metrics[m]);
      const double top = std::max(numbers[0][m], numbers[1][m]);
      for (int k = 0; k < 2; ++k) {
        grid.cell(k + 1);
        ImGui::TextUnformatted(values[k][m].c_str());
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float full = ImGui::CalcTextSize(values[k][m].c_str()).x;
        const float len = top > 0 ? std::max(2.0f, static_cast<float>(numbers[k][m] / top) * full) : 2.0f;
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + len, p.y + bar_h),
                                                  colour_u32(core::route_colour(dark, (k == 0) != train_real)));
        ImGui::Dummy(ImVec2(full, bar_h));
      }
    }
  }
  out.remember_window("compare");
  ImGui::End();
  ImGui::PopStyleVar(3);
}

void draw_help(const core::AppState& state, const core::Words& w, const Layout& layout, const Fonts& fonts,
               UiRequests& out) {
  // In the middle of the map's free area, clear of the controls along the bottom and the trips panel.
  const float left = float(layout.sidebar.x1 > layout.width * 0.5f ? 0 : layout.sidebar.x1);
  const float bottom = float(layout.controls.y0 > 0 ? layout.controls.y0 : layout.height);
  ImGui::SetNextWindowPos(ImVec2((left + layout.width) / 2, bottom / 2), 0, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(layout.width - left - 16, std::max(120.0f, bottom - 16)));
  bool open = true;  // its close box hides it like the ? key
  ImGui::Begin((std::string(w.c("Keys")) + "###keys").c_str(), &open,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushFont(fonts.bold);
  ImGui::TextUnformatted(w.c("Keyboard"));
  ImGui::PopFont();
  {
    float keys_w = 0.0f, action_w = 0.0f;
    for (const core::KeyHelp& k : core::kKeyHelp) {
      keys_w = std::max(keys_w, text_width(w.c(k.keys)));
      action_w = std::max(action_w, text_width(w.c(k.action)));
    }
    Columns grid({keys_w, action_w}, 2.0f * ImGui::GetStyle().CellPadding.x);
    for (const core::KeyHelp& k : core::kKeyHelp) {
      grid.cell(0);
      ImGui::TextUnformatted(w.c(k.keys));
      grid.cell(1);
      ImGui::TextUnformatted(w.c(k.action));
    }
  }
  // Tab belongs to the page (it moves on to the page's own buttons, never stays on the map); inside an article the
  // wheel scrolls the article, so zooming there takes Ctrl/Cmd.
  text_muted(
      w.c(state.presentation.embed
              ? "Drag the map to move it; Ctrl + scroll (Cmd on a Mac) or two fingers zoom. Tab moves on to the page."
              : "Drag the map to move it; scroll or pinch to zoom. Tab moves on to the page's buttons."));
  ImGui::End();
  if (!open) out.commands.push_back({core::CommandKind::Help});
}

}  // namespace ui

namespace ui {

CompositionBands draw_composition(const core::AppState& state, const UiInput& in, const Layout& layout,
                                  const Fonts& fonts, bool stacked) {
  const core::Trip* trip = in.data ? in.data->find_trip(state.trip_id) : nullptr;
  const core::Words& w = *in.words;
  const float s = layout.scale, margin = 28.0f * s;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoInputs |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
  CompositionBands bands;
  // Opaque: the panels' glassy background would let the map show through the title band of a video.
  ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  background.w = 1.0f;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, background);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(margin, 16.0f * s));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(layout.width, 0));
  ImGui::Begin("Composition title", nullptr, flags);
  ImGui::PushTextWrapPos(layout.width - margin);
  ImGui::PushFont(fonts.bold);
  ImGui::TextColored(colour(core::route_colour(layout.dark, false)), "%s", w.c("Kim Jong-un's journeys abroad"));
  ImGui::PopFont();
  if (trip && in.journey) {
    const core::Track& real = in.journey->real();
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", trip->title.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", core::fill(w(real.mode == core::Mode::Plane ? "{0}. By plane: {1} in about {2}."
                                                                         : "{0}. By train: {1} in about {2}."),
                                        {core::trip_dates(w, *trip), core::km_text(w, real.distance_km()),
                                         core::duration_text(w, real.duration_h())})
                                 .c_str());
    if (state.show == core::ShowMode::Both)
      text_muted(w.c("Dashed: the what-if in the other mode, not a journey he made."));
  }
  ImGui::PopTextWrapPos();
  // Its content's height, not GetWindowHeight(): an auto-resizing window takes its size a frame late.
  bands.top_h = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
  ImGui::End();

  // Boxes over the map, placed by a corner (their sizes are known from the previous pass: the app draws twice).
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 6.0f * s);
  const auto box = [&](const char* name, ImVec2 corner, ImVec2 pivot, float width, float wrap, auto&& body) {
    ImGui::SetNextWindowPos(corner, 0, pivot);
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    ImGui::Begin(name, nullptr, flags);
    ImGui::PushTextWrapPos(wrap);
    body();
    ImGui::PopTextWrapPos();
    const ImVec2 size(width > 0 ? width : ImGui::GetWindowWidth(), ImGui::GetCursorPosY() + style.WindowPadding.y);
    ImGui::End();
    const float x0 = corner.x - pivot.x * size.x, y0 = corner.y - pivot.y * size.y;
    bands.boxes.push_back({x0, y0, x0 + size.x, y0 + size.y});
  };
  const auto credits = [&] {
    ImGui::SetWindowFontScale(0.75f);  // small print, as on a broadcast graphic
    ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(core::video_credit_line(w, *in.data, *trip).c_str());
    ImGui::PopStyleColor();
    ImGui::SetWindowFontScale(1.0f);
  };
  const auto clock = [&] {
    ImGui::PushFont(fonts.heading);
    ImGui::TextUnformatted(core::video_clock_line(w, state.playback.clock_h, in.status->end_h).c_str());
    ImGui::PopFont();
    for (const core::VideoTrackLine& line : core::video_track_lines(w, state, *in.journey)) {
      const bool train = line.mode == core::Mode::Train;
      const bool real = (in.journey->real_mode == core::Mode::Train) == train;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      const ImU32 ink = colour_u32(core::route_colour(layout.dark, !real));
      if (real) {
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + h * 0.4f), ImVec2(p.x + h, p.y + h * 0.6f), ink);
      } else {  // dashed, as on the map
        for (int k = 0; k < 3; ++k)
          ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x + k * h * 0.4f, p.y + h * 0.4f),
                                                    ImVec2(p.x + k * h * 0.4f + h * 0.25f, p.y + h * 0.6f), ink);
      }
      ImGui::Dummy(ImVec2(h * 1.25f, h));
      ImGui::SameLine();
      ImGui::TextUnformatted(line.text.c_str());
    }
  };
  if (trip && in.journey && in.status) {
    if (stacked) {  // one box across the width: the clock, the modes, the credits
      const float box_w = layout.width - 2 * margin;
      box("Composition clock", ImVec2(margin, layout.height - margin), ImVec2(0, 1), box_w, box_w - margin, [&] {
        clock();
        credits();
      });
    } else {  // the clock bottom left, the credits bottom right
      box("Composition clock", ImVec2(margin, layout.height - margin), ImVec2(0, 1), 0, layout.width * 0.55f, clock);
      const float box_w = layout.width * 0.3f;
      box("Composition credits", ImVec2(layout.width - margin, layout.height - margin), ImVec2(1, 1), box_w,
          box_w - margin, credits);
    }
  }
  ImGui::PopStyleVar(3);
  ImGui::PopStyleColor();
  return bands;
}

}  // namespace ui
