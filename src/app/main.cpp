// Platform wiring: an SDL2 window and WebGL2 context on the page's canvas, pointer and key input, Dear ImGui
// on top, one frame per browser animation frame, the assets handed over by the page. What the explainer does is
// core::Session (src/core/session.cpp); what is drawn is decided by ui/ and render/ from it.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_internal.h>  // the windows drawn last frame, for where a finger lands

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "app/app.hpp"
#include "core/keys.hpp"
#include "core/localize.hpp"
#include "render/basemap.hpp"
#include "render/halo_font.hpp"
#include "render/imgui_renderer.hpp"
#include "render/snapshot.hpp"

static App app;
App& the_app() { return app; }

// The browser compiles each wasm function when it is first called, on the main thread. Link-time optimisation
// would inline every step of the start and of the frame into frame() (106 KB, the first frame's compile alone
// took 100 ms): kept apart, each step is compiled in the frame that first needs it.
#define NOT_INLINED [[gnu::noinline]]

void request_redraw() {
  app.redraw_until_ms = emscripten_get_now() + App::kSettleMs;
  app.redraw_frames = App::kSettleFrames;
}

// The region every trip needs (Singapore to Vostochny): the initial view and the camera's limits.
static const core::PlaneRect kRegion = core::project_lonlat_box(96.0, -2.0, 146.0, 56.0);

// Characters written by the panels and the core's texts beyond ASCII: · × – — … ‹ › ' ' " " → ← ° ±.
static const char kPanelSymbols[] =
    "\xC2\xB7\xC3\x97\xE2\x80\x93\xE2\x80\x94\xE2\x80\xA6\xE2\x80\xB9\xE2\x80\xBA\xE2\x80\x98\xE2\x80\x99"
    "\xE2\x80\x9C\xE2\x80\x9D\xE2\x86\x92\xE2\x86\x90\xC2\xB0\xC2\xB1";
static const ImWchar kAsciiRange[] = {0x0020, 0x007E, 0};

// The atlas is rasterised at UI scale × device pixel ratio and scaled back by FontGlobalScale, so text is crisp
// at 1x, 2x and 3x. Rebuilt only when either changes (browser zoom, another screen, a projector).
// The font of a language's subset (scripts/make_cjk_fonts.py), or null when it has not arrived.
static std::vector<std::uint8_t>* language_font(core::Language l) {
  for (auto& [language, bytes] : app.assets.language_fonts)
    if (language == l && !bytes.empty()) return &bytes;
  return nullptr;
}

// The characters a subset must draw now: every text of the reader's catalogue (its language's font), or the local
// names when they are shown (the local names' font). ImGui 1.86 cannot add glyphs to a built atlas, so a new
// language rebuilds it.
static ImVector<ImWchar> glyph_ranges(bool local_names) {
  ImFontGlyphRangesBuilder builder;
  if (local_names) {
    for (const auto& [english, text] : app.session.local_names) builder.AddText(text.c_str());
  } else {
    const core::Words& w = core::session_words(app.session);
    for (const auto& [english, text] : w.ui) builder.AddText(text.c_str());
    for (const auto& [english, text] : w.data) builder.AddText(text.c_str());
  }
  ImVector<ImWchar> ranges;
  builder.BuildRanges(&ranges);
  return ranges;
}

// The largest texture the atlas may be: the GL limit, and at most 4096 (phones' GPUs).
static int atlas_limit() {
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
  return std::min(4096, max_size > 0 ? static_cast<int>(max_size) : 4096);
}

static void build_atlas(float pixel_ratio, float ui_scale, float shrink);

NOT_INLINED void rebuild_fonts_if_needed(float pixel_ratio, float ui_scale) {
  const std::string key = std::string(core::language_code(core::session_words(app.session).language)) +
                          (app.session.status.local_names_ready ? "/local" : "");
  if (pixel_ratio == app.font_pixel_ratio && ui_scale == app.ui_scale && key == app.fonts_key) return;
  app.font_pixel_ratio = pixel_ratio;
  app.ui_scale = ui_scale;
  app.fonts_key = key;
  // Korean at 3x on a classroom projector can outgrow the texture: then the glyphs are rasterised smaller (and
  // drawn scaled up a little) rather than lost to white boxes.
  for (float shrink = 1.0f; shrink >= 0.3f; shrink *= 0.8f) {
    build_atlas(pixel_ratio, ui_scale, shrink);
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexWidth <= atlas_limit() && atlas.TexHeight <= atlas_limit()) break;
  }
  StartupStep upload("font atlas: upload the texture");
  render::imgui_renderer_upload_fonts(app.imgui_renderer);
}

