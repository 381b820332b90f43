// The platform loop: an SDL2 window and WebGL2 context on the page's canvas, Dear ImGui on top, the start-up one
// step per animation frame, then one frame per animation frame (drawn only when something changed), and the
// effects of the reader's commands carried out. What the explainer does is core::Session (src/core/session.cpp);
// what is drawn is decided by ui/ and render/ from it. Beside it: input.cpp (pointer and keys), assets.cpp (the
// page's downloads taken in), fonts.cpp (the font atlas), composition.cpp (Save image and Export video's frames),
// page_bridge.cpp (every call to and from the page's JavaScript).
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>

#include <algorithm>
#include <optional>

#include "app/app.hpp"
#include "core/picture_key.hpp"
#include "render/basemap.hpp"
#include "render/imgui_renderer.hpp"
#include "render/snapshot.hpp"

static App app;
App& the_app() { return app; }

void request_redraw() {
  app.frames.redraw_until_ms = emscripten_get_now() + App::Frames::kSettleMs;
  app.frames.redraw_frames = App::Frames::kSettleFrames;
}

// Returns whether the canvas changed size or pixel ratio.
NOT_INLINED static bool update_viewport() {
  int w = 0, h = 0, pw = 0, ph = 0;
  SDL_GetWindowSize(app.platform.window, &w, &h);
  SDL_GL_GetDrawableSize(app.platform.window, &pw, &ph);
  core::AppStatus& s = app.session.status;
  const bool changed = s.canvas_css_width != w || s.canvas_css_height != h || s.canvas_pixel_width != pw ||
                       s.canvas_pixel_height != ph ||
                       s.pixel_ratio != static_cast<float>(emscripten_get_device_pixel_ratio());
  s.canvas_css_width = w;
  s.canvas_css_height = h;
  s.canvas_pixel_width = pw;
  s.canvas_pixel_height = ph;
  s.pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
  core::Camera& camera = app.session.state.camera;
  core::CameraLimits& limits = app.session.state.camera_limits;
  // Beyond the base map's data there is only blank sea with a straight edge (seen at the far left of the Hanoi
  // trip in classroom): the view keeps inside the data wherever the zoom allows.
  if (app.map.loaded && limits.view_bounds.empty())
    limits.view_bounds = core::project_lonlat_box_inner(app.map.asset.region.lon_min, app.map.asset.region.lat_min,
                                                        app.map.asset.region.lon_max, app.map.asset.region.lat_max);
  if (camera.viewport.width != w || camera.viewport.height != h || camera.viewport.pixel_ratio != s.pixel_ratio) {
    camera.viewport = {double(w), double(h), double(s.pixel_ratio)};
    core::fit_limits_to_viewport(limits, camera.viewport);
    camera = core::clamp_camera(camera, limits);
  }
  return changed;
}

// Where the panels go for the canvas's size and the state (ui::compute_layout); the core hears whether the trips
// list is a sheet over the map (a phone), which decides what picking a trip does to it.
static void update_layout() {
  app.layout = ui::compute_layout(app.session.state, float(app.session.status.canvas_css_width),
                                  float(app.session.status.canvas_css_height), app.style.touch_seen,
                                  app.style.prefers_dark, app.requests.measured);
  app.session.status.list_covers_map = app.layout.narrow;
}

// --- graphics context -------------------------------------------------------------------------------------------

// Everything on the GPU, from the copies kept on the CPU: at start and after a lost context comes back.
NOT_INLINED static void create_gpu_resources() {
  StartupStep step("GPU: shaders, buffers and icons");
  load_icons();
  std::string error;
  if (!render::imgui_renderer_create(app.imgui_renderer, &error))
    report_to_page(2, "Could not draw the panels and labels: " + error);
  error.clear();
  app.map.renderer_ready = render::map_renderer_create(app.map.renderer, app.map.geometry, &error);
  if (!app.map.renderer_ready) report_to_page(2, "Could not draw the map: " + error);
  app.journey_layer.uploaded_trip.clear();
  if (app.map.renderer_ready && app.session.journey.trip)
    render::journey_layer_update(app.journey_layer, app.map.renderer, app.session.journey);
}

static EM_BOOL on_context_lost(int, const void*, void*) {
  app.platform.context_lost = true;
  return EM_TRUE;
}
static EM_BOOL on_context_restored(int, const void*, void*) {
  app.platform.context_restored = true;
  return EM_TRUE;
}

