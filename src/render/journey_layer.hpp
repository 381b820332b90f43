// The selected journey on the map: its routes as GPU lines uploaded once per trip (per frame only "drawn up to
// km" changes), the what-if dashed, the vehicle icons turned to their heading, the stops lit as they are
// passed with the hour of passing, and the map's place names placed so that none overlap.
#pragma once
#include <string>
#include <vector>

#include "core/app_state.hpp"
#include "core/labels.hpp"
#include "core/places.hpp"
#include "core/journey.hpp"
#include "render/icons.hpp"
#include "render/map_renderer.hpp"

struct ImDrawList;
struct ImFont;

namespace render {

// Map labels: body text at this fraction of its size, with a halo this wide (CSS px) in the page's colour.
constexpr float kLabelFontFactor = 0.9f;
constexpr float kLabelHaloPx = 1.5f;

struct JourneyLayer {
  GpuLines train_line, plane_line;
  std::string uploaded_trip;  // the trip whose routes are in the buffers
  Icon train_icon, plane_icon, car_icon;
  // The labels: this frame's scene (kept so nothing is allocated per frame once the vectors have grown) and the
  // placer, which places them again only when the scene changed (core/labels.hpp).
  core::LabelScene scene;
  core::LabelPlacer placer;
  std::vector<const char*> stop_text;                // this frame's stop labels: the stop's name or its passed_label
  std::vector<const core::TrackStop*> stop_of_text;  // the stop each of them names
  std::vector<int> label_countries;                  // each label's country, to keep it on its side of a border
  std::vector<std::string> placed_text;              // the text of each placed label, as the placement was made
  // The panels over the map that the layout cannot know in advance (the title line of a folded sidebar: its
  // width follows the trip's name), as drawn in the last frame: the camera frames the trip beside them.
  std::vector<core::ScreenRect> lasting_panels;
  // Each stop's label ("Dandong", with its local name when those are on) and once passed ("Dandong · 3 h 10 min"),
  // per track (train, plane), made when the trip, the language or the local names change; the context places'.
  std::uint64_t labelled_key = 0;  // the stops' names and words the labels below were made from
  const core::Track* labelled_track[2] = {nullptr, nullptr};
  std::vector<std::string> name_label[2], passed_label[2], place_label;
  std::vector<bool> stop_has_hours;  // per stop_text: it gives the hours
};

// Uploads the journey's routes if they are not the ones in the buffers.
void journey_layer_update(JourneyLayer& layer, const MapRenderer& renderer, const core::Journey& journey);
void journey_layer_destroy(JourneyLayer& layer, bool context_lost);

// GL: the routes, under everything else. `line_scale` widens lines and dashes (classroom: read from the back);
// `dark`: the dark theme's land, which the route still ahead is blended toward.
void journey_layer_draw_routes(const JourneyLayer& layer, const MapRenderer& renderer, const core::Journey& journey,
                               const core::AppState& state, const float view[9], int w, int h, float pixel_ratio,
                               float line_scale, bool dark);

// Everything journey_layer_draw_routes' picture depends on besides the view, the canvas and the theme, mixed
// into `key` (app/picture_key.hpp): which routes, their buffers, colours and widths, and how far each is drawn.
std::uint64_t journey_layer_routes_key(const JourneyLayer& layer, const core::Journey& journey,
                                       const core::AppState& state, float line_scale, std::uint64_t key);

// ImGui background draw list: stops, icons, place and stop labels (CSS px coordinates).
// halo_font: `font` grown by the halo (render/halo_font.hpp). Labels keep out of `obstacles` (the layout's
// panels and the page's own elements over the canvas) and of every ImGui window drawn in the last frame.
// `status` (may be null) gets the drawn labels, the vehicles' boxes and the panels, for the page's getState.
// `words`: the reader's language (the hours of passing); places' names come already in it. `route_cost_cap`:
// core::LabelScene's (a still frame or a film passes core::kFilmRouteCostCap: labels keep off the route).
void journey_layer_draw_overlay(JourneyLayer& layer, ImDrawList* draw, ImFont* font, ImFont* halo_font, float font_px,
                                const core::Journey* journey, const std::vector<core::MapPlace>& places,
                                const core::AppState& state, const core::Words& words,
                                const std::vector<core::ScreenRect>& obstacles, bool dark,
                                core::AppStatus* status = nullptr, double route_cost_cap = core::kDefaultRouteCostCap);

}  // namespace render
