#include "ui/ui.hpp"

#include <imgui.h>

namespace ui {

void apply_style() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 0.0f;
  s.WindowBorderSize = 0.0f;
  s.FrameRounding = 4.0f;
  s.WindowPadding = ImVec2(16, 16);
  s.ItemSpacing = ImVec2(8, 8);
  s.Colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.97f, 0.95f, 0.96f);
  s.Colors[ImGuiCol_Text] = ImVec4(0.10f, 0.10f, 0.12f, 1.0f);
}

static void draw_sidebar(core::AppState& state, const Fonts& fonts) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = vp->Size.x < 600.0f ? vp->Size.x : 360.0f;  // a phone gets the whole width
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(ImVec2(width, vp->Size.y));
  ImGui::Begin("Journeys", nullptr,
               ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushFont(fonts.heading);
  ImGui::TextWrapped("Kim Jong-un's journeys abroad");
  ImGui::PopFont();
  ImGui::TextWrapped("Every trip outside North Korea since he took power in December 2011: by armoured train "
                     "or by plane.");
  ImGui::Separator();
  if (ImGui::Button("Hide panel")) state.sidebar_open = false;
  ImGui::End();
}

static void draw_show_button(core::AppState& state) {
  ImGui::SetNextWindowPos(ImVec2(8, 8));
  ImGui::Begin("Show", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  if (ImGui::Button("Show trips")) state.sidebar_open = true;
  ImGui::End();
}

void draw(core::AppState& state, const core::AppStatus& status, const Fonts& fonts) {
  (void)status;
  if (state.sidebar_open) draw_sidebar(state, fonts);
  else draw_show_button(state);
}

}  // namespace ui