// After a restore every GL object is gone: rebuild ImGui's and ours from the copies kept on the CPU.
NOT_INLINED static void recover_context() {
  app.platform.context_restored = false;
  app.platform.context_lost = false;
  render::map_renderer_destroy(app.map.renderer, /*context_lost=*/true);
  render::journey_layer_destroy(app.journey_layer, /*context_lost=*/true);
  app.map.renderer_ready = false;
  release_offscreen(app.exports.offscreen, /*context_lost=*/true);
  render::forget_read(app.exports.image_read.read, /*context_lost=*/true);
  render::imgui_renderer_destroy(app.imgui_renderer, /*context_lost=*/true);
  app.text.font_pixel_ratio = 0.0f;  // re-upload the font atlas
  app.frames.drawn_picture = 0;      // the canvas was lost with the context
  create_gpu_resources();
  request_redraw();
  report_to_page(0, "The graphics context is back; the map is drawn again.");
}

// Every reader action ends here, from a key, a panel or the page (journeys_command): the core decides, the
// platform carries out what it asks.
void run_command(const core::Command& c) {
  request_redraw();
  const core::Effects effects = core::apply_command(app.session, c);  // the journey and status follow at once
  if (!effects.open_url.empty()) page_open_url(effects.open_url);
  if (effects.toggle_fullscreen) page_toggle_fullscreen();
  if (effects.copy_embed) page_copy_embed();
  // At the start of the next frame: the image takes over ImGui and the font atlas for a moment, which must not
  // happen in the middle of the reader's frame (a panel's click arrives there).
  if (effects.save_image) app.exports.save_image_pending = true;
  if (effects.export_video && !app.exports.video.active) page_open_video_dialog();
}

// --- Save image -------------------------------------------------------------------------------------------------
// The newsroom frame of this moment at 1920 × 1080, drawn off-screen by the code that draws Export video's frames
// (composition.cpp), so a video's first frame is this image of its first moment. Its pixels come back from the GPU
// while the page goes on (render::PendingRead), and the page makes the PNG (the browser's encoder, off the main
// thread): in one task, reading back and encoding held the page for 150-340 ms.
static void save_image() {
  StartupStep step("Save image: the frame drawn");
  Composition frame(1920, 1080, /*read_later=*/true);
  App::Exports::ImageRead& pending = app.exports.image_read;
  render::forget_read(pending.read, false);  // an earlier save still on its way gives way to this one
  pending.read = frame.take_read();
  pending.camera = frame.frame_camera();
  pending.trip_id = app.session.state.trip_id;
  if (!pending.read) report_to_page(1, "The image could not be made (the map cannot be drawn off-screen here).");
}

// Once the GPU is done: the pixels to the page, with the image's camera in place meanwhile (the tests ask where
// places fall on the image when the page takes the pixels).
static void hand_over_image_when_read() {
  App::Exports::ImageRead& pending = app.exports.image_read;
  if (!pending.read || !render::read_pixels_ready(pending.read)) return;
  StartupStep step("Save image: the pixels handed to the page");
  const int w = pending.read.width, h = pending.read.height;
  const std::vector<std::uint8_t> rgba = render::finish_read_pixels(pending.read);
  if (rgba.empty()) {
    report_to_page(1, "The image could not be made (the map cannot be drawn off-screen here).");
    return;
  }
  const core::Camera reader_camera = app.session.state.camera;
  app.session.state.camera = pending.camera;
  page_download_image(rgba, w, h, pending.trip_id);
  app.session.state.camera = reader_camera;
}

static void pause_off_screen_when_whole();
static void apply_style_if_changed();
static void frame_the_trip();
static void lay_out_frame();

// --- start, one step at a time -------------------------------------------------------------------------------------
// Each step is its own short task, so the page (and the article around an embed) answers clicks, keys and
// scrolling while the explainer starts, and the reader sees the map before the panels. A step that only computes
// runs as a task of its own (setImmediate) right after the one before; a step that draws runs in an animation
// frame, because the browser hands a canvas's new picture over at the end of the animation frame's task (an
// animation frame also waits for the picture before it, which a computing step need not). A step waiting for a
// download waits an animation frame at a time (no spinning).
static void pace_next_step(bool waiting) {
  if (app.platform.main_loop_paused) return;  // off-screen: journeys_set_visible paces the loop
  const bool draws = app.start.stage == StartStage::ShowCanvas || app.start.stage == StartStage::MapGpu ||
                     app.start.stage == StartStage::Done;
  const int mode = waiting || draws ? EM_TIMING_RAF : EM_TIMING_SETIMMEDIATE;
  if (mode == app.start.pace) return;
  app.start.pace = mode;
  emscripten_set_main_loop_timing(mode, mode == EM_TIMING_RAF ? 1 : 0);
}