static void build_atlas(float pixel_ratio, float ui_scale, float shrink) {
  const float raster = pixel_ratio * ui_scale * shrink;
  char step_name[64];
  std::snprintf(step_name, sizeof step_name, "font atlas at %gx (scale %g, pixel ratio %g)", raster, ui_scale,
                pixel_ratio);
  StartupStep step(step_name);
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Only the characters that can be shown are rasterised (a quarter of the font's): printable ASCII, the few
  // symbols the panels write, and whatever the trip data and the place names use (app.glyphs, filled as they load).
  if (app.glyph_ranges.empty()) {
    app.glyphs.AddRanges(kAsciiRange);
    app.glyphs.AddText(kPanelSymbols);
    app.glyphs.BuildRanges(&app.glyph_ranges);  // must outlive the atlas: kept in app
  }
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes stay in app.assets
  config.GlyphRanges = app.glyph_ranges.Data;
  // The atlas is rasterised at the exact device pixel size, so ImGui's default 3x horizontal oversampling (for
  // sub-pixel glyph placement) shows no difference here but triples the rasterising time at start (~110 ms of
  // the first frame under SwiftShader) and the atlas. Glyphs snap to whole pixels instead.
  config.OversampleH = 1;
  config.PixelSnapH = true;
  // Korean (the reader's language's subset) and the local names' Han, Cyrillic and Hangul (theirs) merged into each
  // face, when in use. The ranges must outlive Build().
  static ImVector<ImWchar> words_ranges, local_ranges;
  std::vector<std::uint8_t>* words_font = language_font(core::session_words(app.session).language);
  std::vector<std::uint8_t>* local_font =
      app.session.status.local_names_ready && !app.assets.font_local.empty() ? &app.assets.font_local : nullptr;
  words_ranges = glyph_ranges(false);
  local_ranges = glyph_ranges(true);
  if (words_ranges.Size <= 1) words_font = nullptr;
  if (local_ranges.Size <= 1) local_font = nullptr;
  ImFontConfig merge_words = config, merge_local = config;
  merge_words.MergeMode = merge_local.MergeMode = true;
  merge_words.GlyphRanges = words_ranges.Data;
  merge_local.GlyphRanges = local_ranges.Data;
  auto add = [&](std::vector<std::uint8_t>& ttf, float size_px) -> ImFont* {
    if (ttf.empty()) {  // the page reported the failed download; fall back to ImGui's built-in font
      ImFontConfig fallback;
      fallback.SizePixels = 13.0f * raster;
      return io.Fonts->AddFontDefault(&fallback);
    }
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(ttf.data(), static_cast<int>(ttf.size()), size_px * raster, &config);
    if (words_font)
      io.Fonts->AddFontFromMemoryTTF(words_font->data(), static_cast<int>(words_font->size()), size_px * raster,
                                     &merge_words);
    if (local_font)
      io.Fonts->AddFontFromMemoryTTF(local_font->data(), static_cast<int>(local_font->size()), size_px * raster,
                                     &merge_local);
    return font;
  };
  std::vector<std::uint8_t>& bold = app.assets.font_bold.empty() ? app.assets.font_regular : app.assets.font_bold;
  app.fonts.body = add(app.assets.font_regular, ui::kBodyFontPx);
  app.fonts.bold = add(bold, ui::kBodyFontPx);
  app.fonts.heading = add(bold, ui::kHeadingFontPx);
  // The labels' halo: a copy of the body font grown by the halo's width in atlas pixels (labels are drawn at
  // kLabelFontFactor of the body size, so an atlas pixel is kLabelFontFactor / pixel_ratio CSS px there).
  const float halo_atlas_px = render::kLabelHaloPx * pixel_ratio * shrink / render::kLabelFontFactor;
  io.Fonts->TexGlyphPadding = render::halo_padding(halo_atlas_px);
  app.fonts.label_halo = add(app.assets.font_regular, ui::kBodyFontPx);
  {
    StartupStep build("font atlas: rasterise the glyphs");
    io.Fonts->Build();
  }
  {
    StartupStep halo("font atlas: bake the label halo");
    render::bake_halo_font(io.Fonts, app.fonts.label_halo, halo_atlas_px);
  }
  io.FontGlobalScale = 1.0f / (pixel_ratio * shrink);
}

// Returns whether the canvas changed size or pixel ratio.
NOT_INLINED static bool update_viewport() {
  int w = 0, h = 0, pw = 0, ph = 0;
  SDL_GetWindowSize(app.window, &w, &h);
  SDL_GL_GetDrawableSize(app.window, &pw, &ph);
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
  if (app.map_loaded && limits.view_bounds.empty())
    limits.view_bounds = core::project_lonlat_box_inner(app.map.region.lon_min, app.map.region.lat_min,
                                                        app.map.region.lon_max, app.map.region.lat_max);
  if (camera.viewport.width != w || camera.viewport.height != h || camera.viewport.pixel_ratio != s.pixel_ratio) {
    camera.viewport = {double(w), double(h), double(s.pixel_ratio)};
    // Zooming out further than the whole region shows nothing new.
    limits.min_zoom = core::fit_bounds(kRegion, camera.viewport, {}, {-10, 10, {}, {}}).zoom - 0.5;
    limits.max_zoom = 7.0;
    limits.centre_bounds = kRegion;
    camera = core::clamp_camera(camera, limits);
  }
  return changed;
}

// Where the panels go for the canvas's size and the state (ui::compute_layout); the core hears whether the trips
// list is a sheet over the map (a phone), which decides what picking a trip does to it.
static void update_layout() {
  app.layout = ui::compute_layout(app.session.state, float(app.session.status.canvas_css_width),
                                  float(app.session.status.canvas_css_height), app.touch_seen, app.prefers_dark,
                                  app.requests.measured);
  app.session.status.list_covers_map = app.layout.narrow;
}

// --- input ----------------------------------------------------------------------------------------------------
// Whether a point (CSS px) is on a panel drawn in the last frame. A finger that lands on a panel scrolls or
// presses it and never pans the map: ImGui's own WantCaptureMouse still holds the previous touch's position then.
bool over_panel(const core::ScreenPoint& p) {
  for (const ImGuiWindow* w : GImGui->Windows)
    if (w->WasActive && !w->Hidden && !(w->Flags & ImGuiWindowFlags_NoInputs) &&
        w->OuterRectClipped.Contains(ImVec2(float(p.x), float(p.y))))
      return true;
  return false;
}

NOT_INLINED static void handle_pointer(const SDL_Event& e) {
  const ImGuiIO& io = ImGui::GetIO();
  core::AppState& st = app.session.state;
  Gestures& g = app.gestures;
  switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.button == SDL_BUTTON_LEFT && !io.WantCaptureMouse && e.button.which != SDL_TOUCH_MOUSEID) {
        g.dragging = true;
        g.last_x = e.button.x;
        g.last_y = e.button.y;
      }
      break;
    case SDL_MOUSEBUTTONUP:
      if (e.button.button == SDL_BUTTON_LEFT) g.dragging = false;
      break;
    case SDL_MOUSEMOTION:
      if (g.dragging) {
        st.camera = core::pan_by(st.camera, e.motion.x - g.last_x, e.motion.y - g.last_y, st.camera_limits);
        g.last_x = e.motion.x;
        g.last_y = e.motion.y;
      }
      break;
    case SDL_MOUSEWHEEL:
      if (!io.WantCaptureMouse) {
        // SDL reports a wheel notch (100 px of DOM deltaY) as 1.0; d3-zoom turns that into 0.2 of a zoom level.
        int mx = 0, my = 0;
        SDL_GetMouseState(&mx, &my);
        st.camera = core::zoom_about(st.camera, {double(mx), double(my)}, 0.2 * e.wheel.preciseY, st.camera_limits);
      }
      break;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
      // Fingers arrive normalised to the window; one finger pans, two pinch (zoom about their midpoint).
      const core::ScreenPoint p{e.tfinger.x * st.camera.viewport.width, e.tfinger.y * st.camera.viewport.height};
      int slot = -1;
      for (int i = 0; i < g.finger_count; ++i)
        if (g.fingers[i] == e.tfinger.fingerId) slot = i;
      if (e.type == SDL_FINGERDOWN && slot < 0 && g.finger_count < 2 && !io.WantCaptureMouse && !over_panel(p)) {
        slot = g.finger_count++;
        g.fingers[slot] = e.tfinger.fingerId;
        g.finger_start[slot] = g.finger_now[slot] = p;
        // Every change in the number of fingers restarts the gesture from the current view.
        for (int i = 0; i < g.finger_count; ++i) g.finger_start[i] = g.finger_now[i];
        g.pinch_start = st.camera;
      } else if (e.type == SDL_FINGERMOTION && slot >= 0) {
        g.finger_now[slot] = p;
        if (g.finger_count == 2)
          st.camera = core::pinch(g.pinch_start, g.finger_start[0], g.finger_start[1], g.finger_now[0], g.finger_now[1],
                                  st.camera_limits);
        else
          st.camera =
              core::pan_by(g.pinch_start, p.x - g.finger_start[0].x, p.y - g.finger_start[0].y, st.camera_limits);
      } else if (e.type == SDL_FINGERUP && slot >= 0) {
        g.fingers[slot] = g.fingers[g.finger_count - 1];
        g.finger_now[slot] = g.finger_now[g.finger_count - 1];
        --g.finger_count;
        for (int i = 0; i < g.finger_count; ++i) g.finger_start[i] = g.finger_now[i];
        g.pinch_start = st.camera;
      }
      break;
    }
    default: break;
  }
}

