// The trips panel: title, filter, the nine trips in date order, and the selected trip's card (dates, purpose,
// route, figures reported and computed, the vehicle, facts with their sourcing, the sources as links).
#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <vector>

#include "core/legs.hpp"
#include "core/reader_text.hpp"
#include "ui/panels.hpp"

namespace ui {

static const float kTrainTag[4] = {0.20f, 0.36f, 0.24f, 1.0f};
static const float kPlaneTag[4] = {0.18f, 0.30f, 0.52f, 1.0f};
static const float kMutedTag[4] = {0.45f, 0.45f, 0.48f, 1.0f};

static const char* mode_name(const core::Words& w, core::Mode m) {
  return w.c(m == core::Mode::Plane ? "PLANE" : m == core::Mode::Car ? "CAR" : "TRAIN");
}

static void mode_tag(const core::Words& w, core::Mode m) {
  tag(mode_name(w, m), m == core::Mode::Plane ? kPlaneTag : m == core::Mode::Train ? kTrainTag : kMutedTag);
}

// A source the reader can open: wraps like text, still reachable by Tab and Enter.
static void source_link(const core::CardLine& line, UiRequests& out) {
  ImGui::Bullet();
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.08f, 0.30f, 0.66f, 1.0f));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextWrapped("%s", line.text.c_str());
  ImGui::PopTextWrapPos();
  if (ImGui::IsItemHovered()) {
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(a.x, b.y), b, ImGui::GetColorU32(ImGuiCol_Text));
  }
  if (ImGui::IsItemClicked()) out.commands.push_back({core::CommandKind::OpenLink, 0, 0.0, line.url});
  ImGui::PopStyleColor();
}

// The languages, as the codes newsroom sites use ("EN", "KO"): Latin letters the English font always has, so the
// switch reads the same before a language's font is downloaded (the English first visit loads no Hangul at all).
static void language_switch(const core::AppState& state, UiRequests& out) {
  const std::vector<core::LanguageInfo>& all = core::languages();
  const char* labels[16];
  const char* names[16];
  const int count = static_cast<int>(std::min<std::size_t>(all.size(), 16));
  for (int i = 0; i < count; ++i) {
    labels[i] = all[i].label;
    names[i] = all[i].code;
  }
  const int clicked = segmented("lang", labels, names, count, static_cast<int>(state.language), out);
  if (clicked >= 0 && clicked != static_cast<int>(state.language))
    out.commands.push_back({core::CommandKind::SetLanguage, 0, 0.0, names[clicked]});
}

static void trip_filter(const core::AppState& state, const core::Words& w, const Layout& layout, UiRequests& out) {
  static const char* const kFilters[] = {"All trips", "By train", "By plane"};
  static const char* const kShortFilters[] = {"All", "Train", "Plane"};  // beside "Hide trips" on a phone
  static const char* const kFilterNames[] = {"all", "train", "plane"};
  const char* const* english = layout.narrow ? kShortFilters : kFilters;
  const char* labels[3] = {w.c(english[0]), w.c(english[1]), w.c(english[2])};
  const int clicked = segmented("filter", labels, kFilterNames, 3, static_cast<int>(state.filter), out);
  if (clicked >= 0) out.commands.push_back({core::CommandKind::SetFilter, 0, 0.0, kFilterNames[clicked]});
}

// `swiping`: the finger is scrolling the list (touch_scroll), so a release over a row is not a pick.
static void trip_list(const core::AppState& state, const core::TripData& data, const core::Words& w,
                      const Layout& layout, bool swiping, UiRequests& out) {
  // A row per trip: number, destination with its mode tag, then date and counterpart. Long destinations and
  // counterparts wrap inside the row (the row grows) rather than run past the panel's edge.
  const ImGuiStyle& style = ImGui::GetStyle();
  for (const core::Trip& trip : data.trips) {
    if (!core::passes(state.filter, trip)) continue;
    ImGui::PushID(trip.id.c_str());
    const bool selected = trip.id == state.trip_id;
    const ImVec2 start = ImGui::GetCursorPos();
    const float text_x = start.x + 3 * style.FramePadding.x + 4;
    const float text_w = std::max(40.0f, start.x + ImGui::GetContentRegionAvail().x - text_x - style.FramePadding.x);
    const core::Mode mode = core::main_mode(trip);
    const float tag_w = ImGui::CalcTextSize(mode_name(w, mode)).x + 10 + style.ItemSpacing.x;
    const std::string details = core::fill(w("{0} \xC2\xB7 {1}"), {core::month_year(w, trip.depart), trip.counterpart});
    const float title_h = ImGui::CalcTextSize(trip.destination.c_str(), nullptr, false, text_w - tag_w).y;
    const float details_h = ImGui::CalcTextSize(details.c_str(), nullptr, false, text_w).y;
    float row_h = title_h + details_h + style.ItemSpacing.y + style.FramePadding.y;
    if (layout.touch) row_h = std::max(row_h, kPhoneTripRowPx * layout.scale - style.ItemSpacing.y);
    if (ImGui::Selectable("##trip", selected, 0, ImVec2(0, row_h)) && !swiping) {
      out.commands.push_back({core::CommandKind::SelectTrip, 0, 0.0, trip.id});
    }
    out.remember("trip:", trip.id);
    const ImVec2 end = ImGui::GetCursorPos();
    ImGui::SetCursorPos(ImVec2(start.x + 4, start.y + 2));
    ImGui::TextDisabled("%d", trip.number);
    ImGui::SameLine(text_x);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(text_x + text_w - tag_w);
    ImGui::TextUnformatted(trip.destination.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SameLine();
    mode_tag(w, mode);
    ImGui::PushTextWrapPos(text_x + text_w);
    ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextDisabled]);
    ImGui::TextUnformatted(details.c_str());
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SetCursorPos(end);
    ImGui::PopID();
  }
}