NOT_INLINED static void start_step() {
  switch (app.start.stage) {
    case StartStage::ShowCanvas:  // an animation frame in which the browser takes the new, blank canvas (it copies
                                  // it back, waiting for the GPU process): before the GPU process gets busy
      app.start.stage = StartStage::MapPrograms;
      return pace_next_step(false);
    case StartStage::MapPrograms: {  // the pipelines' compile then runs in the GPU process during the parse
      StartupStep step("GPU: map programs, warmed up");
      std::string error;
      if (render::map_renderer_finish_programs(app.map.renderer, &error))
        render::map_renderer_warm_up(app.map.renderer, app.platform.canvas_alpha);
      else
        report_to_page(2, "Could not draw the map: " + error);
      app.start.stage = StartStage::Map;
      return pace_next_step(false);
    }
    case StartStage::Map:  // a part per task (load_map_part)
      if (!assets_settled(kAssetMap)) return pace_next_step(/*waiting=*/true);
      if (!load_map_part()) return pace_next_step(false);
      app.start.stage = StartStage::MapGpu;
      return pace_next_step(false);
    case StartStage::MapGpu: {  // then draw_map_only draws it, in this animation frame
      StartupStep step("GPU: map buffers");
      // Ready (drawn from now on) once its geometry is up, even if the map itself failed to load (the sea then).
      app.map.renderer_ready = app.map.renderer.fill_program && app.map.renderer.line_program;
      if (app.map.renderer_ready) render::map_renderer_upload(app.map.renderer, app.map.geometry);
      app.start.stage = StartStage::PanelProgram;
      return pace_next_step(false);
    }
    case StartStage::PanelProgram: {  // its pipeline is then prepared by the GPU process during the trips' parse
      StartupStep step("GPU: panel shaders, warmed up");
      std::string error;
      if (render::imgui_renderer_create(app.imgui_renderer, &error))
        render::imgui_renderer_warm_up(app.imgui_renderer, app.platform.canvas_alpha);
      else
        report_to_page(2, "Could not draw the panels and labels: " + error);
      app.start.stage = StartStage::Trips;
      return pace_next_step(false);
    }
    case StartStage::Trips:  // before the fonts: a link's switches (classroom) decide the type size
      // The map's upload is checked here, once its frame is drawn: asking earlier would wait for the GPU process.
      if (app.map.renderer_ready && !app.start.map_upload_checked) {
        app.start.map_upload_checked = true;
        if (glGetError() != GL_NO_ERROR)
          report_to_page(2, std::string("Could not draw the map: ") + render::kMapRefused);
      }
      if (!assets_settled(kAssetTrips | kAssetPlaces)) return pace_next_step(true);
      load_trip_data();
      load_places();
      apply_pending_hash();
      app.start.stage = StartStage::Fonts;
      return pace_next_step(false);
    case StartStage::Fonts: {
      if (!assets_settled(kAssetFontRegular | kAssetFontBold)) return pace_next_step(true);
      if (app.assets.font_regular.empty() && app.assets.font_bold.empty()) {
        // Nothing to write with (ImGui's own font is not built in: src/app/CMakeLists.txt): the app stops, and
        // the page shows the trips as its HTML table (web/fallback.js), as it does without WebGL.
        emscripten_cancel_main_loop();
        page_cannot_run(
            "Neither font could be loaded, so the map cannot show its words: the trips are listed as a table instead.");
        return;
      }
      update_viewport();
      update_layout();
      rebuild_fonts_if_needed(app.session.status.pixel_ratio, app.layout.scale);
      app.start.stage = StartStage::Compose;
      return pace_next_step(false);
    }
    case StartStage::Compose: {  // the first full frame laid out once unseen, in a task of its own: ImGui's code
      // is compiled on its first call (~80 ms on SwiftShader's machines), a window that sizes itself shows from its
      // second frame, and the trip is framed beside the panels it drew. The frame drawn next is whole, and short.
      StartupStep step("first full frame, laid out unseen");
      take_language_assets();  // as every frame does first (a language's words may be in already)
      apply_style_if_changed();
      frame_the_trip();
      lay_out_frame();
      frame_the_trip();
      app.start.stage = StartStage::Done;
      request_redraw();
      return pace_next_step(false);  // from here on, a frame per animation frame
    }
    case StartStage::Done: return;
  }
}