// --- graphics context -------------------------------------------------------------------------------------------
NOT_INLINED static void load_icons();

// Everything on the GPU, from the copies kept on the CPU: at start and after a lost context comes back.
NOT_INLINED static void create_gpu_resources() {
  StartupStep step("GPU: shaders, buffers and icons");
  load_icons();
  std::string error;
  if (!render::imgui_renderer_create(app.imgui_renderer, &error))
    report_to_page(2, "Could not draw the panels and labels: " + error);
  error.clear();
  app.map_renderer_ready = render::map_renderer_create(app.map_renderer, app.map_geometry, &error);
  if (!app.map_renderer_ready) report_to_page(2, "Could not draw the map: " + error);
  app.journey_layer.uploaded_trip.clear();
  if (app.map_renderer_ready && app.session.journey.trip)
    render::journey_layer_update(app.journey_layer, app.map_renderer, app.session.journey);
}

static EM_BOOL on_context_lost(int, const void*, void*) {
  app.context_lost = true;
  return EM_TRUE;
}
static EM_BOOL on_context_restored(int, const void*, void*) {
  app.context_restored = true;
  return EM_TRUE;
}

// After a restore every GL object is gone: rebuild ImGui's and ours from the copies kept on the CPU.
NOT_INLINED static void recover_context() {
  app.context_restored = false;
  app.context_lost = false;
  render::map_renderer_destroy(app.map_renderer, /*context_lost=*/true);
  render::journey_layer_destroy(app.journey_layer, /*context_lost=*/true);
  app.map_renderer_ready = false;
  release_offscreen(app.offscreen, /*context_lost=*/true);
  render::imgui_renderer_destroy(app.imgui_renderer, /*context_lost=*/true);
  app.font_pixel_ratio = 0.0f;  // re-upload the font atlas
  create_gpu_resources();
  request_redraw();
  report_to_page(0, "The graphics context is back; the map is drawn again.");
}

