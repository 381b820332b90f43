// The panels, headless: Dear ImGui with no platform or renderer backend (the way ImPlot tests itself), driven by
// mouse input frame by frame. The panels only read the state and emit core::Commands; these tests press what a
// reader presses and check the command that comes out, so a panel that decides something itself shows up here.
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>  // the sidebar window's scroll range

#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/session.hpp"
#include "ui/ui.hpp"

namespace {

struct Headless {
  core::Session session;
  ui::Fonts fonts;
  ui::UiRequests out;
  ui::Layout layout;

  Headless(float width, float height, bool touch = false) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->AddFontDefault();
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // builds the atlas; no GPU needed
    ImFont* font = io.Fonts->Fonts[0];
    fonts = {font, font, font, font};
    core::LoadResult loaded = core::load_trips_file(JOURNEYS_SOURCE_DIR "/assets/trips.json");
    REQUIRE(loaded.ok());
    session.trips = std::move(loaded.data);
    session.state.trip_id = "2018-03-beijing";
    session.state.camera.viewport = {width, height, 1};
    session.status.canvas_css_width = static_cast<int>(width);
    session.status.canvas_css_height = static_cast<int>(height);
    layout = ui::compute_layout(session.state, width, height, touch, false);
    ui::apply_style(layout);
    session.map_padding = layout.map_padding;
    session.laid_out = true;  // as after the app's first frame: a command takes effect at once
    core::session_catch_up(session);
  }
  ~Headless() { ImGui::DestroyContext(); }

  // One frame with the mouse at (x, y), its button down or up; returns the commands the panels emitted.
  std::vector<core::Command> frame(float x = -1, float y = -1, bool down = false) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = down;
    ImGui::NewFrame();
    out.clear();
    const ui::UiInput input{&session.trips,         &session.journey,
                            &session.status,        {},
                            &core::english_words(), &core::session_trip_card(session)};
    ui::draw(session.state, input, layout, fonts, out);
    ImGui::Render();
    return out.commands;
  }
  // A click on a control the last frame drew (by its target name), as a reader's press and release.
  std::vector<core::Command> click(const std::string& target) {
    const ui::Target* t = out.find(target);
    REQUIRE_MESSAGE(t, "no control named " << target << " on screen");
    const float x = float(t->rect.x0 + t->rect.x1) / 2, y = float(t->rect.y0 + t->rect.y1) / 2;
    frame(x, y, false);  // hover
    std::vector<core::Command> all = frame(x, y, true);
    for (const core::Command& c : frame(x, y, false)) all.push_back(c);
    return all;
  }
  // Applies what the panels asked, as the app does.
  void apply(const std::vector<core::Command>& commands) {
    for (const core::Command& c : commands) core::apply_command(session, c);
  }
};

bool has(const std::vector<core::Command>& commands, core::CommandKind kind, const std::string& text = {}) {
  for (const core::Command& c : commands)
    if (c.kind == kind && (text.empty() || c.text == text)) return true;
  return false;
}

}  // namespace

TEST_CASE("the panels only read the state: drawing them changes nothing and, untouched, they ask for nothing") {
  Headless h(1280, 800);
  const core::AppState before = h.session.state;
  for (int i = 0; i < 3; ++i) CHECK(h.frame().empty());
  CHECK(h.session.state.trip_id == before.trip_id);
  CHECK(h.session.state.playback.playing == before.playback.playing);
  CHECK(h.session.state.sidebar_open == before.sidebar_open);
}

TEST_CASE("a click on a trip in the sidebar emits selectTrip, and the core shows it from its start, paused") {
  Headless h(1280, 800);
  h.frame();
  h.frame();
  const std::vector<core::Command> commands = h.click("trip:2019-02-hanoi");
  REQUIRE(commands.size() == 1);
  CHECK(has(commands, core::CommandKind::SelectTrip, "2019-02-hanoi"));
  h.session.state.playback.playing = true;
  h.apply(commands);
  CHECK(h.session.state.trip_id == "2019-02-hanoi");
  CHECK_FALSE(h.session.state.playback.playing);
  CHECK(h.session.state.playback.clock_h == 0.0);
}

