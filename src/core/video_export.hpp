// Video export (explainer.exportVideo, the "Export video" button): the options checked, the frames' times, and
// the reader's session put aside while the export drives it and given back unchanged afterwards. Which pixels go
// in a frame is the app's (src/app/composition.cpp); encoding and muxing are the page's (web/video.js).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/session.hpp"

namespace core {

struct VideoOptions {
  std::string trip;  // a trip's id
  ShowMode mode = ShowMode::Both;
  int width = 1920, height = 1080;  // device pixels of every frame
  int seconds = 15;                 // the whole journey compressed into it, the last second held
  int fps = 30;
  std::string format = "auto";  // "mp4" (H.264), "webm" (VP9) or "auto" (MP4 where the browser can)
};

// The dialog offers 5–60 s; the page API also takes the short clips of tests and previews, down to 2 s (a second
// of journey, then the held arrival).
constexpr int kVideoMinSeconds = 2, kVideoMaxSeconds = 60;
constexpr int kVideoFrameRates[] = {24, 25, 30, 60};
constexpr int kVideoMinSide = 128, kVideoMaxSide = 1920;  // even sides only (H.264's 4:2:0 needs them)
struct VideoPreset {
  int width, height;
  const char* name;  // the button's words
};
constexpr VideoPreset kVideoPresets[] = {
    {1920, 1080, "16:9 landscape (1920 \xC3\x97 1080)"},
    {1080, 1080, "1:1 square (1080 \xC3\x97 1080)"},
    {1080, 1920, "9:16 for phones (1080 \xC3\x97 1920)"},
};

// The page's options object as JSON ({"trip":"2019-02-hanoi","mode":"both","width":640,...}); absent keys take
// the defaults above, the trip and mode default to `current`. Nothing when they cannot be used; `error` then says
// why in the reader's words ("exportVideo: fps must be 24, 25, 30 or 60, not 29").
std::optional<VideoOptions> video_options_from_json(std::string_view json_text, const TripData& trips,
                                                    const AppState& current, std::string* error);

int video_frame_count(const VideoOptions& o);                          // seconds × fps
std::int64_t video_timestamp_us(int frame, int fps);                   // round(frame · 1e6 / fps)
double video_clock_h(int frame, const VideoOptions& o, double end_h);  // the last second holds at end_h
// "journeys-2019-02-hanoi-both-1920x1080" (the page adds .mp4 or .webm)
std::string video_file_stem(const VideoOptions& o);

// The words burned into a frame, in the reader's language (the rest are the slide's: title, dates, sources). One
// line per shown track: "Train, as he travelled: 1,034 km of 3,320 km", "Plane, what-if: arrived, 3,320 km in
// 4 h 10 min".
struct VideoTrackLine {
  Mode mode = Mode::Train;  // the track's (its colour and dash in the key)
  std::string text;
};
std::vector<VideoTrackLine> video_track_lines(const Words& w, const AppState& state, const Journey& journey);
// The journey clock: "Journey time 14 h 05 min of 65 h 00 min".
std::string video_clock_line(const Words& w, double clock_h, double end_h);
// "Sources: Yonhap, KCNA. Map: Natural Earth."
std::string video_credit_line(const Words& w, const TripData& data, const Trip& trip);
// Why the button cannot export in this browser (no WebCodecs, or no codec for the frames). The status keeps it in
// English; the panel shows it in the reader's words (w.c(status.video_unavailable)).
std::string video_unavailable_text(const Words& w = english_words());

// Everything of the reader's that an export changes, to be put back exactly.
struct SessionSnapshot {
  AppState state;
  FlyPath fly;
  double fly_elapsed = 0.0;
  bool flying = false, view_moved = false;
  ShowMode fitted_show = ShowMode::Train;
  bool fitted_sidebar_open = true;
  std::vector<ScreenRect> fitted_panels;
};

// Puts the reader's session aside and shows the export's trip and mode, paused at its start (the journey is
// rebuilt without moving any camera: every frame is framed by the app). Returns what session_end_video needs.
SessionSnapshot session_begin_video(Session& s, const VideoOptions& o);
// Sets the clock for frame `frame` of the export and updates the status (end, tracks) for it.
void session_video_frame(Session& s, const VideoOptions& o, int frame);
// The reader's session back as it was: trip, mode, clock, camera and any flight under way. Returns true when the
// journey was rebuilt (its routes need uploading again).
bool session_end_video(Session& s, const SessionSnapshot& before);

}  // namespace core