// --- keyboard ---------------------------------------------------------------------------------------------------
static std::optional<core::Command> command_for(const SDL_KeyboardEvent& k) {
  const SDL_Keycode key = k.keysym.sym;
  if (k.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) return std::nullopt;  // the browser's own shortcuts
  if (key == SDLK_SPACE) return core::command_for_key(core::Key::Space);
  if (key == SDLK_LEFT) return core::command_for_key(core::Key::Left);
  if (key == SDLK_RIGHT) return core::command_for_key(core::Key::Right);
  if (key == SDLK_HOME) return core::command_for_key(core::Key::Home);
  if (key == SDLK_END) return core::command_for_key(core::Key::End);
  if (key == SDLK_PAGEUP) return core::command_for_key(core::Key::PageUp);
  if (key == SDLK_PAGEDOWN) return core::command_for_key(core::Key::PageDown);
  if (key == SDLK_SLASH && (k.keysym.mod & KMOD_SHIFT)) return core::command_for_key(core::Key::Question);
  if (key == SDLK_QUESTION) return core::command_for_key(core::Key::Question);
  if (key >= SDLK_0 && key <= SDLK_9) return core::command_for_key(core::Key::Digit, static_cast<char>(key));
  if (key >= SDLK_a && key <= SDLK_z) return core::command_for_key(core::Key::Letter, static_cast<char>(key));
  return std::nullopt;
}

