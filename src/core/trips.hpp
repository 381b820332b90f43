// The trip data: plain structs holding everything assets/trips.json says (sources, places, vehicles, trips
// with legs, stops, reported figures and facts), and the loader that parses and validates it. (A field added here
// goes into core/trips_pack.cpp's io() for its struct too: the page reads the data packed.)
//
// The loader parses with json-parser (core/json.hpp: every value knows its line), checks every rule in one pass and
// collects all errors. Each error names the file, the line, the trip
// and the field (a JSON pointer) and says what was expected. References by id (sources, places, vehicles) are resolved:
// a Stop carries its place's name, coordinates and kind, so callers never need to look places up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo.hpp"
#include "core/timing.hpp"

namespace core {

enum class Mode { Train, Plane, Car };
enum class StopKind { Station, Border, Airport, City, Venue };
// How well a fact is sourced (labels of the fact sheet). Unspecified when the data does not say.
enum class Confidence { Unspecified, WellSourced, SingleSource, Conflicting, Unverified };
// How a reported figure was phrased: "65 h" (exact), "about 4,000 km", "at least 20 h", "up to 24 h".
enum class Qualifier { Exact, About, AtLeast, AtMost };

const char* to_string(Mode m);        // "train", "plane", "car"
const char* to_string(StopKind k);    // "station", "border", "airport", "city", "venue"
const char* to_string(Confidence c);  // "", "well_sourced", "single_source", "conflicting", "unverified"
const char* to_string(Qualifier q);   // "exact", "about", "at_least", "at_most"
std::optional<Mode> parse_mode(std::string_view s);
std::optional<StopKind> parse_stop_kind(std::string_view s);
std::optional<Confidence> parse_confidence(std::string_view s);
std::optional<Qualifier> parse_qualifier(std::string_view s);

// A source is defined once and referred to by id everywhere else.
struct Source {
  std::string id;
  std::string outlet;  // "Yonhap", "KCNA via kcnawatch.org", "Desk fact sheet"...
  std::string title;   // the real headline or page title, when known (may be empty)
  std::string about;   // what we took from it, in our words (may be empty)
  std::string url;     // may be empty
  std::string date;    // publication date as known (may be empty)
};

// The desk's own work (outlet "Desk fact sheet..." or "Newsroom desk..."): calculations, approximate
// coordinates, general knowledge. Never a publication: a fact, reported figure, date or reported stop must
// also cite an outlet, and it never counts towards "well_sourced".
bool is_desk_source(const Source& s);
// The publisher an outlet text names, for telling independent sources apart: lower-case, the first word
// (without a leading "The"), or the first two for names such as "Korea Herald" or "Asia Times".
// "The Korea Herald via asianews.network" -> "korea herald"; "KBS World German" -> "kbs";
// "Yonhap/EFE via Siasat" -> "yonhap". A heuristic: wire copy carried by another outlet counts as that outlet.
std::string outlet_key(std::string_view outlet);
// The compiled fact sheet is not a publication: a source with this id may not be defined or cited.
inline constexpr const char* kFactSheetSourceId = "factsheet";

// A named location with coordinates, defined once and used by stops.
struct Place {
  std::string id;
  std::string name;
  StopKind kind = StopKind::City;
  LatLon coord;
  std::string country;                     // ISO 3166 alpha-2, e.g. "KP", "CN"
  std::vector<std::string> coord_sources;  // where the coordinates come from
  std::string coord_note;
  // A point of a rail line only (a station no report names): it shapes the drawn line and its length, and is
  // never a stop, a label or a reported place.
  bool waypoint = false;
};

// The traced track between two consecutive stations of a line: the points, from `from` towards `to` and without
// the stations themselves, that make the drawn line follow the track. Copied from a public trace of the line.
struct TrackStretch {
  std::string from;    // a station (place id) of the line
  std::string to;      // the next station of the line after `from`
  std::string source;  // where the points come from
  std::vector<LatLon> points;
};

// A stretch's first point lies within this distance of its `from` station and its last within this of `to`
// (the traces are simplified: vertices 1-10 km apart on the plain). Farther means the stretch is attached to the
// wrong stations or its points are reversed.
constexpr double kTrackEndMaxKm = 15.0;

// A railway line as an ordered list of places (its stations, end to end) and, between some consecutive stations,
// the traced track. A rail leg between two stops that are both on one line follows the line's stations and
// track between them, in either direction, instead of a great circle. A stretch of track is given once, on one
// line, and serves every line through its two stations (the Khasan line's, for trips from Ussuriysk and Artyom).
struct RailLine {
  std::string id;
  std::string name;
  std::vector<std::string> places;   // place ids in line order, at least 2
  std::vector<std::string> sources;  // for the stations and their order
  std::vector<TrackStretch> track;   // in line order, at most one per pair of consecutive stations
};

// A local date, optionally a local time, with its UTC offset; and how it is known.
struct TimePoint {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0;
  int utc_offset_min = 0;   // minutes east of UTC: +09:00 -> 540, +08:30 -> 510
  bool approx = false;      // "about 15:00"
  std::string part_of_day;  // "morning", "afternoon"... when no exact time is known (may be empty)
  bool confirmed = true;    // false: only expected/announced, no report that it happened
  Confidence confidence = Confidence::Unspecified;
  std::vector<std::string> sources;
  std::string note;