// Until the panels can be drawn: the map alone (before it, the page's own sea), under the loading message.
// Drawn again only when that picture changes: every drawn frame costs the GPU (and, with software compositing,
// the page's main thread, which copies the canvas back) while the start-up steps need the time.
NOT_INLINED static void draw_map_only() {
  update_viewport();
  const int w = app.session.status.canvas_pixel_width, h = app.session.status.canvas_pixel_height;
  const bool dark = app.layout.dark;
  const MapOnlyPicture picture{w, h, dark, app.session.state.presentation.transparent, app.map.renderer_ready};
  if (app.start.map_only_drawn && picture == app.start.map_only_picture) return;
  // Before the map is ready the canvas is left untouched: the page's background behind it is the same sea, and a
  // frame drawn now would have the page wait (compositing it) for the GPU process preparing the map's pipelines.
  if (!app.map.renderer_ready) return;
  app.start.map_only_drawn = true;
  app.start.map_only_picture = picture;
  glViewport(0, 0, w, h);
  const float* sea = dark ? render::kDarkSeaColour : render::kSeaColour;
  if (app.session.state.presentation.transparent)
    glClearColor(0, 0, 0, 0);
  else
    glClearColor(sea[0], sea[1], sea[2], 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  const std::array<float, 9> view = core::view_matrix(app.session.state.camera);
  render::map_renderer_draw(app.map.renderer, view.data(), w, h, app.session.status.pixel_ratio,
                            static_cast<float>(app.session.state.camera.zoom), dark);
  if (!app.start.map_shown) {
    app.start.map_shown = true;
    notify_map_shown();
  }
}

// --- frame ------------------------------------------------------------------------------------------------------
NOT_INLINED static void draw_frame(double frame_start_ms);
static std::uint64_t picture_key(const std::array<float, 9>& view, float zoom, float line_scale, bool have_journey);

static void frame() {
  if (app.start.stage != StartStage::Done) {
    start_step();
    draw_map_only();
    return;
  }
  // Export video drives the session, ImGui and the fonts from the page (journeys_video_frame) until it ends; the
  // reader's clock does not move meanwhile and their input waits in SDL's queue.
  if (app.exports.video.active) {
    app.frames.last_frame_ms = 0.0;
    return;
  }
  // The vehicle icons need not hold up the rest: they come in whenever their downloads settle (an arrow stands in).
  if (!app.start.icons_loaded && assets_settled(kAssetIcons)) {
    StartupStep step("GPU: icons");
    load_icons();
    app.start.icons_loaded = true;
    request_redraw();
  }
  const double frame_start_ms = emscripten_get_now();
  std::optional<StartupStep> first_frame;
  if (app.session.status.frames_drawn == 0) first_frame.emplace("first full frame (layout, font atlas, panels, draw)");
  // Real time since the last frame, capped: after a hidden tab (no frames) the clock resumes where it stopped.
  const double dt =
      app.frames.last_frame_ms > 0 ? std::min(0.1, (frame_start_ms - app.frames.last_frame_ms) / 1000.0) : 0.0;
  app.frames.last_frame_ms = frame_start_ms;

  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    request_redraw();  // a pointer over a panel highlights it, a key may change anything
    if (event.type == SDL_FINGERDOWN) app.style.touch_seen = true;
    if (handle_key(event)) continue;
    ImGui_ImplSDL2_ProcessEvent(&event);
    const core::Camera before = app.session.state.camera;
    handle_pointer(event);
    if (!core::same_view(before, app.session.state.camera)) core::session_camera_moved(app.session);
  }
  if (app.platform.context_restored) recover_context();
  if (app.platform.context_lost) return;  // nothing can be drawn until the browser gives the context back
  hand_over_image_when_read();
  if (app.exports.save_image_pending) {
    app.exports.save_image_pending = false;
    save_image();
    request_redraw();  // the image's frame used ImGui and the camera: the reader's is drawn again
  }

  take_language_assets();
  take_far_map();
  if (update_viewport()) request_redraw();
  update_layout();
  rebuild_fonts_if_needed(app.session.status.pixel_ratio, app.layout.scale);
  apply_style_if_changed();

  frame_the_trip();
  core::session_step(app.session, dt);

  // Draw only what may have changed (see App::Frames::redraw_until_ms): the clock running, the camera flying, a panel
  // moving by itself, or a change in the last moments. Otherwise the picture is current.
  ++app.session.status.frames_run;
  if (app.session.state.playback.playing || app.session.flying || app.requests.animating) request_redraw();
  if (frame_start_ms >= app.frames.redraw_until_ms && app.frames.redraw_frames <= 0) return;
  if (app.frames.redraw_frames > 0) --app.frames.redraw_frames;
  draw_frame(frame_start_ms);
}

