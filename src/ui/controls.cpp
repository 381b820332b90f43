// The journey controls along the bottom: train / plane / both, play, restart, the scrubber, the speed, the
// journey clock, and what is happening now (the stop just passed, or in a race how far the train still has to
// go when the plane lands). Then the compare panel at the end of a race, and the keyboard help.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/keys.hpp"
#include "core/reader_text.hpp"
#include "ui/panels.hpp"

namespace ui {

static const double kSpeeds[] = {0.25, 0.5, 1, 2, 4, 8, 16};

static std::string mode_label(const core::Track& t, const char* name) {
  return std::string(name) + (t.available ? (t.what_if ? " (what-if)" : " (real)") : " (none)");
}

// What the reader should know at this moment, in one sentence.
static std::string now_text(const core::AppState& state, const core::Journey& j) {
  const double clock = state.playback.clock_h;
  const bool both = state.show == core::ShowMode::Both;
  if (both && j.train.available && j.plane.available) {
    const double plane_h = j.plane.duration_h();
    if (clock >= plane_h && clock < j.train.duration_h()) {
      const double train_left = j.train.distance_km() - core::track_state_at(j.train, plane_h).km;
      return "The plane landed after " + core::format_hours(plane_h) + ". At that moment the train still had " +
             core::km_text(train_left) + " to go.";
    }
    if (clock >= j.train.duration_h())
      return "Both have arrived: the train took " + core::format_hours(j.train.duration_h()) + ", the plane " +
             core::format_hours(plane_h) + ".";
  }
  const core::Track& t = state.show == core::ShowMode::Plane ? j.plane : j.train;
  if (!t.available) return "";
  const core::TrackState s = core::track_state_at(t, clock);
  if (s.arrived) return "Arrived in " + t.stops.back().name + " after " + core::format_hours(t.duration_h()) + ".";
  if (clock <= 0.0) return "Leaves " + t.stops.front().name + ". Press play.";
  const core::TrackStop& last = t.stops[static_cast<std::size_t>(std::max(0, s.stops_passed - 1))];
  return "Passed " + last.name + " at " + core::format_hours(last.arrive_h) + "; " +
         core::km_text(t.distance_km() - s.km) + " to go.";
}

void draw_controls(core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts, UiRequests& out) {
  (void)fonts;
  const core::Journey& j = *in.journey;
  const core::ScreenRect& r = layout.controls;
  ImGui::SetNextWindowPos(ImVec2(float(r.x0), float(r.y0)));
  ImGui::SetNextWindowSize(ImVec2(float(r.x1 - r.x0), float(r.y1 - r.y0)));
  ImGui::Begin("Journey", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar);

  // Mode: the real one is marked, the other is a what-if; where none exists the button is off and says why.
  const std::string train = mode_label(j.train, "Train"), plane = mode_label(j.plane, "Plane");
  const char* labels[3] = {train.c_str(), plane.c_str(), "Both, racing"};
  const bool enabled[3] = {j.train.available, j.plane.available, j.train.available && j.plane.available};
  static const char* const kNames[3] = {"train", "plane", "both"};
  const int picked = segmented("mode", labels, kNames, 3, static_cast<int>(state.show), out, enabled);
  if (picked >= 0) state.show = static_cast<core::ShowMode>(picked);
  const core::Track& alt = j.alternative();
  if (!alt.available) {
    ImGui::SameLine();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("No %s: %s", alt.mode == core::Mode::Train ? "train" : "plane", alt.unavailable_reason.c_str());
    ImGui::PopTextWrapPos();
  }

  // Transport: play/pause, restart, scrubber, speed.
  const double end = in.status ? in.status->end_h : 0.0;
  if (ImGui::Button(state.playback.playing ? "Pause" : (state.playback.clock_h >= end && end > 0 ? "Replay" : "Play"))) {
    if (!state.playback.playing && state.playback.clock_h >= end) state.playback.clock_h = 0.0;
    state.playback.playing = !state.playback.playing;
  }
  out.remember("play");
  ImGui::SameLine();
  if (ImGui::Button("Restart")) {
    state.playback.clock_h = 0.0;
    state.playback.playing = true;
  }
  out.remember("restart");
  ImGui::SameLine();
  const float speed_w = ImGui::CalcTextSize("0.25\xC3\x97 ").x + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x - speed_w - ImGui::GetStyle().ItemSpacing.x));
  float clock = static_cast<float>(state.playback.clock_h);
  // No text on the scrubber: centred text sat under the grab at half-time. The line below says the time.
  if (ImGui::SliderFloat("##time", &clock, 0.0f, static_cast<float>(std::max(end, 0.01)), "",
                         ImGuiSliderFlags_NoInput))
    core::seek(state.playback, clock, end);
  out.remember("scrubber");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(speed_w);
  char speed_text[16];
  std::snprintf(speed_text, sizeof speed_text, "%g\xC3\x97", state.playback.speed);
  const bool open = ImGui::BeginCombo("##speed", speed_text);
  out.remember("speed");
  if (open) {
    for (double s : kSpeeds) {
      char item[16];
      std::snprintf(item, sizeof item, "%g\xC3\x97", s);
      if (ImGui::Selectable(item, s == state.playback.speed)) state.playback.speed = s;
      std::snprintf(item, sizeof item, "%g", s);
      out.remember("speed:", item);
    }
    ImGui::EndCombo();
  }

  ImGui::TextWrapped("Elapsed %s of %s \xC2\xB7 remaining %s", core::format_hours(state.playback.clock_h).c_str(),
                     core::format_hours(end).c_str(),
                     core::format_hours(std::max(0.0, end - state.playback.clock_h)).c_str());
  ImGui::TextWrapped("%s", now_text(state, j).c_str());
  ImGui::End();
}

