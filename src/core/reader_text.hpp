// Words and numbers as the reader sees them: dates, figures with their qualifiers, source names.
#pragma once
#include <string>
#include <vector>

#include "core/app_state.hpp"
#include "core/player.hpp"
#include "core/trips.hpp"

namespace core {

std::string month_year(const TimePoint& t);                      // "March 2018"
std::string date_range(const TimePoint& a, const TimePoint& b);  // "25–28 March 2018"
std::string trip_dates(const Trip& trip);  // from leaving Pyongyang to being back (or the last date known)
std::string figure_text(const Figure& f, const char* unit);  // "about 1,300 km", "16–20 h"
// With the span it covers when that is not the whole leg: "225.1 km (Pyongyang Station to Sinuiju)".
std::string figure_line(const TripData& data, const Figure& f, const char* unit);
std::string km_text(double km);                                                         // "1,342 km"
std::string outlets(const TripData& data, const std::vector<std::string>& source_ids);  // "Yonhap, NK News"
const char* mode_word(Mode m);                                                          // "train", "plane", "car"
const char* confidence_word(Confidence c);                                              // "well sourced", ...
// The line that names what is on screen when the trips panel is closed (classroom, embeds, phones):
// "2. Dalian, May 2018 · by plane", "6. Hanoi, February 2019 · plane (what-if)", "… · train and plane, racing".
// A mode button's label: "Train (real)", "Plane (what-if)", "Plane (none)".
std::string mode_button_label(const Track& track, const char* name);
// What the reader should know at this moment, in one sentence: "Passed Dandong at 5 h 10 min; 1,034 km to go."
std::string now_text(const AppState& state, const Journey& journey);
// The journey clock: "2 h 05 min of 70 h 00 min".
std::string clock_text(double clock_h, double end_h);
// Why a mode has no track: "No train: there is no rail link to Singapore." ("" when both exist).
std::string missing_mode_text(const Journey& journey);
// The play button's word: "Pause" while playing, "Replay" at the journey's end, otherwise "Play".
const char* play_button_word(const Playback& playback, double end_h);
std::string trip_line(const Trip& trip, ShowMode show, const Journey& journey);

}  // namespace core
