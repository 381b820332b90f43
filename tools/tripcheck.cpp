// tripcheck: validate a trips data file and show, for every leg of every trip, the computed distance and
// duration beside the reported figures, so an editor can see where they disagree.
//
//   tripcheck [assets/trips.json]        exit 0 if valid, 1 on any error (errors on stderr)
//   tripcheck --quiet FILE               only validate
//   tripcheck --strict FILE              also fail (exit 1) when a leg's length computed along the rail lines is
//                                        outside 95-103 % of a published line length (figures marked line_length);
//                                        without it those are listed as OUT and counted, as warnings
//   tripcheck --reader-text FILE         the words readers see for each trip, as JSON (dates, reported figures,
//                                        source names): web/text.js must say the same (tests/text_check.mjs)
//   tripcheck --lang ko ...              ... in that language (the texts with assets/lang/ko.json)
// Every run also checks each language's catalogue (assets/lang/<code>.json beside the trips file's folder): a
// reader-facing English text without a translation is an error, and each is listed.

#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/legs.hpp"
#include "core/localize.hpp"
#include "core/reader_text.hpp"
#include "core/trips.hpp"

namespace {

std::string num(double v, int decimals = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  // Thousands separators in the integer part.
  const std::size_t dot = s.find('.');
  std::size_t end = dot == std::string::npos ? s.size() : dot;
  const std::size_t start = (!s.empty() && s[0] == '-') ? 1 : 0;
  while (end > start + 3) {
    end -= 3;
    s.insert(end, ",");
  }
  return s;
}

std::string hours(double h) { return num(h, 1) + " h"; }

std::string range_h(core::HoursRange r) {
  if (std::fabs(r.max_h - r.min_h) < 0.05) return hours(r.min_h);
  return num(r.min_h, 1) + "-" + num(r.max_h, 1) + " h";
}

std::string speed_text(core::SpeedRange s) {
  if (s.min_kmh == s.max_kmh) return num(s.min_kmh) + " km/h";
  return num(s.min_kmh) + "-" + num(s.max_kmh) + " km/h";
}

std::string join_sources(const std::vector<std::string>& ids) {
  std::string s = "[";
  for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + ids[i];
  return s + "]";
}

std::size_t stop_index(const core::Leg& leg, const std::string& id, std::size_t dflt) {
  if (id.empty()) return dflt;
  for (std::size_t i = 0; i < leg.stops.size(); ++i)
    if (leg.stops[i].place_id == id) return i;
  return dflt;
}

std::string span_text(const core::Leg& leg, const core::Figure& f) {
  if (f.whole_leg()) return "whole leg";
  const std::size_t a = stop_index(leg, f.from, 0);
  const std::size_t b = stop_index(leg, f.to, leg.stops.size() - 1);
  return leg.stops[a].name + " -> " + leg.stops[b].name;
}

double mid(const core::Figure& f) { return 0.5 * (f.min + f.max); }

void print_leg(const char* label, const core::Leg& leg, const core::TripData& data) {
  const core::Vehicle* vehicle = data.find_vehicle(leg.vehicle_id);
  const core::LegComputation c = core::compute_leg(leg, vehicle);
  std::size_t inferred = 0;
  for (const core::Stop& s : leg.stops) inferred += s.reported ? 0 : 1;

  std::printf("  %-9s %-5s %-18s %s -> %s (%zu stops, %zu inferred)\n", label, core::to_string(leg.mode),
              leg.vehicle_id.c_str(), leg.stops.front().name.c_str(), leg.stops.back().name.c_str(), leg.stops.size(),
              inferred);

  std::string line = "    computed  " + num(c.distance_km) + " km";
  if (c.duration_h) {
    line += ", " + range_h(*c.duration_h) + " at " + speed_text(*c.speed);
    if (c.dwell_h > 0) line += " incl. " + hours(c.dwell_h) + " reported stops";
  } else {
    line += ", no speed in the data for " + leg.vehicle_id;
  }
  std::printf("%s\n", line.c_str());
  if (leg.mode == core::Mode::Train && leg.stops.size() >= 2) {
    std::size_t on_lines = 0, line_points = 0;
    for (std::size_t i = 0; i < leg.via_line.size(); ++i) {
      on_lines += leg.via_line[i].empty() ? 0 : 1;
      line_points += leg.via[i].size();
    }
    std::printf(
        "    lines     %zu of %zu stretches follow a rail line (%zu points: stations and traced track); "
        "great circles elsewhere\n",
        on_lines, leg.stops.size() - 1, line_points);
  }

  if (c.timed_h) {
    const core::Stop& a = leg.stops[c.timed_from];
    const core::Stop& b = leg.stops[c.timed_to];
    std::printf("    timed     %s between reported times: %s %s -> %s %s\n", hours(*c.timed_h).c_str(), a.name.c_str(),
                a.when->to_string().c_str(), b.name.c_str(), b.when->to_string().c_str());
  }

  for (const core::Figure& f : leg.reported_distance_km) {
    const auto km = core::span_km(leg, c, f);
    std::string s = "    reported  " + f.to_string("km") + " (" + span_text(leg, f) + ") " + join_sources(f.sources);
    if (km) {
      s += "; computed " + num(*km) + " km";
      if (mid(f) > 0) s += " = " + num(100.0 * *km / mid(f)) + "%";
      if (f.line_length)
        s += std::string(" of the line's length (band ") + num(100 * core::kLineLengthMin) + "-" +
             num(100 * core::kLineLengthMax) + "%)";
      else if (leg.mode == core::Mode::Train)
        s += " (a trip figure, not a line length: no band)";
    }
    std::printf("%s\n", s.c_str());
    if (!f.note.empty()) std::printf("              (%s)\n", f.note.c_str());
  }
  for (const core::Figure& f : leg.reported_duration_h) {
    const auto km = core::span_km(leg, c, f);
    std::string s = "    reported  " + f.to_string("h") + " (" + span_text(leg, f) + ") " + join_sources(f.sources);
    if (km && c.speed) {
      double dwell = 0.0;
      const std::size_t a = stop_index(leg, f.from, 0);
      const std::size_t b = stop_index(leg, f.to, leg.stops.size() - 1);
      for (std::size_t i = a + 1; i < b; ++i) dwell += leg.stops[i].dwell_hours.value_or(0.0);
      s += "; computed " + range_h(core::travel_hours(*km, *c.speed, dwell)) + " for " + num(*km) + " km";
    }
    std::printf("%s\n", s.c_str());
    if (!f.note.empty()) std::printf("              (%s)\n", f.note.c_str());
  }
  if (!leg.note.empty()) std::printf("    note      %s\n", leg.note.c_str());
}

}  // namespace

