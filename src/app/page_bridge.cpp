// The bridge to the page (web/page.js): the functions it calls to hand over assets, start the app and read or
// change the state (window.explainer), and the calls back into it for messages and readiness.
#include <emscripten.h>
#include <emscripten/emmalloc.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "app/app.hpp"
#include "core/decimal.hpp"
#include "core/describe.hpp"
#include "core/url_state.hpp"
#include "core/video_export.hpp"

// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_page_message, (int level, const char* text), {
  if (Module.journeysPage) Module.journeysPage.message(level, UTF8ToString(text));
});
// clang-format on
// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_first_frame, (), {
  if (Module.journeysPage) Module.journeysPage.firstFrame();
});
// clang-format on

// The start-up steps as User Timing entries ("journeys: parse trips" …), so anyone can read where the first frame's
// time goes in the browser's performance panel, and the benchmark can add them up. Cost: two marks a step.
// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_startup_step, (const char* name, int end), {
  const n = 'journeys: ' + UTF8ToString(name);
  if (!end) { performance.mark(n + ' start'); return; }
  performance.mark(n + ' end');
  performance.measure(n, n + ' start', n + ' end');
});
// clang-format on
StartupStep::StartupStep(const char* name) : name_(name) { js_startup_step(name_, 0); }
StartupStep::~StartupStep() { js_startup_step(name_, 1); }

void report_to_page(int level, const std::string& message) {
  the_app().session.status.messages.push_back(message);
  js_page_message(level, message.c_str());
}

// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_map_shown, (), {
  if (Module.journeysPage) Module.journeysPage.mapShown();
});
// clang-format on

// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_cannot_run, (const char* reason), {
  if (Module.journeysPage) Module.journeysPage.cannotRun(UTF8ToString(reason));
});
// clang-format on

void page_cannot_run(const std::string& reason) {
  the_app().session.status.messages.push_back(reason);
  js_cannot_run(reason.c_str());
}
void notify_first_frame() { js_first_frame(); }
void notify_map_shown() { js_map_shown(); }

// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_want_asset, (const char* name), {
  if (Module.journeysPage) Module.journeysPage.wantAsset(UTF8ToString(name));
});
// clang-format on
void ask_page_for_asset(const char* name) { js_want_asset(name); }

// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_toggle_fullscreen, (), {
  // Runs within the browser's transient activation of the key or click that asked for it.
  const stage = document.getElementById('stage');
  if (document.fullscreenElement) document.exitFullscreen();
  else if (stage.requestFullscreen) stage.requestFullscreen().catch(() => {});
});
// clang-format on
// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_open_video_dialog, (), {
  if (Module.journeysPage) Module.journeysPage.openVideoDialog();
});
// clang-format on
// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_download_image, (const unsigned char* rgba, int width, int height, const char* trip), {
  if (Module.journeysPage)
    Module.journeysPage.downloadImage(HEAPU8.slice(rgba, rgba + width * height * 4), width, height, UTF8ToString(trip));
});
// clang-format on
// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_copy_embed, (), {
  if (Module.journeysPage) Module.journeysPage.copyEmbed();
});
// clang-format on
// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(void, js_open_url, (const char* url), {
  window.open(UTF8ToString(url), '_blank', 'noopener');
});
// clang-format on

// A vehicle icon the page decoded (web/page.js: createImageBitmap with no premultiplied alpha and no colour
// conversion, so the texture holds the PNG's own pixels) into the bound texture; WebGL reads an ImageBitmap as it
// was made and ignores the unpack flags.
// JavaScript inside: kept out of the C++ formatter.
// clang-format off
EM_JS(int, js_upload_icon, (const char* name), {
  const image = Module.journeysPage && Module.journeysPage.icon(UTF8ToString(name));
  if (!image) return 0;
  GLctx.texImage2D(GLctx.TEXTURE_2D, 0, GLctx.RGBA, GLctx.RGBA, GLctx.UNSIGNED_BYTE, image);
  return GLctx.getError() === 0 ? 1 : 0;
});
// clang-format on