// Every reader action ends here, from a key, a panel or the page (journeys_command): the core decides, the
// platform carries out what it asks.
void run_command(const core::Command& c) {
  request_redraw();
  const core::Effects effects = core::apply_command(app.session, c);
  if (!effects.open_url.empty()) page_open_url(effects.open_url);
  if (effects.toggle_fullscreen) page_toggle_fullscreen();
  if (effects.copy_embed) page_copy_embed();
  // At the start of the next frame: the image takes over ImGui and the font atlas for a moment, which must not
  // happen in the middle of the reader's frame (a panel's click arrives there).
  if (effects.save_image) app.save_image_pending = true;
  if (effects.export_video && !app.video.active) page_open_video_dialog();
}

// Our keys win, except while the reader is moving through the panels with the keyboard (ImGui's focus ring is
// showing), where Space and the arrows press and move between controls.
static bool handle_key(const SDL_Event& e) {
  if (e.type != SDL_KEYDOWN) return false;
  const ImGuiIO& io = ImGui::GetIO();
  const SDL_Keycode key = e.key.keysym.sym;
  const bool nav_key =
      key == SDLK_SPACE || key == SDLK_LEFT || key == SDLK_RIGHT || key == SDLK_HOME || key == SDLK_END;
  if (io.WantTextInput || (nav_key && io.NavVisible)) return false;
  const std::optional<core::Command> c = command_for(e.key);
  if (!c) return false;
  run_command(*c);
  return true;
}

// --- Save image -------------------------------------------------------------------------------------------------
// The newsroom frame of this moment at 1920 × 1080, drawn off-screen by the code that draws Export video's frames
// (composition.cpp), so a video's first frame is this image of its first moment.
static void save_image() {
  const Composition frame(1920, 1080);
  const std::vector<std::uint8_t> png = render::png_from_rgba(frame.pixels(), frame.width(), frame.height());
  if (png.empty()) {
    report_to_page(1, "The image could not be made (the map cannot be drawn off-screen here).");
    return;
  }
  page_download_png(png, app.session.state.trip_id);  // while the frame's camera is in place (the tests ask it)
}

// --- start, one step per frame -----------------------------------------------------------------------------------
// Each step is its own short task between two animation frames, so the page (and the article around an embed)
// answers clicks, keys and scrolling while the explainer starts, and the reader sees the map before the panels.
// A step waits (a frame at a time) for the downloads it needs; the page hands each over as it arrives.
NOT_INLINED static void load_map();
NOT_INLINED static void load_trip_data();
NOT_INLINED static void load_places();
NOT_INLINED static void take_language_assets();

static bool assets_settled(unsigned kinds) { return (app.assets.settled & kinds) == kinds; }

NOT_INLINED static void start_step() {
  switch (app.start_stage) {
    case StartStage::Map:
      if (!assets_settled(kAssetMap)) return;
      load_map();
      app.start_stage = StartStage::MapGpu;
      return;
    case StartStage::MapGpu: {  // a frame of its own: the parse and the upload are each a task the page can breathe
                                // between
      StartupStep step("GPU: map shaders and buffers");
      std::string error;
      app.map_renderer_ready = render::map_renderer_create(app.map_renderer, app.map_geometry, &error);
      if (!app.map_renderer_ready && app.map_loaded) report_to_page(2, "Could not draw the map: " + error);
      app.start_stage = StartStage::Trips;
      return;
    }
    case StartStage::Trips:  // before the fonts: a link's switches (classroom) decide the type size
      if (!assets_settled(kAssetTrips | kAssetPlaces)) return;
      load_trip_data();
      load_places();
      apply_pending_hash();
      app.start_stage = StartStage::Fonts;
      return;
    case StartStage::Fonts: {
      if (!assets_settled(kAssetFontRegular | kAssetFontBold)) return;
      {
        StartupStep step("GPU: panel shaders");
        std::string error;
        if (!render::imgui_renderer_create(app.imgui_renderer, &error))
          report_to_page(2, "Could not draw the panels and labels: " + error);
      }
      update_viewport();
      update_layout();
      rebuild_fonts_if_needed(app.session.status.pixel_ratio, app.layout.scale);
      app.start_stage = StartStage::Done;
      request_redraw();
      return;
    }
    case StartStage::Done: return;
  }
}