  bool valid() const { return year != 0; }
  std::int64_t local_days() const { return days_from_civil(year, month, day); }
  // Minutes since 1970-01-01 00:00 UTC; only meaningful when has_time.
  std::int64_t utc_minutes() const;
  std::string date_string() const;  // "2018-03-26"
  std::string to_string() const;    // "2018-03-26 ~15:00 UTC+08:00", "2018-03-27 afternoon UTC+08:00"
};

// -1, 0, +1. UTC instants when both have a time; otherwise local calendar dates.
int compare(const TimePoint& a, const TimePoint& b);
// Hours from a to b; nullopt unless both have a time.
std::optional<double> hours_between(const TimePoint& a, const TimePoint& b);

// A reported number (distance, duration, speed) with its sources. A single value has min == max.
// from/to (place ids, optional) restrict a leg's figure to part of the leg, e.g. "Dandong to Beijing".
struct Figure {
  double min = 0.0;
  double max = 0.0;
  Qualifier qualifier = Qualifier::Exact;
  std::vector<std::string> sources;
  std::string from;  // place id of the first stop of the span; empty = whole leg
  std::string to;    // place id of the last stop of the span; empty = whole leg
  std::string note;
  Confidence confidence = Confidence::Unspecified;
  // A published length of the railway line over the span (not a figure for the trip): the computed length
  // along the lines must come within kLineLengthBand of it (tripcheck and the unit tests check).
  bool line_length = false;