void page_toggle_fullscreen() { js_toggle_fullscreen(); }
bool page_upload_icon(const char* name) { return js_upload_icon(name) != 0; }
void page_open_video_dialog() { js_open_video_dialog(); }
void page_download_image(const std::vector<std::uint8_t>& rgba, int width, int height, const std::string& trip_id) {
  js_download_image(rgba.data(), width, height, trip_id.c_str());
}
void page_copy_embed() { js_copy_embed(); }
void page_open_url(const std::string& url) { js_open_url(url.c_str()); }

struct AssetName {
  const char* name;
  std::vector<std::uint8_t> Assets::*bytes;
  AssetKind kind;
};
static const AssetName kAssetNames[] = {
    {"font-regular", &Assets::font_regular, kAssetFontRegular},
    {"font-bold", &Assets::font_bold, kAssetFontBold},
    {"trips", &Assets::trips_bin, kAssetTrips},
    {"map", &Assets::map_bin, kAssetMap},
    {"places", &Assets::places_json, kAssetPlaces},
};
static std::vector<std::uint8_t>* asset_slot(Assets& a, const char* name) {
  for (const AssetName& n : kAssetNames)
    if (!std::strcmp(name, n.name)) return &(a.*n.bytes);
  return nullptr;
}
// The vehicle icons come decoded: the page holds each image, the app its size (journeys_add_icon).
struct IconName {
  const char* name;
  IconImage Assets::*image;
  AssetKind kind;
};
static const IconName kIconNames[] = {
    {"icon-train", &Assets::icon_train, kAssetIconTrain},
    {"icon-plane", &Assets::icon_plane, kAssetIconPlane},
    {"icon-car", &Assets::icon_car, kAssetIconCar},
};
static unsigned asset_kind(const char* name) {
  for (const AssetName& n : kAssetNames)
    if (!std::strcmp(name, n.name)) return n.kind;
  for (const IconName& n : kIconNames)
    if (!std::strcmp(name, n.name)) return n.kind;
  return 0;
}

static std::string apply_hash_now(const char* hash) {
  std::string notices;
  for (const std::string& n : core::session_apply_link(the_app().session, hash)) notices += n + "\n";
  return notices;
}

void apply_pending_hash() {
  App& app = the_app();
  if (app.start.pending_hash.empty()) return;
  const std::string notices = apply_hash_now(app.start.pending_hash.c_str());
  app.start.pending_hash.clear();
  std::size_t start = 0;
  for (std::size_t end; (end = notices.find('\n', start)) != std::string::npos; start = end + 1)
    report_to_page(0, notices.substr(start, end - start));
}

