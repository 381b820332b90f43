// Words and numbers as the reader sees them: dates, figures with their qualifiers, source names.
#pragma once
#include <string>
#include <vector>

#include "core/trips.hpp"

namespace core {

std::string month_year(const TimePoint& t);                             // "March 2018"
std::string date_range(const TimePoint& a, const TimePoint& b);   // "25–28 March 2018"
std::string figure_text(const Figure& f, const char* unit);             // "about 1,300 km", "16–20 h"
std::string km_text(double km);                                               // "1,342 km"
std::string outlets(const TripData& data, const std::vector<std::string>& source_ids);  // "Yonhap, NK News"
const char* mode_word(Mode m);                                        // "train", "plane", "car"
const char* confidence_word(Confidence c);                              // "well sourced", ...

}  // namespace core