TEST_CASE("play, restart, the mode buttons and the speed menu each emit their command") {
  Headless h(1280, 800);
  h.frame();
  h.frame();
  CHECK(has(h.click("play"), core::CommandKind::PlayPause));
  CHECK(has(h.click("restart"), core::CommandKind::Restart));
  CHECK(has(h.click("mode:plane"), core::CommandKind::ShowPlane));
  CHECK(has(h.click("mode:both"), core::CommandKind::ShowBoth));
  CHECK(has(h.click("filter:train"), core::CommandKind::SetFilter, "train"));
  CHECK(h.click("speed").empty());  // opens the menu: nothing decided yet
  h.frame();
  const std::vector<core::Command> speed = h.click("speed:4");
  REQUIRE(has(speed, core::CommandKind::SetSpeed));
  for (const core::Command& c : speed)
    if (c.kind == core::CommandKind::SetSpeed) CHECK(c.value == 4.0);
}

TEST_CASE("a press on the scrubber seeks to where it was pressed") {
  Headless h(1280, 800);
  h.frame();
  h.frame();
  const ui::Target* t = h.out.find("scrubber");
  REQUIRE(t);
  const float x = float(t->rect.x0 + (t->rect.x1 - t->rect.x0) * 0.9), y = float(t->rect.y0 + t->rect.y1) / 2;
  h.frame(x, y, false);
  const std::vector<core::Command> commands = h.frame(x, y, true);
  REQUIRE(has(commands, core::CommandKind::Seek));
  const double end = h.session.status.end_h;
  for (const core::Command& c : commands)
    if (c.kind == core::CommandKind::Seek) CHECK(c.value == doctest::Approx(0.9 * end).epsilon(0.05));
}

TEST_CASE("on a phone the sheet's handle folds and unfolds the trips") {
  Headless h(390, 844, /*touch=*/true);
  h.session.state.sidebar_open = false;
  h.layout = ui::compute_layout(h.session.state, 390, 844, true, false);
  h.frame();
  h.frame();
  const std::vector<core::Command> commands = h.click("sidebar");
  CHECK(has(commands, core::CommandKind::ToggleSidebar));
  h.apply(commands);
  CHECK(h.session.state.sidebar_open);
}

TEST_CASE("the card's lines out of view stand in by their height: the sidebar scrolls over the same length") {
  Headless h(1280, 800);
  h.apply({core::Command{core::CommandKind::SelectTrip, 0, 0.0, "2019-02-hanoi"}});
  h.frame();  // no scroll bar yet: the lines wrap at the full width
  h.frame();  // the scroll bar takes its room: the card is measured again at the narrower width, every line laid out
  h.frame();  // the window's scroll range is the last frame's content: here the second's
  ImGuiWindow* sidebar = ImGui::FindWindowByName("Trips");
  REQUIRE(sidebar);
  const float laid_out = sidebar->ScrollMax.y;
  REQUIRE(laid_out > 0.0f);  // the card is longer than the panel: some lines are out of view
  const std::vector<float> heights = h.out.card_heights.lines;
  REQUIRE(!heights.empty());
  for (float line_h : heights) CHECK(line_h > 0.0f);
  h.frame();
  h.frame();  // the lines out of view stood in by their heights
  CHECK(sidebar->ScrollMax.y == doctest::Approx(laid_out));
  // Scrolled to the end: the last lines are laid out again, at the heights they stood in with.
  ImGui::SetScrollY(sidebar, sidebar->ScrollMax.y);
  h.frame();
  h.frame();
  CHECK(sidebar->Scroll.y == doctest::Approx(laid_out));
  CHECK(sidebar->ScrollMax.y == doctest::Approx(laid_out));
  REQUIRE(h.out.card_heights.lines.size() == heights.size());
  for (std::size_t i = 0; i < heights.size(); ++i) CHECK(h.out.card_heights.lines[i] == doctest::Approx(heights[i]));
}