// Until the panels can be drawn: the map alone (or the sea while it loads), under the page's loading message.
// Drawn again only when that picture changes: every drawn frame costs the GPU (and, with software compositing,
// the page's main thread, which copies the canvas back) while the start-up steps need the time.
NOT_INLINED static void draw_map_only() {
  update_viewport();
  const int w = app.session.status.canvas_pixel_width, h = app.session.status.canvas_pixel_height;
  const bool dark = app.layout.dark;
  const MapOnlyPicture picture{w, h, dark, app.session.state.presentation.transparent, app.map_renderer_ready};
  if (app.map_only_drawn && picture == app.map_only_picture) return;
  app.map_only_drawn = true;
  app.map_only_picture = picture;
  glViewport(0, 0, w, h);
  const float* sea = dark ? render::kDarkSeaColour : render::kSeaColour;
  if (app.session.state.presentation.transparent)
    glClearColor(0, 0, 0, 0);
  else
    glClearColor(sea[0], sea[1], sea[2], 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (!app.map_renderer_ready) return;
  const std::array<float, 9> view = core::view_matrix(app.session.state.camera);
  render::map_renderer_draw(app.map_renderer, view.data(), w, h, app.session.status.pixel_ratio,
                            static_cast<float>(app.session.state.camera.zoom), dark);
  if (!app.map_shown) {
    app.map_shown = true;
    notify_map_shown();
  }
}

// --- frame ------------------------------------------------------------------------------------------------------
NOT_INLINED static void draw_frame(double frame_start_ms);

static void frame() {
  if (app.start_stage != StartStage::Done) {
    start_step();
    draw_map_only();
    return;
  }
  // Export video drives the session, ImGui and the fonts from the page (journeys_video_frame) until it ends; the
  // reader's clock does not move meanwhile and their input waits in SDL's queue.
  if (app.video.active) {
    app.last_frame_ms = 0.0;
    return;
  }
  // The vehicle icons need not hold up the rest: they come in whenever their downloads settle (an arrow stands in).
  if (!app.icons_loaded && assets_settled(kAssetIcons)) {
    StartupStep step("GPU: icons");
    load_icons();
    app.icons_loaded = true;
    request_redraw();
  }
  const double frame_start_ms = emscripten_get_now();
  std::optional<StartupStep> first_frame;
  if (app.session.status.frames_drawn == 0) first_frame.emplace("first full frame (layout, font atlas, panels, draw)");
  // Real time since the last frame, capped: after a hidden tab (no frames) the clock resumes where it stopped.
  const double dt = app.last_frame_ms > 0 ? std::min(0.1, (frame_start_ms - app.last_frame_ms) / 1000.0) : 0.0;
  app.last_frame_ms = frame_start_ms;

  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    request_redraw();  // a pointer over a panel highlights it, a key may change anything
    if (event.type == SDL_FINGERDOWN) app.touch_seen = true;
    if (handle_key(event)) continue;
    ImGui_ImplSDL2_ProcessEvent(&event);
    const core::Camera before = app.session.state.camera;
    handle_pointer(event);
    if (!core::same_view(before, app.session.state.camera)) core::session_camera_moved(app.session);
  }
  if (app.context_restored) recover_context();
  if (app.context_lost) return;  // nothing can be drawn until the browser gives the context back
  if (app.save_image_pending) {
    app.save_image_pending = false;
    save_image();
    request_redraw();  // the image's frame used ImGui and the camera: the reader's is drawn again
  }

  take_language_assets();
  if (update_viewport()) request_redraw();
  update_layout();
  rebuild_fonts_if_needed(app.session.status.pixel_ratio, app.layout.scale);
  if (app.style_touch != app.touch_seen || app.style_scale != app.layout.scale || app.style_dark != app.layout.dark) {
    app.style_touch = app.touch_seen;
    app.style_scale = app.layout.scale;
    app.style_dark = app.layout.dark;
    ui::apply_style(app.layout);
  }

  // A trip is framed in the map area the panels leave free: the layout's, and those the last frame drew.
  {
    app.session.fit_panels.assign(app.layout.obstacles.begin(), app.layout.obstacles.end());
    app.session.fit_panels.insert(app.session.fit_panels.end(), app.journey_layer.lasting_panels.begin(),
                                  app.journey_layer.lasting_panels.end());
    const double m = app.layout.scale;  // room for the labels at the route's ends, inside that area
    app.session.fit_margin =
        app.layout.narrow ? core::Padding{24, 24, 16, 24} : core::Padding{40 * m, 40 * m, 24 * m, 40 * m};
  }
  if (core::session_sync_journey(app.session, app.layout.map_padding) && app.map_renderer_ready)
    render::journey_layer_update(app.journey_layer, app.map_renderer, app.session.journey);
  core::session_step(app.session, dt);

  // Draw only what may have changed (see App::redraw_until_ms): the clock running, the camera flying, a panel
  // moving by itself, or a change in the last moments. Otherwise the picture is current.
  ++app.session.status.frames_run;
  if (app.session.state.playback.playing || app.session.flying || app.requests.animating) request_redraw();
  if (frame_start_ms >= app.redraw_until_ms && app.redraw_frames <= 0) return;
  if (app.redraw_frames > 0) --app.redraw_frames;
  draw_frame(frame_start_ms);
}

