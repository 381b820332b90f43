// The running app as one struct you can see whole (App, below: nested by concern): platform handles, the start-up's
// progress, the assets the page handed over, the map, the reader's session, the fonts and style, the frame loop and
// the exports. Owned by main.cpp; the page bridge reads and writes it.
#pragma once
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten/emscripten.h>
#include <imgui.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/app_state.hpp"
#include "core/camera.hpp"
#include "core/map_asset.hpp"
#include "core/places.hpp"
#include "core/journey.hpp"
#include "core/session.hpp"
#include "core/trips.hpp"
#include "core/video_export.hpp"
#include "render/imgui_renderer.hpp"
#include "render/journey_layer.hpp"
#include "render/map_renderer.hpp"
#include "render/snapshot.hpp"
#include "ui/ui.hpp"

// Which downloads have settled (arrived, or failed and been reported): bits of Assets::settled.
enum AssetKind : unsigned {
  kAssetFontRegular = 1u << 0,
  kAssetFontBold = 1u << 1,
  kAssetTrips = 1u << 2,
  kAssetMap = 1u << 3,
  kAssetPlaces = 1u << 4,
  kAssetIconTrain = 1u << 5,
  kAssetIconPlane = 1u << 6,
  kAssetIconCar = 1u << 7,
  kAssetIcons = kAssetIconTrain | kAssetIconPlane | kAssetIconCar,
};

struct IconImage {  // a vehicle icon the page has decoded and holds (page_upload_icon puts it in a texture)
  int width = 0, height = 0;
};
struct Assets {  // raw bytes as fetched by the page, handed over as each arrives; parsed once at start
  std::vector<std::uint8_t> font_regular, font_bold, trips_bin, map_bin, places_json;
  IconImage icon_train, icon_plane, icon_car;
  unsigned settled = 0;  // AssetKind bits
  // Fetched only when a language or the local names need them (web/page.js): each language's font subset and
  // catalogue (held until its font is in, so no text is ever shown without its glyphs), the local names and theirs.
  std::vector<std::pair<core::Language, std::vector<std::uint8_t>>> language_fonts;
  std::vector<std::pair<core::Language, std::vector<std::uint8_t>>> language_bold_fonts;  // for bold and headings
  std::vector<std::uint8_t> font_local;
  std::vector<std::pair<core::Language, std::string>> pending_words;
  std::string pending_local_names;
  std::vector<std::uint8_t> map_far_bin;  // the base map's far part, once a view has needed it (take_far_map)
};

// The start, one step per animation frame (main.cpp start_step): the map first, then the trips (and the link's
// state, which needs them), then the fonts at the size the link's switches ask for; then every frame is full.
enum class StartStage { ShowCanvas, MapPrograms, Map, MapGpu, PanelProgram, Trips, Fonts, Compose, Done };

// The off-screen framebuffer that Save image and Export video draw into (composition.cpp).
struct Offscreen {
  GLuint fbo = 0, colour = 0;
  int width = 0, height = 0;
};
void release_offscreen(Offscreen& o, bool context_lost);

// One newsroom frame of the session as it is now (trip, mode, clock), drawn off-screen at w × h device pixels by
// the code Save image and Export video share, and read back. While it lives the camera is the frame's (so
// explainer.project answers in the frame's pixels); the reader's view comes back when it goes.
class Composition {
 public:
  // read_later: the pixels are not waited for; take_read() hands over the GPU's read to finish in a later frame.
  Composition(int w, int h, bool read_later = false);
  ~Composition();
  Composition(const Composition&) = delete;
  Composition& operator=(const Composition&) = delete;
  const std::vector<std::uint8_t>& pixels() const { return pixels_; }     // RGBA, top row first; empty on failure
  std::vector<std::uint8_t> take_pixels() { return std::move(pixels_); }  // without a copy of 8 MB at 1080p
  int width() const { return width_; }
  int height() const { return height_; }
  render::PendingRead take_read() { return std::exchange(read_, {}); }
  const core::Camera& frame_camera() const { return frame_camera_; }

 private:
  std::vector<std::uint8_t> pixels_;
  render::PendingRead read_;
  core::Camera frame_camera_;  // the image's camera, as it was framed
  int width_ = 0, height_ = 0;
  core::Camera camera_;
  bool flying_ = false, view_moved_ = false;
};

// Export video, while the page encodes it (journeys_video_*): the reader's session is put aside, and no frame of
// the reader's is drawn until it is back.
struct VideoExport {
  bool active = false;
  core::VideoOptions options;
  core::SessionSnapshot before;
  std::vector<std::uint8_t> frame;  // the last frame handed to the page (RGBA, top row first)
};

// Pointer gestures on the map (ImGui gets the pointer first when it is over a panel).
struct Gestures {
  bool dragging = false;
  double last_x = 0, last_y = 0;
  SDL_FingerID fingers[2] = {};
  int finger_count = 0;
  core::ScreenPoint finger_start[2], finger_now[2];
  core::Camera pinch_start;
};