// ImGui's style follows the layout's scale, the theme and touch.
static void apply_style_if_changed() {
  if (app.style.touch != app.style.touch_seen || app.style.scale != app.layout.scale ||
      app.style.dark != app.layout.dark) {
    app.style.touch = app.style.touch_seen;
    app.style.scale = app.layout.scale;
    app.style.dark = app.layout.dark;
    ui::apply_style(app.layout);
  }
}

// A trip is framed in the map area the panels leave free: the layout's, and those the last frame drew. The core
// keeps that framing, so a command or the page's setState between frames takes effect at once
// (core::session_catch_up).
static void frame_the_trip() {
  app.session.fit_panels.assign(app.layout.obstacles.begin(), app.layout.obstacles.end());
  app.session.fit_panels.insert(app.session.fit_panels.end(), app.journey_layer.lasting_panels.begin(),
                                app.journey_layer.lasting_panels.end());
  const double m = app.layout.scale;  // room for the labels at the route's ends, inside that area
  app.session.fit_margin =
      app.layout.narrow ? core::Padding{24, 24, 16, 24} : core::Padding{40 * m, 40 * m, 24 * m, 40 * m};
  app.session.map_padding = app.layout.map_padding;
  app.session.laid_out = true;
  core::session_sync_journey(app.session);
  // The selected trip's routes to the GPU: at once if the trip changed since (by this sync, or a command or the
  // page's call between frames); otherwise journey_layer_update does nothing.
  if (app.map.renderer_ready) render::journey_layer_update(app.journey_layer, app.map.renderer, app.session.journey);
}

// The pointer over the canvas takes the shape ImGui asks for (a hand over a link, an arrow elsewhere), set only
// when that changes.
static void update_pointer_shape() {
  const ImGuiMouseCursor wanted = ImGui::GetMouseCursor();
  if (wanted == app.platform.pointer_shape) return;
  app.platform.pointer_shape = wanted;
  if (wanted == ImGuiMouseCursor_None) {
    SDL_ShowCursor(SDL_FALSE);
    return;
  }
  static const SDL_SystemCursor kShapes[ImGuiMouseCursor_COUNT] = {
      SDL_SYSTEM_CURSOR_ARROW,    SDL_SYSTEM_CURSOR_IBEAM,  SDL_SYSTEM_CURSOR_SIZEALL,
      SDL_SYSTEM_CURSOR_SIZENS,   SDL_SYSTEM_CURSOR_SIZEWE, SDL_SYSTEM_CURSOR_SIZENESW,
      SDL_SYSTEM_CURSOR_SIZENWSE, SDL_SYSTEM_CURSOR_HAND,   SDL_SYSTEM_CURSOR_NO};
  const int shape = wanted >= 0 && wanted < ImGuiMouseCursor_COUNT ? wanted : ImGuiMouseCursor_Arrow;
  SDL_Cursor*& cursor = app.platform.pointer_cursors[shape];
  if (!cursor) cursor = SDL_CreateSystemCursor(kShapes[shape]);
  SDL_SetCursor(cursor);
  SDL_ShowCursor(SDL_TRUE);
}

