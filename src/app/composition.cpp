// The newsroom frame, off-screen: Save image and every frame of Export video are drawn here, by the same code, into
// a framebuffer of the size asked for (independent of the window and its pixel ratio) and read back. The map is
// framed between the title band and the clock box (ui::draw_composition); the reader's view, fonts and style come
// back afterwards.
#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstring>

#include "app/app.hpp"
#include "core/projection.hpp"
#include "core/video_export.hpp"
#include "render/basemap.hpp"
#include "render/snapshot.hpp"

// The framebuffer the frames are drawn into; remade when the size changes.
static bool bind_offscreen(Offscreen& o, int w, int h) {
  if (o.fbo && (o.width != w || o.height != h)) release_offscreen(o, false);
  if (!o.fbo) {
    glGenTextures(1, &o.colour);
    glBindTexture(GL_TEXTURE_2D, o.colour);
    glTexStorage2D(GL_TEXTURE_2D, 1, GL_RGBA8, w, h);
    glGenFramebuffers(1, &o.fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, o.fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, o.colour, 0);
    o.width = w;
    o.height = h;
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      glBindFramebuffer(GL_FRAMEBUFFER, 0);
      release_offscreen(o, false);
      return false;
    }
    return true;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, o.fbo);
  return true;
}

void release_offscreen(Offscreen& o, bool context_lost) {
  if (!context_lost) {
    if (o.fbo) glDeleteFramebuffers(1, &o.fbo);
    if (o.colour) glDeleteTextures(1, &o.colour);
  }
  o = {};
}

Composition::Composition(int w, int h, bool read_later) {
  App& app = the_app();
  core::Session& s = app.session;
  camera_ = s.state.camera;
  flying_ = s.flying;
  view_moved_ = s.view_moved;
  if (!app.map.renderer_ready || app.platform.context_lost || w <= 0 || h <= 0) return;
  // 1080 CSS px on the short side whatever the size, so a 640 × 360 test clip is the 1080p film scaled down; the
  // type is set for a phone held at arm's length or a TV across the room.
  const float q = static_cast<float>(std::min(w, h)) / 1080.0f;
  // Square and upright frames (1:1, 9:16) stack the clock, the modes and the credits in one box across the width;
  // only a wide frame has room beside them for the map.
  const bool stacked = w < h * 1.5;
  ui::Layout layout;
  layout.width = static_cast<float>(w) / q;
  layout.height = static_cast<float>(h) / q;
  layout.scale = h > w * 1.2 ? 2.5f : stacked ? 2.0f : 2.25f;
  layout.dark = app.layout.dark;
  rebuild_fonts_if_needed(q, layout.scale);
  ui::apply_style(layout);
  app.style.scale = 0.0f;  // the reader's style again on the next frame
  s.state.camera.viewport = {layout.width, layout.height, q};

  ImGuiIO& io = ImGui::GetIO();
  const bool have_journey = s.journey.trip != nullptr;
  const ui::UiInput input{s.trips.trips.empty() ? nullptr : &s.trips, have_journey ? &s.journey : nullptr, &s.status,
                          s.trips_error, &core::session_words(s)};  // in the reader's language
  // Twice: ImGui sizes a self-sizing window in the pass after it is first drawn, and the map is framed between
  // the bands the first pass measured.
  for (int pass = 0; pass < 2; ++pass) {
    io.DisplaySize = ImVec2(layout.width, layout.height);
    io.DisplayFramebufferScale = ImVec2(q, q);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    const ui::CompositionBands bands = ui::draw_composition(s.state, input, layout, app.text.fonts, stacked);
    if (pass == 0) {
      ImGui::EndFrame();
      continue;
    }
    // The route framed as large as it goes in the map left free by the band and the boxes, with room for its labels.
    layout.obstacles = bands.boxes;
    layout.obstacles.push_back(core::ScreenRect{0, 0, layout.width, bands.top_h});
    core::PlaneRect shown;
    for (const core::Track* t : {&s.journey.train, &s.journey.plane})
      if (t->available &&
          (s.state.show == core::ShowMode::Both || (s.state.show == core::ShowMode::Train) == (t == &s.journey.train)))
        for (const core::LatLon& p : t->route.points) shown.extend(core::project(p));
    const double room = 32.0 * layout.scale;
    const core::Padding padding = shown.empty()
                                      ? core::Padding{bands.top_h + room, room, room, room}
                                      : core::padding_for_panels(shown, s.state.camera.viewport, layout.obstacles,
                                                                 {room, room, room * 0.5, room});
    core::session_fit_camera(s, padding, /*animate=*/false);
    // The labels by the live map's rules, with the route kept clear as a news graphic does (leader lines before a
    // label across the line), in map type a step below the frame's text: at the frame's full size the labels of a
    // dense stretch (Shenyang, Benxi, Dandong) crowded onto the route.
    render::journey_layer_draw_overlay(
        app.journey_layer, ImGui::GetBackgroundDrawList(), app.text.fonts.body, app.text.fonts.label_halo,
        ui::kBodyFontPx * layout.scale * 0.8f * render::kLabelFontFactor, have_journey ? &s.journey : nullptr,
        app.text.places, s.state, core::session_words(s), layout.obstacles, layout.dark, nullptr,
        core::kFilmRouteCostCap);
    ImGui::Render();
  }

  if (!bind_offscreen(app.exports.offscreen, w, h)) return;
  glViewport(0, 0, w, h);
  const float* sea = layout.dark ? render::kDarkSeaColour : render::kSeaColour;
  glClearColor(sea[0], sea[1], sea[2], 1.0f);  // a film has no transparency, even of an embed's sea
  glClear(GL_COLOR_BUFFER_BIT);
  const std::array<float, 9> view = core::view_matrix(s.state.camera);
  render::map_renderer_draw(app.map.renderer, view.data(), w, h, q, static_cast<float>(s.state.camera.zoom),
                            layout.dark);
  if (have_journey)
    render::journey_layer_draw_routes(app.journey_layer, app.map.renderer, s.journey, s.state, view.data(), w, h, q,
                                      std::max(1.0f, layout.scale * 0.75f), layout.dark);
  render::imgui_renderer_draw(app.imgui_renderer, ImGui::GetDrawData());
  frame_camera_ = s.state.camera;
  if (read_later)
    read_ = render::begin_read_pixels(w, h);
  else
    pixels_ = render::read_pixels_top_down(w, h);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  width_ = w;
  height_ = h;
}

Composition::~Composition() {
  App& app = the_app();
  app.session.state.camera = camera_;
  app.session.flying = flying_;
  app.session.view_moved = view_moved_;
  app.frames.drawn_picture = 0;  // (it drew off-screen; the reader's frame is drawn again, whatever it shows)
}
