#include "core/reader_text.hpp"

#include "core/decimal.hpp"

#include <algorithm>

#include <cmath>
#include <cstdio>

namespace core {

static const char* const kMonths[12] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};

static std::string month_name(const Words& w, int month) { return w(kMonths[month - 1]); }

std::string month_year(const Words& w, const TimePoint& t) {
  if (!t.valid() || t.month < 1 || t.month > 12) return "";
  return fill(w("[month year] {0} {1}"), {month_name(w, t.month), std::to_string(t.year)});
}

std::string date_range(const Words& w, const TimePoint& a, const TimePoint& b) {
  if (!a.valid() || a.month < 1 || a.month > 12) return "";
  const std::string ad = std::to_string(a.day), ay = std::to_string(a.year), am = month_name(w, a.month);
  if (!b.valid() || b.month < 1 || b.month > 12 || (a.year == b.year && a.month == b.month && a.day == b.day))
    return fill(w("[day month year] {0} {1} {2}"), {ad, am, ay});
  const std::string bd = std::to_string(b.day), by = std::to_string(b.year), bm = month_name(w, b.month);
  if (a.year == b.year && a.month == b.month)
    return fill(w("[days month year] {0}\xE2\x80\x93{1} {2} {3}"), {ad, bd, am, ay});
  if (a.year == b.year) return fill(w("[across months] {0} {1} \xE2\x80\x93 {2} {3} {4}"), {ad, am, bd, bm, ay});
  return fill(w("[across years] {0} {1} {2} \xE2\x80\x93 {3} {4} {5}"), {ad, am, ay, bd, bm, by});
}

std::string duration_text(const Words& w, double hours) {
  if (!std::isfinite(hours) || hours < 0) hours = 0;
  const long total_min = std::lround(hours * 60.0);
  char minutes[8];
  std::snprintf(minutes, sizeof minutes, "%02ld", total_min % 60);
  if (total_min < 60) return fill(w("{0} min"), {std::to_string(total_min)});
  // English pads the minutes ("20 h 05 min"); a pattern may use {2}, the plain number ("20시간 5분").
  // Whole hours: English keeps "70 h 00 min" (a clock); Korean says "70시간".
  return fill(w(total_min % 60 == 0 ? "[whole hours] {0} h {1} min" : "{0} h {1} min"),
              {std::to_string(total_min / 60), minutes, std::to_string(total_min % 60)});
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
  return format_fixed(v, 1);
}

std::string figure_text(const Words& w, const Figure& f, const char* unit) {
  std::string v = number(f.min);
  if (f.max != f.min) v = fill(w("[range] {0}\xE2\x80\x93{1}"), {v, number(f.max)});
  v = fill(w("[number unit] {0} {1}"), {v, w(unit)});  // a number and its unit
  switch (f.qualifier) {
    case Qualifier::Exact: return v;
    case Qualifier::About: return fill(w("about {0}"), {v});
    case Qualifier::AtLeast: return fill(w("at least {0}"), {v});
    case Qualifier::AtMost: return fill(w("up to {0}"), {v});
  }
  return v;
}

std::string trip_dates(const Words& w, const Trip& t) {
  const TimePoint& end = t.return_arrive.valid()   ? t.return_arrive
                         : t.return_depart.valid() ? t.return_depart
                                                   : t.arrive;
  return date_range(w, t.depart, end);
}

std::string figure_line(const Words& w, const TripData& data, const Figure& f, const char* unit) {
  std::string line = figure_text(w, f, unit);
  if (!f.whole_leg()) {
    const Place* a = data.find_place(f.from);
    const Place* b = data.find_place(f.to);
    line += fill(w(" ({0} to {1})"), {a ? a->name : f.from, b ? b->name : f.to});
  }
  return line;
}

std::string km_text(const Words& w, double km) { return fill(w("[number unit] {0} {1}"), {grouped(km), w("km")}); }

