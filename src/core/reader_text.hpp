// Words and numbers as the reader sees them: dates, figures with their qualifiers, source names.
#pragma once
#include <string>
#include <vector>

#include "core/player.hpp"
#include "core/trips.hpp"

namespace core {

std::string month_year(const TimePoint& t);                             // "March 2018"
std::string date_range(const TimePoint& a, const TimePoint& b);   // "25–28 March 2018"
std::string figure_text(const Figure& f, const char* unit);             // "about 1,300 km", "16–20 h"
std::string km_text(double km);                                               // "1,342 km"
std::string outlets(const TripData& data, const std::vector<std::string>& source_ids);  // "Yonhap, NK News"
const char* mode_word(Mode m);                                        // "train", "plane", "car"
const char* confidence_word(Confidence c);                              // "well sourced", ...
// The line that names what is on screen when the trips panel is closed (classroom, embeds, phones):
// "2. Dalian, May 2018 · by plane", "6. Hanoi, February 2019 · plane (what-if)", "… · train and plane, racing".
std::string trip_line(const Trip& trip, ShowMode show, const Journey& journey);

}  // namespace core