// ImGui's frame: the labels, icons and panels laid out into draw lists, and the commands the panels emitted run.
static void lay_out_frame() {
  ImGui_ImplSDL2_NewFrame();
  if (ImGui::GetIO().DeltaTime <= 0.0f) ImGui::GetIO().DeltaTime = 1.0f / 60.0f;  // two frames, one timestamp
  ImGui::NewFrame();
  const bool have_journey = app.session.journey.trip != nullptr;
  const core::Words& words = core::session_words(app.session);
  render::journey_layer_draw_overlay(
      app.journey_layer, ImGui::GetBackgroundDrawList(), app.text.fonts.body, app.text.fonts.label_halo,
      ui::kBodyFontPx * app.layout.scale * render::kLabelFontFactor, have_journey ? &app.session.journey : nullptr,
      app.text.places, app.session.state, words, app.layout.obstacles, app.layout.dark, &app.session.status);
  ui::UiInput input{app.session.trips.trips.empty() ? nullptr : &app.session.trips,
                    have_journey ? &app.session.journey : nullptr,
                    &app.session.status,
                    app.session.trips_error,
                    &words,
                    have_journey ? &core::session_trip_card(app.session) : nullptr};
  app.requests.clear();
  ui::draw(app.session.state, input, app.layout, app.text.fonts, app.requests);
  ImGui::Render();
  update_pointer_shape();
  for (const core::Command& c : app.requests.commands) run_command(c);
  ++app.session.status.frames_composed;
}