// What the map-only frames of the start-up show (draw_map_only): redrawn when it changes.
struct MapOnlyPicture {
  int width = 0, height = 0;
  bool dark = false, transparent = false, map_ready = false;
  bool operator==(const MapOnlyPicture& o) const {
    return width == o.width && height == o.height && dark == o.dark && transparent == o.transparent &&
           map_ready == o.map_ready;
  }
};

// The app's state, nested by concern so it reads whole at a glance (as sokol's pacman.c nests its `state`).
struct App {
  // The browser's side: SDL's window and WebGL context on the canvas, and the main loop's pause off-screen.
  struct Platform {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    bool canvas_alpha = false;  // the canvas has an alpha channel (the warm-ups draw in its format)
    int pointer_shape = -2;     // the ImGuiMouseCursor last set on the canvas (-2: none yet)
    // SDL's cursor for each ImGuiMouseCursor shape, made on first use.
    SDL_Cursor* pointer_cursors[ImGuiMouseCursor_COUNT] = {};
    bool context_lost = false, context_restored = false;  // set by the page's webglcontext* events
    bool main_loop_paused = false;                        // off-screen
    // Frames drawn off-screen before pausing: ImGui measures a self-sizing panel (the title block) in its first
    // frame and shows it from the second, so the paused picture is the whole one.
    static constexpr int kFramesBeforeOffScreenPause = 3;
  } platform;

  // The start-up's progress (main.cpp start_step), one step per animation frame until the first full frame.
  struct Start {
    bool started = false;  // start_app has run
    StartStage stage = StartStage::ShowCanvas;
    int pace = EM_TIMING_RAF;         // the main loop's timing while starting (main.cpp's pace_next_step)
    bool map_upload_checked = false;  // WebGL's answer to the map's upload, read once its frame is drawn
    bool map_shown = false;           // the first frame with the map in it has been drawn
    bool map_only_drawn = false;      // a map-only frame of the start-up was drawn, showing map_only_picture
    MapOnlyPicture map_only_picture;
    bool icons_loaded = false;  // the vehicle icons are on the GPU (they may arrive after the first full frame)
    std::string pending_hash;   // a link's hash that arrived before the trips it names
  } start;

  Assets assets;  // the page's downloads, as they arrive

  // The base map: the parsed asset, its geometry (kept on the CPU) and the renderer that draws it.
  struct Map {
    core::MapAsset asset;
    std::unique_ptr<core::MapParser> parser;      // while the map is parsed, a part per task (load_map_part)
    std::unique_ptr<core::MapParser> far_parser;  // while its far part is parsed, a part per frame (take_far_map)
    bool loaded = false;           // parsed (false: it failed, and the routes are drawn on the sea alone)
    render::MapGeometry geometry;  // kept to rebuild the GPU buffers after a lost context
    render::MapRenderer renderer;
    bool renderer_ready = false;
  } map;

  core::Session session;  // the trips, the journey on screen, the state and the camera's flight
  ui::Layout layout;
  ui::UiRequests requests;  // what the panels asked of the platform, and where they drew their controls
  render::JourneyLayer journey_layer;
  render::ImGuiRenderer imgui_renderer;  // the panels, labels and icons (ImGui's draw lists)
  Gestures gestures;

  // The words on screen: the font atlas and what it was built for, and the map's place names in the reader's words.
  struct Text {
    ui::Fonts fonts;
    float font_pixel_ratio = 0.0f;              // the pixel ratio the font atlas was rasterised for
    float ui_scale = 0.0f;                      // the scale the fonts were built for
    ImFontGlyphRangesBuilder glyphs;            // the characters the texts use (the atlas holds only these)
    ImVector<ImWchar> glyph_ranges;             // built from `glyphs` once, before the first atlas
    std::vector<core::MapPlace> places_source;  // assets/places.json, in English
    std::vector<core::MapPlace> places;         // ... in the reader's language (and with local names)
    std::string places_key, fonts_key;          // the language and local names they and the font atlas are made for
  } text;

  // ImGui's style: what the reader's system and device ask for, and what it was last applied for.
  struct Style {
    bool prefers_dark = false;  // the reader's system setting, from the page (reduced motion: in session)
    bool touch_seen = false;    // a finger on the canvas, or a coarse pointer: touch-sized controls
    float scale = 0.0f;         // the scale, theme and touch the style was applied for (apply_style_if_changed)
    bool dark = false, touch = false;
  } style;

  // The frame loop: the clock, drawing on demand, the picture on the canvas, and each frame's cost.
  struct Frames {
    double last_frame_ms = 0.0;  // when the last frame began, for the clock's step (0: the next step is 0)
    // Drawing on demand: after each change (request_redraw) frames are drawn for kSettleMs and at least
    // kSettleFrames frames, and while anything moves by itself: long enough for ImGui to size a new window (two
    // frames) and settle its highlights, on a slow machine too. An idle explainer then costs its page nothing: no
    // GPU work, and no canvas handed to the compositor (with software compositing, a read-back of the whole canvas
    // on the page's main thread).
    double redraw_until_ms = 0.0;  // emscripten_get_now() ms
    int redraw_frames = 0;
    // The picture on the canvas (core/picture_key.hpp; 0: not known, the next frame is drawn): a frame that would
    // draw the same is skipped. Anything drawn on the canvas other than by draw_frame sets it to 0.
    std::uint64_t drawn_picture = 0;
    int textures_uploaded = 0;  // counts uploads of the font atlas and icons: the same vertices, other pixels
    static constexpr double kSettleMs = 500.0;
    static constexpr int kSettleFrames = 4;
    std::vector<float> cpu_ms;  // per frame, until the page takes them (capacity kept; capped)
  } frames;