extern "C" {

// Takes the bytes of one asset the page fetched; `bytes` was malloc'ed by the page and is freed here.
EMSCRIPTEN_KEEPALIVE void journeys_add_asset(const char* name, std::uint8_t* bytes, int size) {
  Assets& a = the_app().assets;
  request_redraw();
  const std::string_view n(name);
  // The language assets, fetched only when the reader's language or the local names need them (assets.cpp
  // take_language_assets uses them once the font is in): "words-<code>", "font-<code>", "font-bold-<code>" of a
  // language journeys_start was given, "local-names", "font-local".
  if (n == "font-local") {
    a.font_local.assign(bytes, bytes + size);
  } else if (n.rfind("font-bold-", 0) == 0 && core::parse_language(n.substr(10))) {
    a.language_bold_fonts.emplace_back(*core::parse_language(n.substr(10)),
                                       std::vector<std::uint8_t>(bytes, bytes + size));
  } else if (n.rfind("font-", 0) == 0 && core::parse_language(n.substr(5))) {
    a.language_fonts.emplace_back(*core::parse_language(n.substr(5)), std::vector<std::uint8_t>(bytes, bytes + size));
  } else if (n.rfind("words-", 0) == 0 && core::parse_language(n.substr(6))) {
    a.pending_words.emplace_back(*core::parse_language(n.substr(6)), std::string(bytes, bytes + size));
  } else if (n == "local-names") {
    a.pending_local_names.assign(bytes, bytes + size);
  } else if (n == "map-far") {  // asked for by take_far_map (assets.cpp) when a view first reaches past the near box
    a.map_far_bin.assign(bytes, bytes + size);
  } else if (std::vector<std::uint8_t>* slot = asset_slot(a, name)) {
    slot->assign(bytes, bytes + size);
    a.settled |= asset_kind(name);
  } else {
    report_to_page(1, std::string("Ignored an unknown asset: ") + name);
  }
  std::free(bytes);
}

// A vehicle icon the page has decoded and holds, width × height pixels (page_upload_icon puts it on the GPU).
EMSCRIPTEN_KEEPALIVE void journeys_add_icon(const char* name, int width, int height) {
  Assets& a = the_app().assets;
  request_redraw();
  for (const IconName& n : kIconNames)
    if (!std::strcmp(name, n.name)) {
      a.*n.image = IconImage{width, height};
      a.settled |= n.kind;
      return;
    }
  report_to_page(1, std::string("Ignored an unknown icon: ") + name);
}

// The download failed: the page says so, and the start goes on without it (a built-in font, no map, …).
EMSCRIPTEN_KEEPALIVE void journeys_asset_failed(const char* name, const char* message) {
  if (!std::strcmp(name, "map-far")) {
    far_map_failed(message);
    return;
  }
  report_to_page(2, std::string("Could not load ") + name + ": " + message);
  the_app().assets.settled |= asset_kind(name);
  request_redraw();
}

// `languages`: the languages besides English, "ko 한국어|…" (dist/index.html's data-languages, written by
// scripts/publish.mjs from assets/lang/*.json), known before the link's #lang= and any language asset arrive.
EMSCRIPTEN_KEEPALIVE void journeys_start(const char* languages) {
  const std::string error = core::set_languages(languages ? languages : "");
  if (!error.empty()) report_to_page(1, error);
  start_app();
}

// The returned text lives until the next call: the page copies it at once (UTF8ToString).
EMSCRIPTEN_KEEPALIVE const char* journeys_get_state() {
  static std::string text;
  text = core::state_to_json(the_app().session.state, the_app().session.status);
  // status.flying: the camera's flight to a trip is under way (the tests wait for it to land).
  const std::size_t at = text.find("\"status\":{");
  if (at != std::string::npos)
    text.insert(at + 10, the_app().session.flying ? "\"flying\":true," : "\"flying\":false,");
  return text.c_str();
}

// The words of the page's accessible layer, from the core (core/describe.hpp): everything, or (moment != 0) only
// what changes with the clock and the mode. Lives until the next call.
EMSCRIPTEN_KEEPALIVE const char* journeys_describe(int moment) {
  static std::string text;
  text = core::describe_json(the_app().session, moment ? core::DescribeScope::Moment : core::DescribeScope::Everything);
  return text.c_str();
}

// A reader action from the page: the accessible HTML layer, a host's message ({"do":"selectTrip","trip":"…"}).
// "" when it was taken; otherwise why not.
EMSCRIPTEN_KEEPALIVE const char* journeys_command(const char* json_text) {
  static std::string error;
  error.clear();
  if (const std::optional<core::Command> c = core::command_from_json(json_text, &error)) run_command(*c);
  return error.c_str();
}

// "" when applied; otherwise every problem, one per line, and the state is unchanged.
EMSCRIPTEN_KEEPALIVE const char* journeys_set_state(const char* json_text) {
  static std::string text;
  text.clear();
  request_redraw();
  for (const std::string& e : core::session_set_state(the_app().session, json_text)) text += e + "\n";
  return text.c_str();
}

// The app's own CPU time of each frame drawn since the last call (ms, comma-separated), then after ';' the wasm
// memory size in bytes, and after another ';' the bytes malloc has handed out and not had back (emmalloc's heap
// minus its free blocks): "0.41,0.39,0.52;16777216;2351104". The memory size only ever grows, in 64 KiB pages;
// the bytes in use show a leak long before it would. For the benchmark and the soak test.
EMSCRIPTEN_KEEPALIVE const char* journeys_take_frame_times() {
  static std::string text;
  text.clear();
  std::vector<float>& times = the_app().frames.cpu_ms;
  for (std::size_t i = 0; i < times.size(); ++i) text += (i ? "," : "") + core::format_fixed(times[i], 4);
  times.clear();
  text += ";" + std::to_string(static_cast<unsigned long>(__builtin_wasm_memory_size(0)) * 65536ul);
  text +=
      ";" + std::to_string(static_cast<unsigned long>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory()));
  return text.c_str();
}

