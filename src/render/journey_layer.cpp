#include "render/journey_layer.hpp"

#include "core/picture_key.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the last frame's windows: where the panels really are

#include <cmath>
#include <cstring>

#include "core/reader_text.hpp"
#include "core/palette.hpp"

namespace render {

static RouteGeometry route_geometry(const core::Track& track) {
  RouteGeometry g;
  g.xy.reserve(track.route.points.size() * 2);
  for (std::size_t i = 0; i < track.route.points.size(); ++i) {
    const core::PlanePoint p = core::project(track.route.points[i]);
    g.xy.push_back(static_cast<float>(p.x));
    g.xy.push_back(static_cast<float>(p.y));
    g.km.push_back(static_cast<float>(track.route.cumulative_km[i]));
  }
  return g;
}

void journey_layer_update(JourneyLayer& layer, const MapRenderer& renderer, const core::Journey& journey) {
  if (!journey.trip || layer.uploaded_trip == journey.trip->id) return;
  destroy_lines(layer.train_line, false);
  destroy_lines(layer.plane_line, false);
  if (journey.train.available) layer.train_line = upload_route(renderer, route_geometry(journey.train));
  if (journey.plane.available) layer.plane_line = upload_route(renderer, route_geometry(journey.plane));
  layer.uploaded_trip = journey.trip->id;
}

void journey_layer_destroy(JourneyLayer& layer, bool context_lost) {
  destroy_lines(layer.train_line, context_lost);
  destroy_lines(layer.plane_line, context_lost);
  destroy_icon(layer.train_icon, context_lost);
  destroy_icon(layer.plane_icon, context_lost);
  destroy_icon(layer.car_icon, context_lost);
  layer.uploaded_trip.clear();
  layer.labelled_key = 0;
}

static bool shown(const core::AppState& state, const core::Track& track, core::Mode mode) {
  if (!track.available) return false;
  if (state.show == core::ShowMode::Both) return true;
  return (state.show == core::ShowMode::Train) == (mode == core::Mode::Train);
}

void journey_layer_draw_routes(const JourneyLayer& layer, const MapRenderer& renderer, const core::Journey& journey,
                               const core::AppState& state, const float view[9], int w, int h, float pixel_ratio,
                               float line_scale, bool dark) {
  const float px_per_km = static_cast<float>(core::pixels_per_km(state.camera));
  for (int k = 0; k < 2; ++k) {
    const core::Track& track = k ? journey.plane : journey.train;
    if (!shown(state, track, k ? core::Mode::Plane : core::Mode::Train)) continue;
    const GpuLines& line = k ? layer.plane_line : layer.train_line;
    const float* rgba = core::route_colour(dark, track.what_if);
    // A what-if is always dashed: never mistaken for the record.
    const float dash = track.what_if ? 7.0f * line_scale : 0.0f;
    // The whole route lighter, so the reader sees where it goes (half way to the land's colour and 2.5 px: a
    // projector still shows it, where a 2 px line at 28 % vanished); opaque, so segment joins do not darken into
    // dots. Then the part travelled so far, strong.
    const float* land = core::map_palette(dark).land[static_cast<int>(core::LandClass::RouteLand)];
    const float mix = dark ? 0.3f : 0.5f;  // dark: about 3:1 against the land, where half way was dim
    RouteStyle ghost{{rgba[0] + (land[0] - rgba[0]) * mix, rgba[1] + (land[1] - rgba[1]) * mix,
                      rgba[2] + (land[2] - rgba[2]) * mix, 1.0f},
                     2.5f * line_scale,
                     dash,
                     1e30f,
                     px_per_km};
    const double km = core::track_state_at(track, state.playback.clock_h).km;
    RouteStyle travelled{{rgba[0], rgba[1], rgba[2], 1.0f}, 4.0f * line_scale, dash, static_cast<float>(km), px_per_km};
    draw_route(renderer, line, {ghost, travelled}, view, w, h, pixel_ratio);
  }
}

std::uint64_t journey_layer_routes_key(const JourneyLayer& layer, const core::Journey& journey,
                                       const core::AppState& state, float line_scale, std::uint64_t key) {
  key = core::mix_key(key, line_scale);
  key = core::mix_key(key, core::pixels_per_km(state.camera));
  for (int k = 0; k < 2; ++k) {
    const core::Track& track = k ? journey.plane : journey.train;
    const bool on = shown(state, track, k ? core::Mode::Plane : core::Mode::Train);
    key = core::mix_key(key, on);
    if (!on) continue;
    const GpuLines& line = k ? layer.plane_line : layer.train_line;
    key = core::mix_key(key, line.vao);
    key = core::mix_key(key, line.index_count);
    key = core::mix_key(key, track.what_if);
    key = core::mix_key(key, core::track_state_at(track, state.playback.clock_h).km);
  }
  return key;
}

static ImVec2 to_screen(const core::Camera& camera, core::LatLon p) {
  const core::ScreenPoint s = core::world_to_screen(camera, core::project(p));
  return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
}

// The icon turned to the direction of travel as it looks on screen (the projection bends headings).
static void draw_icon(ImDrawList* draw, const JourneyLayer& layer, const core::Track& track,
                      const core::AppState& state, float size, bool dark) {
  const core::TrackState s = core::track_state_at(track, state.playback.clock_h);
  // The vehicle of the leg it is on: the Hanoi trip ends by car.
  const Icon& icon = s.mode == core::Mode::Plane ? layer.plane_icon
                     : s.mode == core::Mode::Car ? layer.car_icon
                                                 : layer.train_icon;
  const double ahead_km = std::min(track.distance_km(), s.km + 5.0), behind_km = std::max(0.0, ahead_km - 10.0);
  const ImVec2 a = to_screen(state.camera, core::route_position_at(track.route, behind_km).position);
  const ImVec2 b = to_screen(state.camera, core::route_position_at(track.route, ahead_km).position);
  const ImVec2 c = to_screen(state.camera, s.position);
  float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) {
    dx = 0;
    dy = -1;
  } else {
    dx /= len;
    dy /= len;
  }
  // (dx, dy) is "up" of the icon; (-dy, dx) its right.
  const float h = size / 2;
  const ImVec2 up(dx * h, dy * h), right(-dy * h, dx * h);
  const ImVec2 p1(c.x - right.x + up.x, c.y - right.y + up.y), p2(c.x + right.x + up.x, c.y + right.y + up.y),
      p3(c.x + right.x - up.x, c.y + right.y - up.y), p4(c.x - right.x - up.x, c.y - right.y - up.y);
  // The disc in the strong (light theme's) colour in both themes: the white icon needs a dark ground. On the dark
  // map a ring in the theme's lighter route colour sets it off from the land.
  const float* rgba = core::route_colour(false, track.what_if);
  draw->AddCircleFilled(c, h * 1.25f, ImGui::GetColorU32(ImVec4(rgba[0], rgba[1], rgba[2], 0.95f)), 24);
  if (dark) {
    const float* ring = core::route_colour(true, track.what_if);
    draw->AddCircle(c, h * 1.25f, ImGui::GetColorU32(ImVec4(ring[0], ring[1], ring[2], 1.0f)), 24, 1.5f);
  }
  if (icon.texture) {
    draw->AddImageQuad(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(icon.texture)), p1, p2, p3, p4);
  } else {  // no icon file: a plain arrow still shows position and heading
    draw->AddTriangleFilled(ImVec2(c.x + up.x, c.y + up.y),
                            ImVec2(c.x - up.x + right.x * 0.7f, c.y - up.y + right.y * 0.7f),
                            ImVec2(c.x - up.x - right.x * 0.7f, c.y - up.y - right.y * 0.7f), IM_COL32_WHITE);
  }
}