// The panels, the labels and the map, drawn.
NOT_INLINED static void draw_frame(double frame_start_ms) {
  ImGui_ImplSDL2_NewFrame();
  if (ImGui::GetIO().DeltaTime <= 0.0f) ImGui::GetIO().DeltaTime = 1.0f / 60.0f;  // two frames, one timestamp
  ImGui::NewFrame();
  const bool have_journey = app.session.journey.trip != nullptr;
  const core::Words& words = core::session_words(app.session);
  render::journey_layer_draw_overlay(
      app.journey_layer, ImGui::GetBackgroundDrawList(), app.fonts.body, app.fonts.label_halo,
      ui::kBodyFontPx * app.layout.scale * render::kLabelFontFactor, have_journey ? &app.session.journey : nullptr,
      app.places, app.session.state, words, app.layout.obstacles, app.layout.dark, &app.session.status);
  ui::UiInput input{app.session.trips.trips.empty() ? nullptr : &app.session.trips,
                    have_journey ? &app.session.journey : nullptr, &app.session.status, app.session.trips_error,
                    &words};
  app.requests.clear();
  ui::draw(app.session.state, input, app.layout, app.fonts, app.requests);
  ImGui::Render();
  for (const core::Command& c : app.requests.commands) run_command(c);

  const int w = app.session.status.canvas_pixel_width, h = app.session.status.canvas_pixel_height;
  glViewport(0, 0, w, h);
  const float* sea = app.layout.dark ? render::kDarkSeaColour : render::kSeaColour;
  if (app.session.state.presentation.transparent)
    glClearColor(0, 0, 0, 0);  // the host page shows through the sea
  else
    glClearColor(sea[0], sea[1], sea[2], 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  if (app.map_renderer_ready) {
    const std::array<float, 9> view = core::view_matrix(app.session.state.camera);
    const float zoom = static_cast<float>(app.session.state.camera.zoom);
    render::map_renderer_draw(app.map_renderer, view.data(), w, h, app.session.status.pixel_ratio, zoom,
                              app.layout.dark);
    if (have_journey)
      render::journey_layer_draw_routes(app.journey_layer, app.map_renderer, app.session.journey, app.session.state,
                                        view.data(), w, h, app.session.status.pixel_ratio,
                                        std::max(1.0f, app.layout.scale * 0.75f), app.layout.dark);
  }
  render::imgui_renderer_draw(app.imgui_renderer, ImGui::GetDrawData());

  if (app.frame_cpu_ms.size() < 100000)
    app.frame_cpu_ms.push_back(static_cast<float>(emscripten_get_now() - frame_start_ms));
  if (++app.session.status.frames_drawn == 1) notify_first_frame();
  // Off-screen from the start: drawn on a timer (journeys_set_visible) until the picture is whole, then paused.
  if (app.main_loop_paused && app.session.status.frames_drawn == App::kFramesBeforeOffScreenPause) {
    emscripten_pause_main_loop();
    emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
  }
}

// --- start ------------------------------------------------------------------------------------------------------
NOT_INLINED static void load_map() {
  if (app.assets.map_bin.empty()) return;  // the page has already said the download failed
  StartupStep step("parse the base map");
  std::string error;
  if (!core::parse_map_asset(app.assets.map_bin.data(), app.assets.map_bin.size(), app.map, error)) {
    report_to_page(2, "The base map could not be read (" + error + "); routes are drawn without it.");
    return;
  }
  app.map_loaded = true;
  app.map_geometry = render::build_map_geometry(app.map);
  app.assets.map_bin = {};  // parsed: the bytes are not needed again
}

// Keeps every trip the validator found nothing wrong with, and says on the page what is wrong with the rest.
NOT_INLINED static void load_trip_data() {
  StartupStep step("parse and validate the trips");
  const std::string_view text(reinterpret_cast<const char*>(app.assets.trips_json.data()),
                              app.assets.trips_json.size());
  for (const core::Notice& n : core::session_load_trips(app.session, text)) report_to_page(n.level, n.text);
  app.glyphs.AddText(text.data(), text.data() + text.size());  // every character the trips may show
  app.assets.trips_json = {};
}

NOT_INLINED static void load_places() {
  if (app.assets.places_json.empty()) return;
  StartupStep step("parse the places");
  const std::string_view text(reinterpret_cast<const char*>(app.assets.places_json.data()),
                              app.assets.places_json.size());
  core::PlacesResult result = core::load_places(text, "assets/places.json");
  app.glyphs.AddText(text.data(), text.data() + text.size());
  for (const std::string& e : result.errors) report_to_page(1, "Place list: " + e);
  app.places_source = std::move(result.places);
  app.places = app.places_source;
  app.assets.places_json = {};
}

// A language's words and the local names are taken once the CJK font is in (never text without its glyphs); the
// map's places follow the language and the local names.
NOT_INLINED static void take_language_assets() {
  auto& pending = app.assets.pending_words;
  for (std::size_t i = 0; i < pending.size();) {
    if (!language_font(pending[i].first)) {
      ++i;
      continue;
    }
    const std::string error = core::session_add_words(app.session, pending[i].first, pending[i].second);
    if (!error.empty()) report_to_page(2, error);
    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
  }
  if (!app.assets.font_local.empty() && !app.assets.pending_local_names.empty()) {
    const std::string error = core::session_add_local_names(app.session, app.assets.pending_local_names);
    if (!error.empty()) report_to_page(1, error);
    app.assets.pending_local_names.clear();
  }
  core::session_localize(app.session);
  const core::Words& w = core::session_words(app.session);
  const bool local = app.session.status.local_names_ready;
  const std::string key = std::string(core::language_code(w.language)) + (local ? "/local" : "");
  if (key == app.places_key) return;
  app.places_key = key;
  app.places = core::localize_places(app.places_source, w, local ? app.session.local_names : core::LocalNames{});
}

static void load_icon(render::Icon& icon, const std::vector<std::uint8_t>& png, const char* what) {
  std::string error;
  icon = render::load_icon(png, &error);
  if (!icon.texture && !png.empty())
    report_to_page(1,
                   std::string("The ") + what + " icon could not be read (" + error + "); an arrow stands in for it.");
}

NOT_INLINED static void load_icons() {
  load_icon(app.journey_layer.train_icon, app.assets.icon_train, "train");
  load_icon(app.journey_layer.plane_icon, app.assets.icon_plane, "plane");
  load_icon(app.journey_layer.car_icon, app.assets.icon_car, "car");
}

void start_app() {
  if (app.started) return;
  app.started = true;
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
  // The canvas is sized by the page's CSS (it fills its container); SDL follows it and the pixel ratio.
  app.window = SDL_CreateWindow("Kim Jong-un's journeys abroad", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED, 800,
                                600, SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (app.window) app.gl = SDL_GL_CreateContext(app.window);
  if (!app.window || !app.gl) {
    report_to_page(2, std::string("Could not create a WebGL2 context: ") + SDL_GetError());
    return;
  }
  SDL_GL_SetSwapInterval(1);
  // The driver compiles our shaders while the map and the fonts are read (their results are read frames later).
  render::map_renderer_begin(app.map_renderer);
  render::imgui_renderer_begin(app.imgui_renderer);
  emscripten_set_webglcontextlost_callback("#canvas", nullptr, false, on_context_lost);
  emscripten_set_webglcontextrestored_callback("#canvas", nullptr, false, on_context_restored);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no file system in the page: nothing to save
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);

  update_viewport();
  update_layout();
  // A phone opens on the map, with the trips folded into a sheet under it.
  if (app.layout.narrow) {
    app.session.state.sidebar_open = false;
    update_layout();
  }
  app.session.state.camera = core::fit_bounds(kRegion, app.session.state.camera.viewport, app.layout.map_padding,
                                              app.session.state.camera_limits);

  // The rest of the start (map, fonts, trips) runs one step per animation frame: see start_step().
  emscripten_set_main_loop(frame, 0, false);
}