std::string speed_text(const Words& w, double kmh) {
  return fill(w("[number unit] {0} {1}"), {grouped(kmh), w("km/h")});
}

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

const char* mode_word(const Words& w, Mode m) {
  switch (m) {
    case Mode::Train: return w.c("train");
    case Mode::Plane: return w.c("plane");
    case Mode::Car: return w.c("car");
  }
  return "";
}

const char* confidence_word(const Words& w, Confidence c) {
  switch (c) {
    case Confidence::WellSourced: return w.c("well sourced");
    case Confidence::SingleSource: return w.c("single source");
    case Confidence::Conflicting: return w.c("sources conflict");
    case Confidence::Unverified: return w.c("unverified");
    case Confidence::Unspecified: return "";
  }
  return "";
}

std::string trip_line(const Words& w, const Trip& trip, ShowMode show, const Journey& journey) {
  std::string mode;
  if (show == ShowMode::Both) {
    mode = w("train and plane, racing");
  } else {
    const bool plane = show == ShowMode::Plane;
    const Track& t = plane ? journey.plane : journey.train;
    mode = t.what_if ? w(plane ? "plane (what-if)" : "train (what-if)") : w(plane ? "by plane" : "by train");
  }
  return fill(w("{0}. {1}, {2} \xC2\xB7 {3}"),
              {std::to_string(trip.number), trip.destination, month_year(w, trip.depart), mode});
}

const char* play_button_word(const Words& w, const Playback& playback, double end_h) {
  if (playback.playing) return w.c("Pause");
  return end_h > 0 && playback.clock_h >= end_h ? w.c("Replay") : w.c("Play");
}

std::string mode_button_label(const Words& w, const Track& t, Mode mode) {
  const bool plane = mode == Mode::Plane;
  if (!t.available) return w(plane ? "Plane (none)" : "Train (none)");
  if (t.what_if) return w(plane ? "Plane (what-if)" : "Train (what-if)");
  return w(plane ? "Plane (real)" : "Train (real)");
}

std::string now_text(const Words& w, const AppState& state, const Journey& j) {
  const double clock = state.playback.clock_h;
  const bool both = state.show == ShowMode::Both;
  if (both && j.train.available && j.plane.available) {
    const double plane_h = j.plane.duration_h();
    if (clock >= plane_h && clock < j.train.duration_h()) {
      const double train_left = j.train.distance_km() - track_state_at(j.train, plane_h).km;
      return fill(w("The plane landed after {0}. At that moment the train still had {1} to go."),
                  {duration_text(w, plane_h), km_text(w, train_left)});
    }
    if (clock >= j.train.duration_h())
      return fill(w("Both have arrived: the train took {0}, the plane {1}."),
                  {duration_text(w, j.train.duration_h()), duration_text(w, plane_h)});
  }
  const Track& t = state.show == ShowMode::Plane ? j.plane : j.train;
  if (!t.available) return "";
  const TrackState s = track_state_at(t, clock);
  if (s.arrived) return fill(w("Arrived in {0} after {1}."), {t.stops.back().name, duration_text(w, t.duration_h())});
  if (clock <= 0.0) return fill(w("Leaves {0}. Press play."), {t.stops.front().name});
  const TrackStop& last = t.stops[static_cast<std::size_t>(std::max(0, s.stops_passed - 1))];
  return fill(w("Passed {0} at {1}; {2} to go."),
              {last.name, duration_text(w, last.arrive_h), km_text(w, t.distance_km() - s.km)});
}

std::string clock_text(const Words& w, double clock_h, double end_h) {
  return fill(w("{0} of {1}"), {duration_text(w, clock_h), duration_text(w, end_h)});
}

std::string missing_mode_text(const Words& w, const Journey& j) {
  const Track& alt = j.alternative();
  if (alt.available) return "";
  return fill(w(alt.mode == Mode::Train ? "No train: {0}" : "No plane: {0}"), {alt.unavailable_reason});
}

}  // namespace core