static constexpr float kIconPx = 26.0f;  // the vehicle icons' size, CSS px (their disc is 1.25 times as wide)

// Room kept on both sides of a label's text for its halo and the glyphs' overhang, so two labels that the
// placement puts side by side do not touch.
static constexpr float kHaloPad = 2.5f;

// The text over its halo (legible over land, sea and routes): the halo font is the text's glyphs grown.
static void halo_text(ImDrawList* draw, ImFont* font, ImFont* halo_font, float font_px, ImVec2 p, const char* text,
                      ImU32 colour, ImU32 halo) {
  draw->AddText(halo_font, font_px, p, halo, text);
  draw->AddText(font, font_px, p, colour, text);
}

// Whether the other track already labels this stop (the same place: same name and coordinates); if so and this
// label gives the hours while that one does not, that label takes this text.
static bool same_stop_labelled(JourneyLayer& layer, const core::TrackStop& stop, const char* text, bool with_hours,
                               ImFont* font, float font_px) {
  for (std::size_t j = 0; j < layer.stop_of_text.size(); ++j) {
    const core::TrackStop& other = *layer.stop_of_text[j];
    if (other.name != stop.name || other.coord.lat != stop.coord.lat || other.coord.lon != stop.coord.lon) continue;
    if (with_hours && !layer.stop_has_hours[j]) {
      layer.stop_text[j] = text;
      layer.stop_has_hours[j] = true;
      for (core::LabelRequest& r : layer.scene.labels)
        if (r.id == -1 - static_cast<int>(j)) {
          r.width = font->CalcTextSizeA(font_px, 1e9f, 0.0f, text).x + 2 * kHaloPad;
          r.text_hash = core::label_text_hash(text);
        }
    }
    return true;
  }
  return false;
}