// At the end of a race: distance, time and average speed of both, as bars.
void draw_compare(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts) {
  const core::Journey& j = *in.journey;
  if (state.show != core::ShowMode::Both || !j.train.available || !j.plane.available) return;
  if (state.playback.clock_h < in.status->end_h || in.status->end_h <= 0) return;
  const core::Comparison train = core::compare_track(j.train), plane = core::compare_track(j.plane);
  const float w = std::min(440.0f * layout.scale, static_cast<float>(layout.width) - 24.0f);
  const float x = static_cast<float>(layout.narrow ? 12.0 : (layout.sidebar.x1 + layout.width - w) / 2.0 - layout.sidebar.x1 / 2.0 + layout.sidebar.x1 / 2.0);
  ImGui::SetNextWindowPos(ImVec2(std::max(x, float(layout.sidebar.x1) + 12), 12));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::Begin("Compare", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushFont(fonts.bold);
  ImGui::TextWrapped("Train and plane, side by side");
  ImGui::PopFont();
  struct Row { const char* name; double train, plane; std::string train_text, plane_text; };
  char ts[32], ps[32];
  std::snprintf(ts, sizeof ts, "%.0f km/h", train.average_speed_kmh);
  std::snprintf(ps, sizeof ps, "%.0f km/h", plane.average_speed_kmh);
  const Row rows[3] = {
      {"Distance", train.distance_km, plane.distance_km, core::km_text(train.distance_km), core::km_text(plane.distance_km)},
      {"Time", train.duration_h, plane.duration_h, core::format_hours(train.duration_h), core::format_hours(plane.duration_h)},
      {"Average speed", train.average_speed_kmh, plane.average_speed_kmh, ts, ps},
  };
  const float bar_w = ImGui::GetContentRegionAvail().x * 0.55f, bar_h = ImGui::GetTextLineHeight() * 0.8f;
  for (const Row& row : rows) {
    ImGui::TextDisabled("%s", row.name);
    const double top = std::max(row.train, row.plane);
    for (int k = 0; k < 2; ++k) {
      const double v = k ? row.plane : row.train;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float len = top > 0 ? float(v / top) * bar_w : 0.0f;
      const float* col = (k == 0) == (j.real_mode == core::Mode::Train) ? kRealColour : kWhatIfColour;
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + std::max(len, 2.0f), p.y + 2 + bar_h),
                                                colour_u32(col));
      ImGui::Dummy(ImVec2(bar_w, bar_h + 4));
      ImGui::SameLine();
      ImGui::Text("%s %s", k ? "Plane" : "Train", (k ? row.plane_text : row.train_text).c_str());
    }
  }
  ImGui::End();
}

void draw_help(core::AppState& state, const Layout& layout, const Fonts& fonts) {
  ImGui::SetNextWindowPos(ImVec2(layout.width / 2, layout.height / 2), 0, ImVec2(0.5f, 0.5f));
  ImGui::Begin("Keys", &state.help_open,
               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushFont(fonts.bold);
  ImGui::Text("Keyboard");
  ImGui::PopFont();
  if (ImGui::BeginTable("keys", 2)) {
    for (const core::KeyHelp& k : core::kKeyHelp) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(k.keys);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(k.action);
    }
    ImGui::EndTable();
  }
  text_muted("Tab moves between controls, Enter or Space presses them. Drag or scroll the map to move and zoom.");
  ImGui::End();
}

}  // namespace ui

namespace ui {

float draw_slide_caption(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts) {
  const core::Trip* trip = in.data ? in.data->find_trip(state.trip_id) : nullptr;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(layout.width, 0));
  ImGui::Begin("Slide", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoInputs);
  ImGui::PushFont(fonts.heading);
  ImGui::TextUnformatted("Kim Jong-un's journeys abroad");
  ImGui::PopFont();
  if (trip && in.journey) {
    const core::Track& real = in.journey->real();
    ImGui::Text("%s, %s. %s: %s in about %s.", trip->title.c_str(), core::date_range(trip->depart, trip->return_arrive).c_str(),
                real.mode == core::Mode::Plane ? "By plane" : "By train", core::km_text(real.distance_km()).c_str(),
                core::format_hours(real.duration_h()).c_str());
    if (state.show == core::ShowMode::Both) text_muted("Dashed: the what-if in the other mode, not a journey he made.");
    text_muted(("Sources: " + core::outlets(*in.data, trip->sources) + ". Map: Natural Earth.").c_str());
  }
  // Its content's height, not GetWindowHeight(): an auto-resizing window takes its size a frame late.
  const float height = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
  ImGui::End();
  return height;
}

}  // namespace ui