// The panels, the labels and the map, drawn.
NOT_INLINED static void draw_frame(double frame_start_ms) {
  lay_out_frame();
  const bool have_journey = app.session.journey.trip != nullptr;
  const int w = app.session.status.canvas_pixel_width, h = app.session.status.canvas_pixel_height;
  const std::array<float, 9> view = core::view_matrix(app.session.state.camera);
  const float zoom = static_cast<float>(app.session.state.camera.zoom);
  const float line_scale = std::max(1.0f, app.layout.scale * 0.75f);
  // A frame after a change, with nothing moving (the frames that let ImGui size a new window and settle), often
  // makes the picture already on the canvas: then nothing is drawn, and the browser has no new canvas to take
  // (without a GPU, each one is read back on the page's main thread: a task of 80-150 ms).
  const bool moving = app.session.state.playback.playing || app.session.flying || app.requests.animating;
  const std::uint64_t picture = moving ? 0 : picture_key(view, zoom, line_scale, have_journey);
  if (picture != 0 && picture == app.frames.drawn_picture) {
    pause_off_screen_when_whole();
    return;
  }
  app.frames.drawn_picture = picture;
  glViewport(0, 0, w, h);
  const float* sea = app.layout.dark ? render::kDarkSeaColour : render::kSeaColour;
  if (app.session.state.presentation.transparent)
    glClearColor(0, 0, 0, 0);  // the host page shows through the sea
  else
    glClearColor(sea[0], sea[1], sea[2], 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (app.map.renderer_ready) {
    render::map_renderer_draw(app.map.renderer, view.data(), w, h, app.session.status.pixel_ratio, zoom,
                              app.layout.dark);
    if (have_journey)
      render::journey_layer_draw_routes(app.journey_layer, app.map.renderer, app.session.journey, app.session.state,
                                        view.data(), w, h, app.session.status.pixel_ratio, line_scale, app.layout.dark);
  }
  render::imgui_renderer_draw(app.imgui_renderer, ImGui::GetDrawData());

  if (app.frames.cpu_ms.size() < 100000)
    app.frames.cpu_ms.push_back(static_cast<float>(emscripten_get_now() - frame_start_ms));
  if (++app.session.status.frames_drawn == 1) notify_first_frame();
  pause_off_screen_when_whole();
}

// Off-screen from the start: drawn on a timer (journeys_set_visible) until the picture is whole, then paused.
static void pause_off_screen_when_whole() {
  if (app.platform.main_loop_paused &&
      app.session.status.frames_composed == App::Platform::kFramesBeforeOffScreenPause) {
    emscripten_pause_main_loop();
    emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
  }
}

// What the frame about to be drawn shows (core/picture_key.hpp): the canvas, the theme, the map (its view and
// whether its far part is in), the routes, the textures' uploads, and ImGui's draw data (panels, labels, icons:
// every vertex and draw command).
static std::uint64_t picture_key(const std::array<float, 9>& view, float zoom, float line_scale, bool have_journey) {
  const core::AppStatus& s = app.session.status;
  std::uint64_t key = core::kPictureKeySeed;
  for (auto v : {s.canvas_pixel_width, s.canvas_pixel_height}) key = core::mix_key(key, v);
  key = core::mix_key(key, s.pixel_ratio);
  key = core::mix_key(key, app.layout.dark);
  key = core::mix_key(key, app.session.state.presentation.transparent);
  key = core::mix_key(key, app.map.renderer_ready);
  key = core::mix_key(key, app.map.asset.far_loaded);
  key = core::mix_key(key, app.frames.textures_uploaded);
  key = core::mix_key_bytes(key, view.data(), sizeof(float) * view.size());
  key = core::mix_key(key, zoom);
  if (have_journey)
    key = render::journey_layer_routes_key(app.journey_layer, app.session.journey, app.session.state, line_scale, key);
  const ImDrawData* d = ImGui::GetDrawData();
  key = core::mix_key(key, d->CmdListsCount);
  for (int i = 0; i < d->CmdListsCount; ++i) {
    const ImDrawList* list = d->CmdLists[i];
    key = core::mix_key_bytes(key, list->VtxBuffer.Data, sizeof(ImDrawVert) * list->VtxBuffer.Size);
    key = core::mix_key_bytes(key, list->IdxBuffer.Data, sizeof(ImDrawIdx) * list->IdxBuffer.Size);
    for (const ImDrawCmd& c : list->CmdBuffer) {
      key = core::mix_key_bytes(key, &c.ClipRect, sizeof c.ClipRect);
      key = core::mix_key(key, reinterpret_cast<std::uintptr_t>(c.TextureId));
      for (auto v : {c.VtxOffset, c.IdxOffset, c.ElemCount}) key = core::mix_key(key, v);
      key = core::mix_key(key, c.UserCallback != nullptr);
    }
  }
  return key == 0 ? 1 : key;  // 0 means "no picture known"
}

void start_app() {
  if (app.start.started) return;
  app.start.started = true;
  StartupStep step("start: SDL, WebGL context, ImGui, assets");
  SDL_SetMainReady();
  // Keys go to the canvas only when it has focus, so the page around it (and an embedding article) keeps
  // its own keyboard: Tab, arrows and scrolling.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    report_to_page(2, std::string("Could not start the graphics: ") + SDL_GetError());
    return;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);  // nothing is depth-tested
  // The canvas is sized by the page's CSS (it fills its container); SDL follows it and the pixel ratio.
  app.platform.window =
      SDL_CreateWindow("Kim Jong-un's journeys abroad", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 800, 600,
                       SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (app.platform.window) app.platform.gl = SDL_GL_CreateContext(app.platform.window);
  if (!app.platform.window || !app.platform.gl) {
    // The page does not try a WebGL 2 context of its own first (that cost every reader a second context and about
    // 30 ms of its first script): this is where a browser without one is found. The page shows the trips as a table.
    page_cannot_run(
        "This browser or device has WebGL 2 turned off or unavailable, so the map cannot be drawn. Try "
        "a current browser, or enable hardware acceleration.");
    return;
  }
  SDL_GL_SetSwapInterval(1);
  EmscriptenWebGLContextAttributes attributes;  // what the browser gave (read from the page, no GPU round trip)
  emscripten_webgl_get_context_attributes(emscripten_webgl_get_current_context(), &attributes);
  app.platform.canvas_alpha = attributes.alpha;
  // The driver compiles our shaders while the map and the fonts are read (their results are read frames later).
  render::map_renderer_begin(app.map.renderer);
  render::imgui_renderer_begin(app.imgui_renderer);
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, false, on_context_lost);
  emscripten_set_webglcontextrestored_callback("#canvas", nullptr, false, on_context_restored);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no file system in the page: nothing to save
  // The pointer's shape is set by update_pointer_shape, only when it changes: ImGui 1.86's SDL backend sets it
  // every frame, and each time SDL writes the canvas's CSS cursor (0.06 ms of every frame, profiled).
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard | ImGuiConfigFlags_NoMouseCursorChange;
  ImGui_ImplSDL2_InitForOpenGL(app.platform.window, app.platform.gl);

  update_viewport();
  update_layout();
  // A phone opens on the map, with the trips folded into a sheet under it.
  if (app.layout.narrow) {
    app.session.state.sidebar_open = false;
    update_layout();
  }
  app.session.state.camera = core::fit_bounds(core::journeys_region(), app.session.state.camera.viewport,
                                              app.layout.map_padding, app.session.state.camera_limits);

  // The rest of the start (map, fonts, trips) runs one step per animation frame: see start_step().
  emscripten_set_main_loop(frame, 0, false);
}