// The card's lines as the core wrote them (core/trip_card.hpp): only drawn here. A line scrolled out of the panel
// is not laid out again: the height it took when last drawn stands in for it (wrapping the card's text every frame
// was the panel's largest cost, profiled: most of the card is out of view on most screens).
static void trip_card(const core::TripCard& card, const Fonts& fonts, UiRequests& out) {
  using Style = core::CardLine::Style;
  CardHeights& kept = out.card_heights;
  const float width = ImGui::GetContentRegionAvail().x, font_px = ImGui::GetFontSize();
  const float spacing = ImGui::GetStyle().ItemSpacing.y;
  if (kept.edition != card.edition || kept.width != width || kept.font_px != font_px || kept.spacing != spacing ||
      kept.lines.size() != card.lines.size()) {
    kept.edition = card.edition;
    kept.width = width;
    kept.font_px = font_px;
    kept.spacing = spacing;
    kept.lines.assign(card.lines.size(), -1.0f);
  }
  for (std::size_t i = 0; i < card.lines.size(); ++i) {
    const core::CardLine& line = card.lines[i];
    const float known_h = kept.lines[i];
    if (known_h >= spacing && !ImGui::IsRectVisible(ImVec2(width, known_h))) {
      ImGui::Dummy(ImVec2(0.0f, known_h - spacing));  // Dummy adds the spacing back: the same advance
      continue;
    }
    const float top = ImGui::GetCursorPosY();
    switch (line.style) {
      case Style::Title:
        ImGui::PushFont(fonts.heading);
        ImGui::TextWrapped("%s", line.text.c_str());
        ImGui::PopFont();
        break;
      case Style::Text: ImGui::TextWrapped("%s", line.text.c_str()); break;
      case Style::Muted: text_muted(line.text.c_str()); break;
      case Style::Bullet:
        ImGui::Bullet();
        ImGui::TextWrapped("%s", line.text.c_str());
        break;
      case Style::Section: section(fonts, line.text.c_str()); break;
      case Style::Link:
        ImGui::PushID(static_cast<int>(i));
        source_link(line, out);
        ImGui::PopID();
        break;
    }
    kept.lines[i] = ImGui::GetCursorPosY() - top;
  }
}

