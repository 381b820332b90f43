#include "core/reader_text.hpp"

#include <algorithm>

#include <cmath>
#include <cstdio>

namespace core {

static const char* kMonths[12] = {"January", "February", "March",     "April",   "May",      "June",
                                  "July",    "August",   "September", "October", "November", "December"};

std::string month_year(const TimePoint& t) {
  if (!t.valid() || t.month < 1 || t.month > 12) return "";
  return std::string(kMonths[t.month - 1]) + " " + std::to_string(t.year);
}

std::string date_range(const TimePoint& a, const TimePoint& b) {
  if (!a.valid()) return "";
  if (!b.valid() || (a.year == b.year && a.month == b.month && a.day == b.day))
    return std::to_string(a.day) + " " + month_year(a);
  if (a.year == b.year && a.month == b.month)
    return std::to_string(a.day) + "\xE2\x80\x93" + std::to_string(b.day) + " " + month_year(b);
  if (a.year == b.year)
    return std::to_string(a.day) + " " + kMonths[a.month - 1] + " \xE2\x80\x93 " + std::to_string(b.day) + " " +
           month_year(b);
  return std::to_string(a.day) + " " + month_year(a) + " \xE2\x80\x93 " + std::to_string(b.day) + " " + month_year(b);
}

static std::string grouped(double v) {
  const long n = std::lround(v);
  std::string digits = std::to_string(n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (n < 0 ? "-" : "") + out;
}

static std::string number(double v) {
  if (std::fabs(v - std::round(v)) < 1e-9) return grouped(v);
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", v);
  return text;
}

std::string figure_text(const Figure& f, const char* unit) {
  std::string prefix;
  switch (f.qualifier) {
    case Qualifier::Exact: break;
    case Qualifier::About: prefix = "about "; break;
    case Qualifier::AtLeast: prefix = "at least "; break;
    case Qualifier::AtMost: prefix = "up to "; break;
  }
  std::string v = number(f.min);
  if (f.max != f.min) v += "\xE2\x80\x93" + number(f.max);
  return prefix + v + " " + unit;
}

std::string trip_dates(const Trip& t) {
  const TimePoint& end = t.return_arrive.valid()   ? t.return_arrive
                         : t.return_depart.valid() ? t.return_depart
                                                   : t.arrive;
  return date_range(t.depart, end);
}

std::string figure_line(const TripData& data, const Figure& f, const char* unit) {
  std::string line = figure_text(f, unit);
  if (!f.whole_leg()) {
    const Place* a = data.find_place(f.from);
    const Place* b = data.find_place(f.to);
    line += " (" + (a ? a->name : f.from) + " to " + (b ? b->name : f.to) + ")";
  }
  return line;
}

std::string km_text(double km) { return grouped(km) + " km"; }

std::string outlets(const TripData& data, const std::vector<std::string>& source_ids) {
  std::string out;
  for (const std::string& id : source_ids) {
    const Source* s = data.find_source(id);
    const std::string name = s ? s->outlet : id;
    if (out.find(name) != std::string::npos) continue;  // two articles from one outlet: name it once
    out += (out.empty() ? "" : ", ") + name;
  }
  return out;
}

const char* mode_word(Mode m) {
  switch (m) {
    case Mode::Train: return "train";
    case Mode::Plane: return "plane";
    case Mode::Car: return "car";
  }
  return "";
}

const char* confidence_word(Confidence c) {
  switch (c) {
    case Confidence::WellSourced: return "well sourced";
    case Confidence::SingleSource: return "single source";
    case Confidence::Conflicting: return "sources conflict";
    case Confidence::Unverified: return "unverified";
    case Confidence::Unspecified: return "";
  }
  return "";
}

std::string trip_line(const Trip& trip, ShowMode show, const Journey& journey) {
  std::string mode;
  if (show == ShowMode::Both) {
    mode = "train and plane, racing";
  } else {
    const Track& t = show == ShowMode::Plane ? journey.plane : journey.train;
    mode = t.what_if ? std::string(show == ShowMode::Plane ? "plane" : "train") + " (what-if)"
                     : std::string("by ") + (show == ShowMode::Plane ? "plane" : "train");
  }
  return std::to_string(trip.number) + ". " + trip.destination + ", " + month_year(trip.depart) + " \xC2\xB7 " + mode;
}

const char* play_button_word(const Playback& playback, double end_h) {
  if (playback.playing) return "Pause";
  return end_h > 0 && playback.clock_h >= end_h ? "Replay" : "Play";
}

std::string mode_button_label(const Track& t, const char* name) {
  return std::string(name) + (t.available ? (t.what_if ? " (what-if)" : " (real)") : " (none)");
}

std::string now_text(const AppState& state, const Journey& j) {
  const double clock = state.playback.clock_h;
  const bool both = state.show == ShowMode::Both;
  if (both && j.train.available && j.plane.available) {
    const double plane_h = j.plane.duration_h();
    if (clock >= plane_h && clock < j.train.duration_h()) {
      const double train_left = j.train.distance_km() - track_state_at(j.train, plane_h).km;
      return "The plane landed after " + format_hours(plane_h) + ". At that moment the train still had " +
             km_text(train_left) + " to go.";
    }
    if (clock >= j.train.duration_h())
      return "Both have arrived: the train took " + format_hours(j.train.duration_h()) + ", the plane " +
             format_hours(plane_h) + ".";
  }
  const Track& t = state.show == ShowMode::Plane ? j.plane : j.train;
  if (!t.available) return "";
  const TrackState s = track_state_at(t, clock);
  if (s.arrived) return "Arrived in " + t.stops.back().name + " after " + format_hours(t.duration_h()) + ".";
  if (clock <= 0.0) return "Leaves " + t.stops.front().name + ". Press play.";
  const TrackStop& last = t.stops[static_cast<std::size_t>(std::max(0, s.stops_passed - 1))];
  return "Passed " + last.name + " at " + format_hours(last.arrive_h) + "; " + km_text(t.distance_km() - s.km) +
         " to go.";
}

std::string clock_text(double clock_h, double end_h) { return format_hours(clock_h) + " of " + format_hours(end_h); }

std::string missing_mode_text(const Journey& j) {
  const Track& alt = j.alternative();
  if (alt.available) return "";
  return std::string("No ") + (alt.mode == Mode::Train ? "train" : "plane") + ": " + alt.unavailable_reason;
}

}  // namespace core