  // Save image and Export video: the framebuffer they draw into, and their progress.
  struct Exports {
    Offscreen offscreen;              // Save image and Export video draw here
    bool save_image_pending = false;  // asked for: made at the start of the next frame
    // Drawn, its pixels on their way back from the GPU (render::PendingRead): handed to the page once there, with the
    // image's camera put back for that moment (explainer.project answers in the image's pixels, as before).
    struct ImageRead {
      render::PendingRead read;
      core::Camera camera;
      std::string trip_id;
    } image_read;
    VideoExport video;  // Export video, while it runs
  } exports;
};

App& the_app();

// The browser compiles each wasm function when it is first called, on the main thread. Link-time optimisation
// would inline every step of the start and of the frame into frame() (106 KB, the first frame's compile alone
// took 100 ms): kept apart, each step is compiled in the frame that first needs it.
#define NOT_INLINED [[gnu::noinline]]

// --- input.cpp: the reader's pointer and keys
// Moves the camera for a drag, the wheel, a finger or two on the map (not over a panel).
void handle_pointer(const SDL_Event& e);
// Runs the command of a key meant for the map; false when the key is not ours (the panels' keyboard navigation, a
// browser shortcut, a key with no command).
bool handle_key(const SDL_Event& e);

// --- fonts.cpp: the font atlas
// The font atlas for a pixel ratio and UI scale (rebuilt only when either changed).
void rebuild_fonts_if_needed(float pixel_ratio, float ui_scale);
// The font of a language's subset (scripts/make_cjk_fonts.py), regular or bold, or null when it has not arrived.
std::vector<std::uint8_t>* language_font(core::Language l, bool bold = false);

// --- assets.cpp: the page's downloads, taken in once each
bool assets_settled(unsigned kinds);  // every AssetKind bit in `kinds` has arrived or failed
bool load_map_part();  // parse a part of the base map; true once done (its geometry made, the bytes let go)
void take_far_map();   // every frame: ask for the map's far part when a view first needs it, then take it in
void far_map_failed(const std::string& why);  // the far part cannot be loaded: said on the page, the near stays
void load_trip_data();                        // the trips unpacked (errors to the page)
void load_places();
void take_language_assets();  // a language's words and the local names, once their font is in; places follow
void load_icons();

// Shown to the reader on the page (and kept in status.messages for getState): bad data, missing assets,
// a lost graphics context. level: 0 info, 1 warning, 2 error.
void report_to_page(int level, const std::string& message);
// Whether a point of the canvas (CSS px) is on one of the panels drawn in the last frame, not on the map.
bool over_panel(const core::ScreenPoint& p);
// Something on screen may have changed (an input, a call from the page, an asset): draw the next frames.
void request_redraw();
// Applies a reader action however it came (key, panel, the page's explainer.command) and carries out its effects.
void run_command(const core::Command& command);
// What the app asks of the page: all JavaScript lives in page_bridge.cpp (EM_JS there, exported functions below).
void page_toggle_fullscreen();  // within the transient activation of the key or click that asked for it
// Save image: the frame's RGBA pixels (top row first), which the page encodes as a PNG and offers as a download.
void page_download_image(const std::vector<std::uint8_t>& rgba, int width, int height, const std::string& trip_id);
void page_open_video_dialog();            // Export video: the page's dialog (size, length), then explainer.exportVideo
void page_copy_embed();                   // the iframe snippet for what is on screen, to the clipboard
bool page_upload_icon(const char* name);  // into the bound texture; false when the page has no such image
void page_open_url(const std::string& url);  // in a new tab
// The explainer starts (the page calls journeys_start once the wasm is instantiated): SDL, WebGL, ImGui.
void start_app();
void notify_first_frame();  // the first full frame: the explainer is ready
void notify_map_shown();
void ask_page_for_asset(const char* name);  // an on-demand download (web/page.js journeysPage.wantAsset)
// The app has stopped for good: the page says why and shows its HTML table of the trips instead.
void page_cannot_run(
    const std::string& reason);  // the first frame with the map: the page can take its loading message away
// Applies a link's hash held back until the trips were loaded; its notices go to the page.
void apply_pending_hash();
// Marks one step of the start-up (or of Save image) for the browser's performance panel (performance.measure
// "journeys: <name>"), from its construction to the end of its scope.
class StartupStep {
 public:
  explicit StartupStep(const char* name);
  ~StartupStep();
  StartupStep(const StartupStep&) = delete;
  StartupStep& operator=(const StartupStep&) = delete;

 private:
  const char* name_;
};