void draw_sidebar(const core::AppState& state, const UiInput& in, const Layout& layout, const Fonts& fonts,
                  UiRequests& out) {
  const ImGuiWindowFlags fixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings;
  const core::Trip* shown_trip = in.data && in.journey ? in.data->find_trip(state.trip_id) : nullptr;
  const core::Words& w = *in.words;
  if (!state.sidebar_open && !layout.narrow) {
    // The trips folded away (classroom, embeds, or the reader's choice): a title line still names the trip and
    // the mode, so a class that sees a new route after Page Down reads which journey it is.
    ImGui::SetNextWindowPos(ImVec2(8, 8));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::max(200.0f, layout.width - 16.0f), layout.height));
    ImGui::Begin("Show trips", nullptr, fixed | ImGuiWindowFlags_AlwaysAutoResize);
    if (ImGui::Button((std::string(w.c("Trips \xE2\x80\xBA")) + "###open-trips").c_str()))
      out.commands.push_back({core::CommandKind::OpenSidebar});
    out.remember("sidebar");
    if (shown_trip) {
      ImGui::SameLine();
      ImGui::PushFont(fonts.bold);
      ImGui::TextUnformatted(core::trip_line(w, *shown_trip, state.show, *in.journey).c_str());
      ImGui::PopFont();
      out.remember("title");
    }
    ImGui::End();
    return;
  }
  const core::ScreenRect& r = layout.sidebar;
  ImGui::SetNextWindowPos(ImVec2(float(r.x0), float(r.y0)));
  ImGui::SetNextWindowSize(ImVec2(float(r.x1 - r.x0), float(r.y1 - r.y0)));
  ImGui::Begin("Trips", nullptr, fixed);
  const bool swiping = touch_scroll(layout.touch, out.animating);
  if (layout.narrow) {  // the sheet's handle: fold or unfold
    if (ImGui::Button((std::string(w.c(state.sidebar_open ? "Hide trips" : "Show trips")) + "###sheet").c_str()))
      out.commands.push_back({core::CommandKind::ToggleSidebar});
    out.remember("sidebar");
    if (!state.sidebar_open) {
      if (shown_trip) {
        ImGui::SameLine();
        ImGui::TextWrapped("%s", core::trip_line(w, *shown_trip, state.show, *in.journey).c_str());
        out.remember("title");
      }
      // A title on three lines (a long trip name racing both modes) makes the handle taller on the next frame.
      out.measured.handle_h =
          ImGui::GetCursorPosY() - ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y;
      if (std::fabs(std::max(layout.handle_base_h, out.measured.handle_h) - ImGui::GetWindowHeight()) > 1.0f)
        out.animating = true;
      ImGui::End();
      return;
    }
    ImGui::SameLine();                   // open: the filter shares the handle's row, so five trips fit below it
    trip_filter(state, w, layout, out);  // the language goes below the list: five trips fit the open sheet
  } else {
    // A row of small buttons that wraps when the panel is narrow or the type is large (classroom).
    struct Action {
      const char* label;
      const char* id;
    };
    static const Action kActions[] = {{"\xE2\x80\xB9 Hide", "sidebar"}, {"Keys (?)", "keys"},
                                      {"Full screen", "fullscreen"},    {"Embed", "embed"},
                                      {"Save image", "save-image"},     {"Export video", "export-video"},
                                      {"Local names", "local-names"}};
    const float right_edge = ImGui::GetWindowContentRegionMax().x + ImGui::GetWindowPos().x;
    for (std::size_t i = 0; i < std::size(kActions); ++i) {
      const std::string label = std::string(w.c(kActions[i].label)) + "###" + kActions[i].id;
      if (i > 0) {
        const float width = ImGui::CalcTextSize(label.c_str(), nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + width > right_edge) ImGui::NewLine();
      }
      static const core::CommandKind kDoes[] = {core::CommandKind::CloseSidebar,    core::CommandKind::Help,
                                                core::CommandKind::Fullscreen,      core::CommandKind::CopyEmbed,
                                                core::CommandKind::SaveImage,       core::CommandKind::ExportVideo,
                                                core::CommandKind::ToggleLocalNames};
      static_assert(std::size(kDoes) == std::size(kActions), "a command for every action button");
      // Where the browser cannot encode video the button stays, greyed, and says why when pointed at.
      const bool unavailable =
          kDoes[i] == core::CommandKind::ExportVideo && in.status && !in.status->video_unavailable.empty();
      const bool on =
          kDoes[i] == core::CommandKind::ToggleLocalNames && state.local_names;  // a switch: pressed while on
      if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyle().Colors[ImGuiCol_Header]);
      ImGui::BeginDisabled(unavailable);
      if (ImGui::Button(label.c_str())) out.commands.push_back({kDoes[i]});
      ImGui::EndDisabled();
      if (on) ImGui::PopStyleColor();
      if (unavailable && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
        ImGui::SetTooltip("%s", w.c(in.status->video_unavailable.c_str()));
      out.remember(kActions[i].id);
    }
    ImGui::SameLine();
    float width = 0.0f;
    for (const core::LanguageInfo& l : core::languages())
      width += ImGui::CalcTextSize(l.label).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::GetCursorScreenPos().x + width > right_edge) ImGui::NewLine();
    language_switch(state, out);
  }
  // "plain": the article around the embed carries the title. On a phone the title comes after the list, so the
  // trips are the first thing the open sheet shows.
  const auto title_block = [&] {
    if (state.presentation.plain) return;
    ImGui::PushFont(fonts.heading);
    ImGui::TextWrapped("%s", w.c("Kim Jong-un's journeys abroad"));
    ImGui::PopFont();
    text_muted(
        w.c("Every trip outside North Korea since he took power in December 2011, by armoured train or by plane."));
  };
  if (!layout.narrow) title_block();

  if (!in.data) {
    ImGui::Spacing();
    ImGui::TextWrapped("%s",
                       in.trips_error.empty() ? w.c("Loading the trips\xE2\x80\xA6") : w.c(in.trips_error.c_str()));
    ImGui::End();
    return;
  }
  if (!layout.narrow) trip_filter(state, w, layout, out);
  trip_list(state, *in.data, w, layout, swiping, out);
  ImGui::Separator();
  if (layout.narrow) {
    title_block();
    language_switch(state, out);
  }
  if (in.card && in.data->find_trip(state.trip_id)) trip_card(*in.card, fonts, out);
  ImGui::End();
}

}  // namespace ui
