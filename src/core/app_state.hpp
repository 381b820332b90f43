// What the reader sees, as one plain struct, and its exchange with the page as JSON (window.explainer's
// getState/setState). The app reads this struct each frame; the UI, the keyboard and the page write it.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/camera.hpp"
#include "core/labels.hpp"
#include "core/language.hpp"
#include "core/journey.hpp"
#include "core/trips.hpp"

namespace core {

enum class Theme { Auto, Light, Dark };

// How the page presents itself; set by the link (or the embedder), not by the reader's clicks.
struct Presentation {
  Theme theme = Theme::Auto;
  bool autoplay = false;
  bool controls = true;      // controls=0: no journey controls (a fixed frame in an article)
  bool plain = false;        // no title block
  bool transparent = false;  // the host page shows through where the sea would be
  bool embed = false;        // compact chrome; wheel and one finger scroll the article
  bool classroom = false;    // large type, chrome hidden, PageUp/PageDown step through the trips
};

struct AppState {
  std::string trip_id;                  // the selected trip ("" before the data is loaded)
  ShowMode show = ShowMode::Train;      // train, plane or both racing
  bool show_explicit = false;           // the page or a link chose `show` with the trip: keep it for the new trip
  Playback playback;                    // the journey clock
  TripFilter filter = TripFilter::All;  // which trips the sidebar lists
  bool sidebar_open = true;             // the panel with the trips; hidden gives the map the whole canvas
  bool place_labels = true;             // city dots and names on the map
  Language language = Language::En;     // every word on the page and the map (#lang=ko)
  bool language_explicit = false;       // chosen by the link or the reader: links keep it even when English
  bool local_names = false;             // map labels add the place's own script: "베이징 北京" (#local=1)
  bool help_open = false;               // the keyboard overlay
  Presentation presentation;            // from the link or the embedder
  Camera camera;                        // what part of the map is on screen (the app keeps its viewport current)
  CameraLimits camera_limits;
};

// Read-only facts about the running page that tests and embedders may want, reported beside the state.
struct TrackStatus {
  bool shown = false, available = false, what_if = false, arrived = false;
  double distance_km = 0, duration_h = 0, km = 0;
  int stops_passed = 0, stop_count = 0;
  Mode vehicle = Mode::Train;  // of the leg it is on now (the Hanoi train track ends by car)
};
// A label drawn on the map, as the last placement left it (core/labels.hpp).
struct LabelStatus {
  std::string text;
  ScreenRect box;       // CSS px, halo included
  bool leader = false;  // drawn away from its dot, with a line back to it
};
// The base map's far part (core/map_asset.hpp): not needed yet, asked of the page, in use, or not to be had.
enum class MapFar : std::uint8_t { Absent, Wanted, In, Failed };
const char* to_string(MapFar far);  // "absent", "wanted", "in", "failed"

struct AppStatus {
  // Frames run (each animation frame the app handled), composed (laid out by ImGui: after a change, and while
  // something moves) and drawn (composed into a picture other than the one on the canvas; the rest are skipped).
  // An idle explainer runs frames without composing or drawing them, and its picture stays current.
  long long frames_run = 0, frames_composed = 0, frames_drawn = 0;
  int canvas_css_width = 0, canvas_css_height = 0;      // CSS pixels
  int canvas_pixel_width = 0, canvas_pixel_height = 0;  // drawing-buffer pixels
  float pixel_ratio = 1.0f;
  double end_h = 0;                // the clock's end for the selected trip and mode
  bool list_covers_map = false;    // the phone layout: the open trips list is a sheet over the map
  bool language_ready = true;      // the state's language has its catalogue (and the app its font)
  bool local_names_ready = false;  // local names are on and their names and font are in
  MapFar map_far = MapFar::Absent;
  // Why this browser cannot export video ("" when it can): the Export video button shows it instead.
  std::string video_unavailable;
  TrackStatus train, plane;
  std::vector<std::string> messages;  // problems shown to the reader (bad data, lost context, ...)
  // The map's labels and what they keep clear of, for tests and embedders: every drawn label, the vehicle icons
  // (their discs' boxes) and the panels over the map; how many times the labels were placed since the start.
  std::vector<LabelStatus> labels;
  std::vector<ScreenRect> vehicles, panels;
  std::vector<ScreenSegment> routes;  // the shown routes on screen, as the last placement saw them (CSS px)
  long long label_placements = 0;
};

// {"trip":"2018-03-beijing","mode":"both","time":3.5,"speed":1,"playing":false,"filter":"all",
//  "sidebarOpen":true,"placeLabels":true,"view":{"lat":..,"lon":..,"zoom":..},
//  "status":{"framesRun":..,"framesComposed":..,"framesDrawn":..,"canvas":{...},"endHours":..,"train":{...},"plane":{...},"messages":[..],
//            "labels":[{"text":..,"x":..,"y":..,"width":..,"height":..,"leader":..}],"vehicles":[{"x":..,..}],
//            "panels":[{"x":..,..}],"routes":[[x0,y0,x1,y1],..],"labelPlacements":..}}
std::string state_to_json(const AppState& state, const AppStatus& status);

// Applies a partial state, e.g. {"sidebarOpen":false}, {"trip":"2019-02-hanoi","mode":"both"} or
// {"view":{"lat":39.0,"lon":125.7,"zoom":1}}. A view may give any of lat, lon, zoom; it is clamped to the camera
// limits. A new trip restarts the clock unless "time" is given too. All or nothing: if any key is unknown,
// read-only or of the wrong type, the state is left unchanged and every problem is returned, one message each.
std::vector<std::string> apply_state_json(AppState& state, std::string_view json_text, const TripData& data);

}  // namespace core