// Every ImGui window drawn in the last frame, as the labels must keep out from under all of them: the layout
// knows where the sidebar and the controls go, but not how wide the title line or the compare panel came out.
// (NewFrame has run: WasActive and the rectangles are the last frame's.)
static void append_window_rects(std::vector<core::ScreenRect>& out, std::vector<core::ScreenRect>& lasting) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  lasting.clear();
  for (const ImGuiWindow* w : g.Windows) {
    if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow)) continue;
    if (w->Size.x <= 0 || w->Size.y <= 0) continue;
    const core::ScreenRect r{w->Pos.x, w->Pos.y, w->Pos.x + w->Size.x, w->Pos.y + w->Size.y};
    out.push_back(r);
    // The sidebar and the controls are the layout's own rectangles (and the sidebar's window lingers one frame
    // after it folds); what the layout does not know is how wide the title line came out, and where the end-of-race
    // comparison sits (the route is framed beside it, never under it).
    const bool passing = (w->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)) ||
                         (std::strcmp(w->Name, "Show trips") != 0 && std::strcmp(w->Name, "Compare") != 0);
    if (!passing) lasting.push_back(r);
  }
}

// The routes on screen as segments for the placement (labels should rather not sit on them): consecutive points
// closer than a few px are merged, and segments wholly off the canvas skipped.
static void append_route_segments(std::vector<core::ScreenSegment>& out, const core::Track& track,
                                  const core::Camera& cam) {
  const core::Route& route = track.route;
  if (route.points.empty()) return;
  ImVec2 last = to_screen(cam, route.points[0]);
  const float w = static_cast<float>(cam.viewport.width), h = static_cast<float>(cam.viewport.height);
  for (std::size_t i = 1; i < route.points.size(); ++i) {
    const ImVec2 p = to_screen(cam, route.points[i]);
    if (std::fabs(p.x - last.x) + std::fabs(p.y - last.y) < 4.0f && i + 1 < route.points.size()) continue;
    const bool off = std::max(p.x, last.x) < 0 || std::min(p.x, last.x) > w || std::max(p.y, last.y) < 0 ||
                     std::min(p.y, last.y) > h;
    if (!off) out.push_back({last.x, last.y, p.x, p.y});
    last = p;
  }
}

