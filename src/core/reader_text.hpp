// Words and numbers as the reader sees them, in the reader's language (core/language.hpp): dates, durations,
// figures with their qualifiers, source names. English is written here; `w` gives it back in another language,
// patterns and all ("{0} of {1}"), so word order and number formats follow the language (2018년 3월 25일,
// 20시간 5분, 1,364km).
#pragma once
#include <string>
#include <vector>

#include "core/app_state.hpp"
#include "core/language.hpp"
#include "core/journey.hpp"
#include "core/trips.hpp"

namespace core {

std::string month_year(const Words& w, const TimePoint& t);                      // "March 2018", "2018년 3월"
std::string date_range(const Words& w, const TimePoint& a, const TimePoint& b);  // "25–28 March 2018"
std::string trip_dates(const Words& w,
                       const Trip& trip);  // from leaving Pyongyang to being back (or the last date known)
std::string duration_text(const Words& w, double hours);                     // "20 h 05 min", "20시간 5분"
std::string figure_text(const Words& w, const Figure& f, const char* unit);  // "about 1,300 km", "16–20 h"
// With the span it covers when that is not the whole leg: "225.1 km (Pyongyang Station to Sinuiju)".
std::string figure_line(const Words& w, const TripData& data, const Figure& f, const char* unit);
std::string km_text(const Words& w, double km);                                         // "1,342 km", "1,342km"
std::string speed_text(const Words& w, double kmh);                                     // "78 km/h"
std::string outlets(const TripData& data, const std::vector<std::string>& source_ids);  // "Yonhap, NK News"
const char* mode_word(const Words& w, Mode m);                                          // "train", "plane", "car"
const char* confidence_word(const Words& w, Confidence c);                              // "well sourced", ...
// The line that names what is on screen when the trips panel is closed (classroom, embeds, phones):
// "2. Dalian, May 2018 · by plane", "6. Hanoi, February 2019 · plane (what-if)", "… · train and plane, racing".
std::string trip_line(const Words& w, const Trip& trip, ShowMode show, const Journey& journey);
// A mode button's label: "Train (real)", "Plane (what-if)", "Plane (none)". `mode`: Train or Plane.
std::string mode_button_label(const Words& w, const Track& track, Mode mode);
// What the reader should know at this moment, in one sentence: "Passed Dandong at 5 h 10 min; 1,034 km to go."
std::string now_text(const Words& w, const AppState& state, const Journey& journey);
// The journey clock: "2 h 05 min of 70 h 00 min".
std::string clock_text(const Words& w, double clock_h, double end_h);
// Why a mode has no track: "No train: there is no rail link to Singapore." ("" when both exist).
std::string missing_mode_text(const Words& w, const Journey& journey);
// The play button's word: "Pause" while playing, "Replay" at the journey's end, otherwise "Play".
const char* play_button_word(const Words& w, const Playback& playback, double end_h);

}  // namespace core
