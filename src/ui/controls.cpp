// The journey controls along the bottom: train / plane / both, play, restart, the scrubber, the speed, the
// journey clock, and what is happening now (the stop just passed, or in a race how far the train still has to
// go when the plane lands). Then the compare panel at the end of a race, and the keyboard help.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>

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
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", missing.c_str());
    ImGui::PopTextWrapPos();
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
  char speed_text[16];
  std::snprintf(speed_text, sizeof speed_text, "%g\xC3\x97", state.playback.speed);
  // The menu holds every speed without scrolling, whatever their height (44 px each on touch screens).
  const float item_h = layout.touch ? 44.0f * layout.scale : ImGui::GetFrameHeightWithSpacing();
  ImGui::SetNextWindowSizeConstraints(
      ImVec2(speed_w, 0.0f),
      ImVec2(FLT_MAX, item_h * float(std::size(core::kSpeedChoices)) + 2 * ImGui::GetStyle().WindowPadding.y +
                          ImGui::GetStyle().ItemSpacing.y));
  const bool open = ImGui::BeginCombo("##speed", speed_text);
  out.remember("speed");
  if (open) {
    for (double s : core::kSpeedChoices) {
      char item[16];
      std::snprintf(item, sizeof item, "%g\xC3\x97", s);
      // Touch: each choice as tall as any other target (44 px), not a line of text.
      const float row_h = layout.touch ? item_h - ImGui::GetStyle().ItemSpacing.y : 0.0f;
      if (ImGui::Selectable(item, s == state.playback.speed, 0, ImVec2(0, row_h)))
        out.commands.push_back({core::CommandKind::SetSpeed, 0, s});
      std::snprintf(item, sizeof item, "%g", s);
      out.remember("speed:", item);
    }
    ImGui::EndCombo();
  }

  ImGui::TextWrapped("%s", core::fill(w("Elapsed {0} \xC2\xB7 remaining {1}"),
                                      {core::clock_text(w, state.playback.clock_h, end),
                                       core::duration_text(w, std::max(0.0, end - state.playback.clock_h))})
                               .c_str());
  ImGui::TextWrapped("%s", core::now_text(w, state, j).c_str());
  ImGui::End();
}

// At the end of a race: distance, time and average speed of both, as bars.
void draw_compare(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts) {
  const core::Journey& j = *in.journey;
  const core::Words& words = *in.words;
  if (state.show != core::ShowMode::Both || !j.train.available || !j.plane.available) return;
  if (state.playback.clock_h < in.status->end_h || in.status->end_h <= 0) return;
  const core::Comparison train = core::compare_track(j.train), plane = core::compare_track(j.plane);
  const float w = std::min(440.0f * layout.scale, static_cast<float>(layout.width) - 24.0f);
  const float x = static_cast<float>(layout.narrow ? 12.0
                                                   : (layout.sidebar.x1 + layout.width - w) / 2.0 -
                                                         layout.sidebar.x1 / 2.0 + layout.sidebar.x1 / 2.0);
  ImGui::SetNextWindowPos(ImVec2(std::max(x, float(layout.sidebar.x1) + 12), 12));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::Begin("Compare", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushFont(fonts.bold);
  ImGui::TextWrapped("%s", words.c("Train and plane, side by side"));
  ImGui::PopFont();
  struct Row {
    const char* name;
    double train, plane;
    std::string train_text, plane_text;
  };
  const Row rows[3] = {
      {words.c("Distance"), train.distance_km, plane.distance_km, core::km_text(words, train.distance_km),
       core::km_text(words, plane.distance_km)},
      {words.c("Time"), train.duration_h, plane.duration_h, core::duration_text(words, train.duration_h),
       core::duration_text(words, plane.duration_h)},
      {words.c("Average speed"), train.average_speed_kmh, plane.average_speed_kmh,
       core::speed_text(words, train.average_speed_kmh), core::speed_text(words, plane.average_speed_kmh)},
  };
  const float bar_w = ImGui::GetContentRegionAvail().x * 0.55f, bar_h = ImGui::GetTextLineHeight() * 0.8f;
  for (const Row& row : rows) {
    ImGui::TextDisabled("%s", row.name);
    const double top = std::max(row.train, row.plane);
    for (int k = 0; k < 2; ++k) {
      const double v = k ? row.plane : row.train;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float len = top > 0 ? float(v / top) * bar_w : 0.0f;
      const float* col = (k == 0) == (j.real_mode == core::Mode::Train) ? core::kRealColour : core::kWhatIfColour;
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2),
                                                ImVec2(p.x + std::max(len, 2.0f), p.y + 2 + bar_h), colour_u32(col));
      ImGui::Dummy(ImVec2(bar_w, bar_h + 4));
      ImGui::SameLine();
      ImGui::Text("%s %s", words.c(k ? "Plane" : "Train"), (k ? row.plane_text : row.train_text).c_str());
    }
  }
  ImGui::End();
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
  if (ImGui::BeginTable("keys", 2)) {
    for (const core::KeyHelp& k : core::kKeyHelp) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(w.c(k.keys));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(w.c(k.action));
    }
    ImGui::EndTable();
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
  ImGui::TextColored(colour(core::kRealColour), "%s", w.c("Kim Jong-un's journeys abroad"));
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
      const ImU32 ink = colour_u32(real ? core::kRealColour : core::kWhatIfColour);
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