void journey_layer_draw_overlay(JourneyLayer& layer, ImDrawList* draw, ImFont* font, ImFont* halo_font, float font_px,
                                const core::Journey* journey, const std::vector<core::MapPlace>& places,
                                const core::AppState& state, const core::Words& words,
                                const std::vector<core::ScreenRect>& obstacles, bool dark, core::AppStatus* status,
                                double route_cost_cap) {
  const core::Camera& cam = state.camera;
  core::LabelScene& scene = layer.scene;
  scene.labels.clear();
  scene.vehicles.clear();
  scene.routes.clear();
  scene.panels.assign(obstacles.begin(), obstacles.end());
  append_window_rects(scene.panels, layer.lasting_panels);
  scene.screen = {0, 0, cam.viewport.width, cam.viewport.height};
  scene.gap = 6.0;
  scene.route_cost_cap = route_cost_cap;
  layer.stop_text.clear();
  layer.stop_of_text.clear();
  layer.stop_has_hours.clear();
  // New texts when the stops' names or the words in use change: a new trip, the same one in another language, or
  // the same language once its words arrive (a journey is rebuilt in place, so its address does not tell), the
  // local names switched or arriving. The names themselves are the key, not the language asked for.
  std::uint64_t label_key = core::kPictureKeySeed;
  if (journey && journey->trip) {
    label_key = core::mix_key_bytes(label_key, journey->trip->id.data(), journey->trip->id.size());
    label_key = core::mix_key(label_key, words.language);
    label_key = core::mix_key(label_key, state.local_names);
    for (const core::Track* track : {&journey->train, &journey->plane})
      for (const core::TrackStop& stop : track->stops) {
        label_key = core::mix_key_bytes(label_key, stop.name.data(), stop.name.size());
        label_key = core::mix_key_bytes(label_key, stop.local_name.data(), stop.local_name.size());
      }
  }
  if (journey && journey->trip &&
      (layer.labelled_key != label_key || layer.labelled_track[0] != &journey->train ||
       layer.labelled_track[1] != &journey->plane || layer.name_label[0].size() != journey->train.stops.size())) {
    for (int k = 0; k < 2; ++k) {
      const core::Track& track = k ? journey->plane : journey->train;
      layer.passed_label[k].clear();
      layer.name_label[k].clear();
      for (const core::TrackStop& stop : track.stops) {
        const std::string name =
            state.local_names && !stop.local_name.empty() ? stop.name + " " + stop.local_name : stop.name;
        layer.name_label[k].push_back(name);
        layer.passed_label[k].push_back(name + " \xC2\xB7 " + core::duration_text(words, stop.arrive_h));
      }
      layer.labelled_track[k] = &track;
    }
    layer.labelled_key = label_key;
  }
  layer.place_label.resize(places.size());
  for (std::size_t i = 0; i < places.size(); ++i) {
    const core::MapPlace& place = places[i];
    std::string& label = layer.place_label[i];
    label = place.name;
    if (state.local_names && !place.local_name.empty()) label += " " + place.local_name;
  }

  // The icons grow with the UI scale (the labels' size says it), by less than the text: 26 px on a laptop, about
  // 50 px in classroom mode, where 26 px was a speck from the back of the room.
  const float ui_scale = std::max(1.0f, font_px / (16.0f * kLabelFontFactor));
  const float icon_px = kIconPx * (1.0f + (ui_scale - 1.0f) * 0.6f);
  const float dot = 1.0f + (ui_scale - 1.0f) * 0.5f;  // stop and city dots: 5 px on a laptop, 9 px in classroom
  scene.gap = 6.0 * dot;                              // the labels keep as clear of the larger dots
  // Where the vehicles are: labels never go under an icon (its disc's box).
  const float icon_radius = icon_px / 2 * 1.25f;
  if (journey) {
    for (int k = 0; k < 2; ++k) {
      const core::Track& track = k ? journey->plane : journey->train;
      if (!shown(state, track, k ? core::Mode::Plane : core::Mode::Train)) continue;
      const ImVec2 v = to_screen(cam, core::track_state_at(track, state.playback.clock_h).position);
      scene.vehicles.push_back({v.x - icon_radius, v.y - icon_radius, v.x + icon_radius, v.y + icon_radius});
    }
  }

  // Stops of the shown tracks: passed ones filled, with the hour of passing. Priorities: both ends of the leg a
  // vehicle is on now (what the reader is watching), then the stops a source reports, then the inferred ones.
  if (journey) {
    for (int k = 0; k < 2; ++k) {
      const core::Track& track = k ? journey->plane : journey->train;
      if (!shown(state, track, k ? core::Mode::Plane : core::Mode::Train)) continue;
      const float* rgba = core::route_colour(dark, track.what_if);
      const ImU32 col = ImGui::GetColorU32(ImVec4(rgba[0], rgba[1], rgba[2], 1));
      const int passed = core::track_state_at(track, state.playback.clock_h).stops_passed;
      for (std::size_t i = 0; i < track.stops.size(); ++i) {
        const core::TrackStop& stop = track.stops[i];
        const ImVec2 p = to_screen(cam, stop.coord);
        const bool lit = static_cast<int>(i) < passed;
        draw->AddCircleFilled(p, 5.0f * dot, lit ? col : dark ? IM_COL32(16, 24, 36, 255) : IM_COL32_WHITE, 16);
        draw->AddCircle(p, 5.0f * dot, col, 16, 1.5f * dot);
        const bool with_hours = lit && i > 0 && i < layer.passed_label[k].size();
        const char* text = with_hours                       ? layer.passed_label[k][i].c_str()
                           : i < layer.name_label[k].size() ? layer.name_label[k][i].c_str()
                                                            : stop.name.c_str();
        // Both tracks may end at the same place (the Vostochny trip): one label, the one giving the hours.
        if (same_stop_labelled(layer, stop, text, with_hours, font, font_px)) continue;
        layer.stop_text.push_back(text);
        layer.stop_of_text.push_back(&stop);
        layer.stop_has_hours.push_back(with_hours);
        const ImVec2 size = font->CalcTextSizeA(font_px, 1e9f, 0.0f, text);
        // The leg it is on: from the last stop passed to the next (at the end, the last stop).
        const int here = static_cast<int>(i);
        const bool current = here == passed - 1 || here == passed;
        const bool end = i == 0 || i + 1 == track.stops.size();
        core::LabelRequest r;
        r.anchor_x = p.x;
        r.anchor_y = p.y;
        r.width = size.x + 2 * kHaloPad;
        r.height = size.y;
        r.priority = current         ? core::LabelPriority::CurrentLeg
                     : stop.reported ? core::LabelPriority::ReportedStop
                                     : core::LabelPriority::InferredStop;
        // Within a priority: the record before the what-if, the trip's ends, then stops passed, then the rest.
        r.rank = (track.what_if ? 4 : 0) + (end ? 0 : lit ? 1 : 2);
        r.id = -1 - static_cast<int>(layer.stop_text.size() - 1);
        r.text_hash = core::label_text_hash(text);
        r.dot_radius = 6.0 * dot;
        scene.labels.push_back(r);
      }
    }
  }
  const std::size_t stop_labels = scene.labels.size();
  // Map places, unless a stop already names the spot: context, placed only where there is room.
  if (state.place_labels) {
    for (std::size_t i = 0; i < places.size(); ++i) {
      const core::MapPlace& place = places[i];
      const ImVec2 p = to_screen(cam, place.coord);
      if (p.x < 0 || p.y < 0 || p.x > cam.viewport.width || p.y > cam.viewport.height) continue;
      // A stop already names the spot: on it, or naming the same place ("Dalian" beside "Dalian station", whose
      // coordinates differ by a few km; two labels for one city read as two places).
      bool named = false;
      for (std::size_t j = 0; j < stop_labels && !named; ++j) {
        const core::LabelRequest& s = scene.labels[j];
        const std::string& stop_name = layer.stop_of_text[static_cast<std::size_t>(-1 - s.id)]->name;
        bool same_name = false;
        if (stop_name.compare(0, place.name.size(), place.name) == 0) {
          const std::string rest = stop_name.substr(place.name.size());
          // The reader's language's own word for a station ("역": 단둥역 beside 단둥) comes from its catalogue.
          same_name = rest.empty() || rest == " station" || rest == " Station" || rest == " Railway Station" ||
                      rest == words.c(" station");
        }
        const float dx = static_cast<float>(s.anchor_x) - p.x, dy = static_cast<float>(s.anchor_y) - p.y;
        named = (std::fabs(dx) < 4 && std::fabs(dy) < 4) || (same_name && dx * dx + dy * dy < 80.0f * 80.0f);
      }
      if (named) continue;
      const ImVec2 size = font->CalcTextSizeA(font_px, 1e9f, 0.0f, layer.place_label[i].c_str());
      core::LabelRequest r;
      r.anchor_x = p.x;
      r.anchor_y = p.y;
      r.width = size.x + 2 * kHaloPad;
      r.height = size.y;
      r.priority = core::LabelPriority::Context;
      r.rank = place.rank;
      r.id = static_cast<int>(i);
      r.text_hash = core::label_text_hash(layer.place_label[i]);
      r.dot_radius = 3.0 * dot;
      scene.labels.push_back(r);
    }
  }

  // Place again only when something changed (the camera moved, a stop was passed, a panel opened, a vehicle ran
  // into a label): the routes' segments are only needed then.
  if (layer.placer.changed(scene)) {
    // A label close to another place's across a border (Sinuiju and Dandong, the Yalu between them) leans away from
    // it, so each name stands over its own country. Stops know their country by its ISO letters, the map's places by
    // its number: each is compared with its own kind.
    constexpr double kAcrossBorderPx = 60;
    constexpr int kLetters = 1 << 16;  // a stop's code: its two letters, above every ISO number
    const auto country_of = [&](const core::LabelRequest& r) {
      if (r.id >= 0) return places[static_cast<std::size_t>(r.id)].country;
      const std::string& code = layer.stop_of_text[static_cast<std::size_t>(-1 - r.id)]->country;
      return code.size() == 2 ? kLetters + (code[0] << 8) + code[1] : 0;
    };
    layer.label_countries.clear();  // (its capacity is kept: nothing allocated once it has grown)
    for (const core::LabelRequest& r : scene.labels) layer.label_countries.push_back(country_of(r));
    for (std::size_t i = 0; i < scene.labels.size(); ++i) {
      core::LabelRequest& a = scene.labels[i];
      const int country = layer.label_countries[i];
      double best = kAcrossBorderPx * kAcrossBorderPx;
      for (std::size_t j = 0; j < scene.labels.size(); ++j) {
        const core::LabelRequest& b = scene.labels[j];
        const int other = layer.label_countries[j];
        const double dx = b.anchor_x - a.anchor_x, dy = b.anchor_y - a.anchor_y, d2 = dx * dx + dy * dy;
        if (country == 0 || other == 0 || other == country || (country >= kLetters) != (other >= kLetters) ||
            d2 >= best || d2 == 0)
          continue;
        best = d2;
        a.across_x = dx / std::sqrt(d2);
        a.across_y = dy / std::sqrt(d2);
      }
    }
    if (journey)
      for (int k = 0; k < 2; ++k) {
        const core::Track& track = k ? journey->plane : journey->train;
        if (shown(state, track, k ? core::Mode::Plane : core::Mode::Train))
          append_route_segments(scene.routes, track, cam);
      }
    layer.placer.update(scene);
    // Copies: a journey built again for the same trip frees the strings the stops' texts point into.
    const std::vector<core::PlacedLabel>& now = layer.placer.layout().placed;
    layer.placed_text.resize(now.size());
    for (std::size_t i = 0; i < now.size(); ++i)
      layer.placed_text[i].assign(now[i].id < 0 ? layer.stop_text[static_cast<std::size_t>(-1 - now[i].id)]
                                                : layer.place_label[now[i].id].c_str());
    if (status) {
      status->labels.resize(layer.placed_text.size());
      for (std::size_t i = 0; i < layer.placed_text.size(); ++i) {
        const core::PlacedLabel& l = layer.placer.layout().placed[i];
        status->labels[i].text = layer.placed_text[i];
        status->labels[i].box = l.box;
        status->labels[i].leader = l.leader;
      }
      status->panels.assign(scene.panels.begin(), scene.panels.end());
      status->routes.assign(scene.routes.begin(), scene.routes.end());
      status->label_placements = layer.placer.runs();
    }
  }
  if (status) status->vehicles.assign(scene.vehicles.begin(), scene.vehicles.end());

  const ImU32 halo = dark ? IM_COL32(10, 12, 16, 245) : IM_COL32(255, 255, 255, 250);
  const std::vector<core::PlacedLabel>& placed = layer.placer.layout().placed;
  // Leader lines first, under every label; a halo under each so it reads over the routes.
  for (const core::PlacedLabel& l : placed) {
    if (!l.leader) continue;
    const ImVec2 a(static_cast<float>(l.leader_line.x0), static_cast<float>(l.leader_line.y0)),
        b(static_cast<float>(l.leader_line.x1), static_cast<float>(l.leader_line.y1));
    draw->AddLine(a, b, halo, 3.0f);
    draw->AddLine(a, b, dark ? IM_COL32(200, 200, 206, 255) : IM_COL32(60, 60, 70, 255), 1.0f);
  }
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const core::PlacedLabel& l = placed[i];
    const bool stop = l.id < 0;
    // A context city's dot only with its name: an unnamed dot tells the reader nothing.
    if (!stop)
      draw->AddCircleFilled(to_screen(cam, places[l.id].coord), 2.5f * dot,
                            dark ? IM_COL32(170, 170, 178, 255) : IM_COL32(60, 60, 70, 255), 12);
    const ImU32 ink = dark ? (stop ? IM_COL32(240, 240, 236, 255) : IM_COL32(190, 190, 196, 255))
                           : (stop ? IM_COL32(20, 20, 24, 255) : IM_COL32(70, 70, 80, 255));
    halo_text(draw, font, halo_font, font_px,
              ImVec2(static_cast<float>(l.box.x0) + kHaloPad, static_cast<float>(l.box.y0)),
              layer.placed_text[i].c_str(), ink, halo);
  }

  // Vehicles last, on top of their labels.
  if (journey) {
    for (int k = 0; k < 2; ++k) {
      const core::Track& track = k ? journey->plane : journey->train;
      if (!shown(state, track, k ? core::Mode::Plane : core::Mode::Train)) continue;
      draw_icon(draw, layer, track, state, icon_px, dark);
    }
  }
}

}  // namespace render