// The no-WebAssembly fallback (web/fallback.js, through web/text.js) formats these itself; this is the core's version.
std::string reader_text_json(const core::TripData& d, const core::Words& w) {
  nlohmann::json out = nlohmann::json::object();
  for (const core::Trip& t : d.trips) {
    nlohmann::json figures = nlohmann::json::array();
    for (const core::Leg& l : t.outbound) {
      for (const core::Figure& f : l.reported_distance_km) figures.push_back(core::figure_line(w, d, f, "km"));
      for (const core::Figure& f : l.reported_duration_h) figures.push_back(core::figure_line(w, d, f, "h"));
    }
    nlohmann::json sources = nlohmann::json::array();
    for (const std::string& id : t.sources) {
      const core::Source* s = d.find_source(id);
      if (s && !core::is_desk_source(*s)) sources.push_back(s->title.empty() ? s->outlet : s->outlet + ": " + s->title);
    }
    out[t.id] = {{"dates", core::trip_dates(w, t)},
                 {"month", core::month_year(w, t.depart)},
                 {"figures", figures},
                 {"sources", sources}};
  }
  return out.dump(1);
}

// assets/lang/ for a trips file at assets/trips.json: its catalogues are the languages there are.
static std::string lang_dir(const std::string& trips_path) {
  const std::size_t slash = trips_path.find_last_of('/');
  return (slash == std::string::npos ? std::string() : trips_path.substr(0, slash + 1)) + "lang";
}

static bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  out = text.str();
  return true;
}

int main(int argc, char** argv) {
  bool quiet = false, reader_text = false, strict = false;
  std::string path = "assets/trips.json";
  std::string language_arg = "en";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--quiet") == 0 || std::strcmp(argv[i], "-q") == 0)
      quiet = true;
    else if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
      language_arg = argv[++i];
    else if (std::strcmp(argv[i], "--reader-text") == 0)
      reader_text = true;
    else if (std::strcmp(argv[i], "--strict") == 0)
      strict = true;
    else if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::printf(
          "usage: tripcheck [--quiet] [--strict] [--lang CODE] [--reader-text] [FILE]   (default FILE: "
          "assets/trips.json;\n       its languages: the catalogues in lang/ beside it)\n");
      return 0;
    } else
      path = argv[i];
  }

  const core::LoadResult r = core::load_trips_file(path);
  for (const core::LoadError& e : r.errors) std::fprintf(stderr, "%s\n", e.to_string().c_str());
  if (!r.ok()) {
    std::fprintf(stderr, "%s: %zu error%s\n", path.c_str(), r.errors.size(), r.errors.size() == 1 ? "" : "s");
    return 1;
  }
  // Each language's catalogue: it names its language, and every reader-facing text has its translation.
  std::size_t missing_total = 0;
  const std::string languages_error = core::add_languages_from(lang_dir(path));
  if (!languages_error.empty()) {
    std::fprintf(stderr, "%s\n", languages_error.c_str());
    ++missing_total;
  }
  const std::optional<core::Language> language = core::parse_language(language_arg);
  if (!language) {
    std::fprintf(stderr, "--lang %s: not one of %s (%s/)\n", language_arg.c_str(), core::language_codes().c_str(),
                 lang_dir(path).c_str());
    return 2;
  }
  std::vector<core::Words> catalogues;
  for (std::size_t i = 1; i < core::languages().size(); ++i) {
    const core::Language l = static_cast<core::Language>(i);
    const std::string file = lang_dir(path) + "/" + core::language_code(l) + ".json";
    std::string text, error;
    if (!read_file(file, text)) {
      std::fprintf(stderr, "%s: cannot read it\n", file.c_str());
      ++missing_total;
      continue;
    }
    catalogues.push_back(core::load_words(l, text, &error));
    if (!error.empty()) {
      std::fprintf(stderr, "%s\n", error.c_str());
      ++missing_total;
      continue;
    }
    const std::vector<std::string> missing = core::untranslated_texts(r.data, catalogues.back());
    for (const std::string& m : missing) std::fprintf(stderr, "%s: no translation for %s\n", file.c_str(), m.c_str());
    if (!missing.empty())
      std::fprintf(stderr, "%s: %zu reader-facing texts without a translation (keyed by their English)\n", file.c_str(),
                   missing.size());
    missing_total += missing.size();
  }
  const core::Words* words = &core::english_words();
  for (const core::Words& w : catalogues)
    if (w.language == *language) words = &w;
  const core::TripData localized = core::localize_trips(r.data, *words, {});
  const core::TripData& d = *language == core::Language::En ? r.data : localized;
  if (reader_text) {
    std::printf("%s\n", reader_text_json(d, *words).c_str());
    return 0;
  }
  if (missing_total > 0) return 1;
  std::printf("%s: valid: %zu trips, %zu sources, %zu places, %zu vehicles\n", path.c_str(), d.trips.size(),
              d.sources.size(), d.places.size(), d.vehicles.size());
  const std::vector<core::LineLengthCheck> checks = core::check_line_lengths(d);
  std::size_t outside = 0;
  for (const core::LineLengthCheck& k : checks) outside += k.in_band ? 0 : 1;
  if (quiet) return strict && outside > 0 ? 1 : 0;
  std::printf(
      "Distances are great circles between consecutive stops (a lower bound for rail and road);\n"
      "durations are at the vehicle's timing speed in the data, plus reported stop times.\n");

  for (const core::Trip& t : d.trips) {
    std::printf("\n== %s (trip %d): %s\n", t.id.c_str(), t.number, t.title.c_str());
    std::printf("  depart %s | arrive %s\n  leave  %s | home   %s\n", t.depart.to_string().c_str(),
                t.arrive.to_string().c_str(), t.return_depart.to_string().c_str(), t.return_arrive.to_string().c_str());
    if (auto h = core::hours_between(t.depart, t.arrive))
      std::printf("  depart -> arrive: %s by the reported times\n", hours(*h).c_str());
    double total = 0.0;
    for (const core::Leg& l : t.outbound)
      print_leg("outbound", l, d), total += core::compute_leg(l, nullptr).distance_km;
    for (const core::Leg& l : t.tour) print_leg("tour", l, d), total += core::compute_leg(l, nullptr).distance_km;
    for (const core::Leg& l : t.return_legs)
      print_leg("return", l, d), total += core::compute_leg(l, nullptr).distance_km;
    std::printf("  total     %s km travelled (computed)\n", num(total).c_str());
    for (const core::Leg& l : t.what_if) print_leg("what-if", l, d);
    for (const core::WhatIfUnavailable& u : t.what_if_unavailable)
      std::printf("  what-if   %-5s not available: %s %s\n", core::to_string(u.mode), u.reason.c_str(),
                  u.sources.empty() ? "" : join_sources(u.sources).c_str());
  }

  // Published line lengths: the computed length along the lines must fall in the band.
  std::printf("\n== Line lengths: computed along the lines vs published (band %s-%s%%)\n",
              num(100 * core::kLineLengthMin).c_str(), num(100 * core::kLineLengthMax).c_str());
  for (const core::LineLengthCheck& k : checks) {
    std::printf("  %-4s %-20s %-11s %-34s published %s %s, computed %s km = %s%%\n", k.in_band ? "ok" : "OUT",
                k.trip_id.c_str(), k.leg.c_str(), span_text(*k.leg_ptr, *k.figure).c_str(),
                k.figure->to_string("km").c_str(), join_sources(k.figure->sources).c_str(), num(k.computed_km).c_str(),
                num(100.0 * k.ratio, 1).c_str());
  }
  std::printf("  %zu of %zu published line lengths inside the band\n", checks.size() - outside, checks.size());
  // The other distances reported for train legs are the outlets' figures for a trip (often rounded, or by another
  // route, such as News1's high-speed-rail 1,000 km): shown beside the computed length, never held to the band.
  std::printf("\n== Trip distances reported for train legs (outlets' figures, not line lengths: no band)\n");
  for (const core::Trip& t : d.trips) {
    const auto list = [&](const char* part, const std::vector<core::Leg>& legs) {
      for (std::size_t i = 0; i < legs.size(); ++i) {
        const core::Leg& leg = legs[i];
        if (leg.mode != core::Mode::Train) continue;
        const core::LegComputation c = core::compute_leg(leg, nullptr);
        for (const core::Figure& f : leg.reported_distance_km) {
          if (f.line_length) continue;
          const auto km = core::span_km(leg, c, f);
          std::printf("  %-25s %-8s %zu  %-34s reported %s %s", t.id.c_str(), part, i, span_text(leg, f).c_str(),
                      f.to_string("km").c_str(), join_sources(f.sources).c_str());
          if (km && mid(f) > 0)
            std::printf(", computed %s km = %s%%", num(*km).c_str(), num(100.0 * *km / mid(f)).c_str());
          std::printf("\n");
        }
      }
    };
    list("outbound", t.outbound);
    list("tour", t.tour);
    list("return", t.return_legs);
    list("what-if", t.what_if);
  }
  if (outside > 0) {
    std::fprintf(stderr,
                 "%s: %s: %zu line length%s outside %s-%s%% of the published figure (the lines need more stations)\n",
                 path.c_str(), strict ? "error" : "warning", outside, outside == 1 ? "" : "s",
                 num(100 * core::kLineLengthMin).c_str(), num(100 * core::kLineLengthMax).c_str());
    if (strict) return 1;
  }
  return 0;
}