// Applies a link's hash (state and switches); returns the notices for what was ignored, one per line. A hash
// that arrives before the trips are loaded is held until they are (its notices then go to the page directly).
EMSCRIPTEN_KEEPALIVE const char* journeys_apply_hash(const char* hash) {
  static std::string text;
  App& app = the_app();
  request_redraw();
  if (app.start.stage <= StartStage::Trips) {  // (the stages run in their order)
    // The trips it names are not in yet; how the page looks (theme, embed, classroom) is known already.
    app.start.pending_hash = hash;
    app.session.state.presentation = core::parse_url_state(hash, core::TripData{}).presentation;
    text.clear();
  } else {
    text = apply_hash_now(hash);
  }
  return text.c_str();
}

// The link to what is on screen now (the view only if the reader moved the map).
EMSCRIPTEN_KEEPALIVE const char* journeys_format_hash() {
  static std::string text;
  const App& app = the_app();
  text = core::format_url_state(app.session.state, app.session.state.presentation, app.session.view_moved);
  return text.c_str();
}

// The reader's system settings (prefers-color-scheme, prefers-reduced-motion, pointer: coarse), and again when
// they change. A coarse pointer gives 44 px touch targets from the first frame, not only after the first touch.
EMSCRIPTEN_KEEPALIVE void journeys_set_preferences(int prefers_dark, int reduced_motion, int coarse_pointer) {
  App& app = the_app();
  request_redraw();
  app.style.prefers_dark = prefers_dark != 0;
  app.session.reduced_motion = reduced_motion != 0;
  if (coarse_pointer) app.style.touch_seen = true;
}

// Off-screen (scrolled out of view): no frames at all until it is back. The clock resumes where it stopped
// because the first frame back starts a fresh time step.
// Chromium gives an off-screen cross-origin frame (an embed far down an article) no animation frames at all, so
// until its first frames are drawn an off-screen explainer runs on a timer: `ready` resolves and the picture is
// there when the reader scrolls to it (frame() then pauses and goes back to animation frames).
EMSCRIPTEN_KEEPALIVE void journeys_set_visible(int visible) {
  App& app = the_app();
  if (!app.start.started || app.platform.main_loop_paused == !visible) return;
  app.platform.main_loop_paused = !visible;
  const bool starting = app.session.status.frames_composed < App::Platform::kFramesBeforeOffScreenPause;
  if (visible) {
    request_redraw();
    app.frames.last_frame_ms = 0.0;
    emscripten_pause_main_loop();  // a no-op when paused; otherwise drops the pending timer of the start-up
    emscripten_set_main_loop_timing(EM_TIMING_RAF, 1);
    app.start.pace = EM_TIMING_RAF;
    emscripten_resume_main_loop();
  } else if (!starting) {
    emscripten_pause_main_loop();
  } else {
    emscripten_pause_main_loop();  // drops the animation frame that would never come
    emscripten_set_main_loop_timing(EM_TIMING_SETTIMEOUT, 16);
    emscripten_resume_main_loop();
  }
}

// Where a control was drawn in the last frame, CSS px: "[x0,y0,x1,y1]", or "null" (ui::Target names).
EMSCRIPTEN_KEEPALIVE const char* journeys_locate(const char* id) {
  static std::string text;
  const ui::Target* t = the_app().requests.find(id);
  if (!t) return "null";
  text = "[" + core::format_fixed(t->rect.x0, 1) + "," + core::format_fixed(t->rect.y0, 1) + "," +
         core::format_fixed(t->rect.x1, 1) + "," + core::format_fixed(t->rect.y1, 1) + "]";
  return text.c_str();
}

// 1 when a point of the canvas (CSS px) is on a panel, 0 on the map: inside an article one finger on the map
// scrolls the article, one finger on a panel presses or scrolls the panel (web/embed.js).
EMSCRIPTEN_KEEPALIVE int journeys_over_panel(double x, double y) {
  return the_app().start.stage == StartStage::Done && over_panel({x, y}) ? 1 : 0;
}

// Where a geographic point is on the canvas now, in CSS pixels from the top-left: "[x, y]".
EMSCRIPTEN_KEEPALIVE const char* journeys_project(double lat, double lon) {
  static std::string text;
  const core::ScreenPoint p = core::world_to_screen(the_app().session.state.camera, core::project({lat, lon}));
  text = "[" + core::format_fixed(p.x, 3) + "," + core::format_fixed(p.y, 3) + "]";
  return text.c_str();
}