  bool whole_leg() const { return from.empty() && to.empty(); }
  std::string to_string(const char* unit) const;  // "~4,000 km", ">=20 h", "16-20 h"
};

struct Stop {
  std::string place_id;
  std::string name;        // resolved from the place
  std::string local_name;  // in the place's own script, from assets/lang/local-names.json (core/localize.hpp)
  LatLon coord;            // resolved from the place
  StopKind kind = StopKind::City;
  bool reported = false;              // true: a source says he passed/stopped here; false: inferred
  std::optional<double> dwell_hours;  // reported halt, hours
  std::vector<std::string> sources;
  std::optional<TimePoint> when;  // reported time at this stop
  std::string note;
};

struct Leg {
  Mode mode = Mode::Train;
  std::string vehicle_id;
  std::vector<std::string> also_vehicles;  // other vehicles travelling with him (cargo plane...)
  Confidence vehicle_confidence = Confidence::Unspecified;
  std::vector<Stop> stops;
  std::vector<Figure> reported_distance_km;
  std::vector<Figure> reported_duration_h;
  std::vector<std::string> sources;  // for the mode and vehicle (what-ifs: for their basis)
  std::string note;
  bool what_if = false;
  // Resolved from the lines (train legs only): via[i] holds the points of the line followed from stops[i]
  // to stops[i+1], its stations and track points in between (empty: a great circle, or untraced neighbours),
  // via_line[i] that line's id ("" if none). Sized stops.size() - 1 (empty for fewer than two stops).
  std::vector<std::vector<LatLon>> via;
  std::vector<std::string> via_line;
};

struct WhatIfUnavailable {
  Mode mode = Mode::Train;
  std::string reason;
  std::vector<std::string> sources;  // for the reason (optional; may be empty)
};

struct Fact {
  std::string text;
  std::vector<std::string> sources;
  Confidence confidence = Confidence::Unspecified;
};

struct Trip {
  std::string id;  // stable, used in links: "2018-03-beijing"
  int number = 0;  // 1..n in date order
  std::string title;
  std::string destination;
  std::string country;
  std::string counterpart;
  std::string purpose;
  std::string summary;      // 1-3 short sentences for the fact card
  TimePoint depart;         // leaves Pyongyang
  TimePoint arrive;         // arrives at the destination
  TimePoint return_depart;  // leaves the destination
  TimePoint return_arrive;  // back in Pyongyang
  std::vector<Leg> outbound;
  std::vector<Leg> tour;  // travel within the host country (may be empty)
  std::vector<Leg> return_legs;
  std::vector<Leg> what_if;
  std::vector<WhatIfUnavailable> what_if_unavailable;
  std::vector<Fact> facts;
  std::vector<std::string> sources;  // for title, counterpart, purpose
};

struct Vehicle {
  std::string id;
  std::string name;
  Mode mode = Mode::Train;
  std::string description;
  std::optional<SpeedRange> timing_speed;  // speed range used to compute durations
  std::vector<std::string> timing_speed_sources;
  std::string timing_speed_note;
  std::vector<Figure> reported_speeds_kmh;  // every speed reported, conflicts kept
  std::vector<std::string> sources;
};

struct TripData {
  std::string title;
  std::vector<Source> sources;
  std::vector<Place> places;
  std::vector<RailLine> lines;
  std::vector<Vehicle> vehicles;
  std::vector<Trip> trips;

  const Source* find_source(std::string_view id) const;
  const Place* find_place(std::string_view id) const;
  const RailLine* find_line(std::string_view id) const;
  const Vehicle* find_vehicle(std::string_view id) const;
  const Trip* find_trip(std::string_view id) const;
};

// Train legs follow the rail lines: sets via and via_line from the lines of data (the loader and the page's copy,
// core/trips_pack.hpp, both call it). Other legs get empty ones.
void follow_lines(Leg& leg, const TripData& data);

struct LoadError {
  std::string file;
  std::size_t line = 0;  // 1-based; 0 when unknown
  std::string trip_id;   // empty outside trips
  std::string path;      // JSON pointer of the field, e.g. "/trips/2/outbound/0/mode"
  std::string message;   // what is wrong and what was expected

  // "assets/trips.json:120: trip 2018-03-beijing: /trips/0/outbound/0/mode: unknown mode ..."
  std::string to_string() const;
};

struct LoadResult {
  TripData data;                  // everything that could be read, even when there are errors
  std::vector<LoadError> errors;  // all of them, in document order
  bool ok() const { return errors.empty(); }
};

// Parse and validate trip data held in memory (tripcheck, tools/trips_pack at build time, the tests; the page reads
// the checked data packed: core/trips_pack.hpp). file_name is only used in error messages.
LoadResult load_trips(std::string_view json_text, std::string_view file_name);

// Read a file and load it; a file that cannot be read gives one error.
LoadResult load_trips_file(const std::string& path);

}  // namespace core
