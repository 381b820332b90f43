// The ImGui panels: the trips sidebar with its detail and vehicle cards, the mode toggle, the journey clock and
// its controls, the race and compare panels, the keyboard help. They read and write core::AppState and know
// nothing of SDL, the page or GL. They only read the state: every click becomes a core::Command in UiRequests,
// which the core applies (core::apply_command) like a key or a message from the page.
#pragma once
#include <string>
#include <vector>

#include "core/app_state.hpp"
#include "core/commands.hpp"
#include "core/palette.hpp"
#include "core/labels.hpp"
#include "core/journey.hpp"
#include "core/trip_card.hpp"
#include "core/trips.hpp"

struct ImFont;

namespace ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* bold = nullptr;        // body size, bold: section titles
  ImFont* heading = nullptr;     // larger, bold
  ImFont* label_halo = nullptr;  // body's glyphs grown by the map labels' halo (render/halo_font.hpp)
};

// Base text sizes in CSS pixels at ui scale 1; the atlas is rasterised at size × scale × device pixel ratio.
constexpr float kBodyFontPx = 16.0f;
constexpr float kHeadingFontPx = 22.0f;
// A trip's row in the phone sheet: two lines of text and room to tap (at least 44 px).
constexpr float kPhoneTripRowPx = 58.0f;

// Where the panels go for a canvas size: a sidebar on the left on wide screens, a bottom sheet on phones.
// The map keeps the rest, and labels keep out of the obstacles.
struct Layout {
  float width = 0, height = 0;  // canvas, CSS px
  float scale = 1.0f;           // UI scale: 1 on laptops, up to 2 on a 4K projector
  bool narrow = false;          // phone layout
  bool touch = false;           // touch screen seen: targets at least 44 CSS px
  bool dark = false;            // the dark theme (a link's dark=on, or dark=auto and the reader's system)
  core::ScreenRect sidebar, controls;
  float controls_base_h = 0;  // the controls' height before their content asks for more (Measured)
  float handle_base_h = 0;    // the phone sheet's folded handle, likewise
  core::Padding map_padding;  // what fit-to-route must leave free
  std::vector<core::ScreenRect> obstacles;
};
// The heights the panels' contents took in the last frame (CSS px, 0 if not known): a panel grows to its content (a
// wrapped "No train" reason, a trip's title on three lines in the phone's folded sheet), up to a limit.
struct Measured {
  float controls_h = 0;  // the journey controls
  float handle_h = 0;    // the phone sheet's folded handle with the trip's title
};
Layout compute_layout(const core::AppState& state, float width, float height, bool touch, bool prefers_dark,
                      const Measured& measured = {});
// The UI scale for a canvas size, in quarter steps (so the font atlas is rebuilt rarely).
float ui_scale_for(float width, float height);

// Where the main controls were drawn this frame (CSS px), by a stable name: "trip:2019-02-hanoi", "mode:both",
// "play", "restart", "scrubber", "speed", "speed:4", "filter:train", "sidebar", "keys". The page's API hands
// them to browser tests, which then click like a reader would.
struct Target {
  std::string id;
  core::ScreenRect rect;
};

// The height of each line of the trip's card as last drawn (cursor advance, spacing included), for the card's
// edition, the panel's width and the type size it was measured at; -1 where not yet drawn.
struct CardHeights {
  unsigned edition = 0;
  float width = 0, font_px = 0, spacing = 0;
  std::vector<float> lines;
};

struct UiRequests {
  std::vector<core::Command> commands;  // what the reader did on the panels this frame, in order
  std::vector<Target> targets;
  std::size_t target_count = 0;  // entries of `targets` filled this frame (the vector only grows: no churn)
  bool animating = false;        // a panel moves by itself (a flick's momentum): the next frame must be drawn too
  Measured measured;             // the panels' content heights as last drawn (compute_layout); kept over clear()
  CardHeights card_heights;      // kept over clear(): lines scrolled out of the sidebar take their height from it
  void clear() {
    commands.clear();
    target_count = 0;
    animating = false;
  }
  void remember(const char* id, const std::string& suffix = {});  // the last ImGui item, under this name
  void remember_window(const char* id);                           // the current window, under this name
  const Target* find(const std::string& id) const;
};

struct UiInput {
  const core::TripData* data = nullptr;  // null until the trips are loaded
  const core::Journey* journey = nullptr;
  const core::AppStatus* status = nullptr;
  std::string trips_error;                            // why there are no trips, when there are none
  const core::Words* words = &core::english_words();  // every word in the reader's language
  const core::TripCard* card = nullptr;               // the selected trip's card (core::session_trip_card)
};

void apply_style(const Layout& layout);  // colours and spacing; again when the scale or touch changes
void draw(const core::AppState& state, const UiInput& input, const Layout& layout, const Fonts& fonts, UiRequests& out);
// Save image and every frame of Export video (no panels): a title band across the top (what, when, how far) and a
// box at the bottom with the running clock, each shown mode's distance and the credits. `stacked` (1:1, 9:16): one
// box spans the width and the text wraps for a phone; otherwise the credits have a box of their own. Returns where they
// are (CSS px) to frame the map between.
struct CompositionBands {
  float top_h = 0;                      // the title band's height, across the width
  std::vector<core::ScreenRect> boxes;  // the clock and the credits over the map
};
CompositionBands draw_composition(const core::AppState& state, const UiInput& input, const Layout& layout,
                                  const Fonts& fonts, bool stacked);

}  // namespace ui