// --- Export video (web/video.js drives it: begin, each frame in turn, end) ---------------------------------------
// The browser's video encoding, found by the page at start: 0 when it has no WebCodecs encoder for our frames
// (the Export video button then says why).
EMSCRIPTEN_KEEPALIVE void journeys_set_video_support(int supported) {
  the_app().session.status.video_unavailable = supported ? "" : core::video_unavailable_text();
}

// The options as JSON (explainer.exportVideo's, with the page's defaults): "" and the export begins (the reader's
// session is put aside: no frame of theirs until journeys_video_end), or why it cannot. Then the options as the core
// completed them follow the "" after a newline: the frame count, timestamps and file name are the core's.
EMSCRIPTEN_KEEPALIVE const char* journeys_video_begin(const char* json_text) {
  static std::string text;
  App& app = the_app();
  std::string error;
  if (app.start.stage != StartStage::Done || app.session.trips.trips.empty())
    error = "exportVideo: the explainer is not ready yet; wait for explainer.ready";
  else if (app.exports.video.active)
    error = "exportVideo: an export is already under way; cancel it or wait for it to finish";
  else if (!app.session.status.video_unavailable.empty())
    error = "exportVideo: " + app.session.status.video_unavailable;
  else if (!app.map.renderer_ready || app.platform.context_lost)
    error = "exportVideo: the map cannot be drawn at the moment (no graphics context)";
  std::optional<core::VideoOptions> options;
  if (error.empty()) options = core::video_options_from_json(json_text, app.session.trips, app.session.state, &error);
  if (!options) {
    text = error.empty() ? "exportVideo: the options cannot be used" : error;
    return text.c_str();
  }
  app.exports.video.active = true;
  app.exports.video.options = *options;
  app.exports.video.before = core::session_begin_video(app.session, *options);
  render::journey_layer_update(app.journey_layer, app.map.renderer, app.session.journey);
  const core::VideoOptions& o = *options;
  char info[512];
  std::snprintf(info, sizeof info,
                "\n{\"trip\":\"%s\",\"mode\":\"%s\",\"width\":%d,\"height\":%d,\"seconds\":%d,\"fps\":%d,"
                "\"format\":\"%s\",\"frames\":%d,\"file\":\"%s\"}",
                o.trip.c_str(), core::to_string(o.mode), o.width, o.height, o.seconds, o.fps, o.format.c_str(),
                core::video_frame_count(o), core::video_file_stem(o).c_str());
  text = info;
  return text.c_str();
}

// Frame `index` of the export, drawn: its RGBA pixels (top row first, width × height × 4 bytes at the returned
// address, valid until the next call), or 0 when it could not be drawn.
EMSCRIPTEN_KEEPALIVE const std::uint8_t* journeys_video_frame(int index) {
  App& app = the_app();
  if (!app.exports.video.active || index < 0 || index >= core::video_frame_count(app.exports.video.options))
    return nullptr;
  core::session_video_frame(app.session, app.exports.video.options, index);
  {
    Composition frame(app.exports.video.options.width, app.exports.video.options.height);
    app.exports.video.frame = frame.take_pixels();
  }
  return app.exports.video.frame.empty() ? nullptr : app.exports.video.frame.data();
}

// The timestamp of frame `index` in microseconds: round(index · 1e6 / fps).
EMSCRIPTEN_KEEPALIVE double journeys_video_timestamp(int index) {
  return static_cast<double>(core::video_timestamp_us(index, the_app().exports.video.options.fps));
}

// Finished or cancelled: the reader's trip, mode, clock and view come back exactly, and their frames resume.
EMSCRIPTEN_KEEPALIVE void journeys_video_end() {
  App& app = the_app();
  if (!app.exports.video.active) return;
  core::session_end_video(app.session, app.exports.video.before);
  if (app.map.renderer_ready) render::journey_layer_update(app.journey_layer, app.map.renderer, app.session.journey);
  app.exports.video = {};
  request_redraw();  // the reader's own frame again
}

}  // extern "C"
