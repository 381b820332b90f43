#include "core/trips.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "core/decimal.hpp"
#include "core/json.hpp"

namespace core {

// ------------------------------------------------------------------------------------------------------
// Enum names

const char* to_string(Mode m) {
  switch (m) {
    case Mode::Train: return "train";
    case Mode::Plane: return "plane";
    case Mode::Car: return "car";
  }
  return "?";
}

const char* to_string(StopKind k) {
  switch (k) {
    case StopKind::Station: return "station";
    case StopKind::Border: return "border";
    case StopKind::Airport: return "airport";
    case StopKind::City: return "city";
    case StopKind::Venue: return "venue";
  }
  return "?";
}

const char* to_string(Confidence c) {
  switch (c) {
    case Confidence::Unspecified: return "";
    case Confidence::WellSourced: return "well_sourced";
    case Confidence::SingleSource: return "single_source";
    case Confidence::Conflicting: return "conflicting";
    case Confidence::Unverified: return "unverified";
  }
  return "?";
}

const char* to_string(Qualifier q) {
  switch (q) {
    case Qualifier::Exact: return "exact";
    case Qualifier::About: return "about";
    case Qualifier::AtLeast: return "at_least";
    case Qualifier::AtMost: return "at_most";
  }
  return "?";
}

std::optional<Mode> parse_mode(std::string_view s) {
  if (s == "train") return Mode::Train;
  if (s == "plane") return Mode::Plane;
  if (s == "car") return Mode::Car;
  return std::nullopt;
}

std::optional<StopKind> parse_stop_kind(std::string_view s) {
  if (s == "station") return StopKind::Station;
  if (s == "border") return StopKind::Border;
  if (s == "airport") return StopKind::Airport;
  if (s == "city") return StopKind::City;
  if (s == "venue") return StopKind::Venue;
  return std::nullopt;
}

std::optional<Confidence> parse_confidence(std::string_view s) {
  if (s == "well_sourced") return Confidence::WellSourced;
  if (s == "single_source") return Confidence::SingleSource;
  if (s == "conflicting") return Confidence::Conflicting;
  if (s == "unverified") return Confidence::Unverified;
  return std::nullopt;
}

std::optional<Qualifier> parse_qualifier(std::string_view s) {
  if (s == "exact") return Qualifier::Exact;
  if (s == "about") return Qualifier::About;
  if (s == "at_least") return Qualifier::AtLeast;
  if (s == "at_most") return Qualifier::AtMost;
  return std::nullopt;
}

// ------------------------------------------------------------------------------------------------------
// Sources: the desk's own work, and which outlets are independent of each other

bool is_desk_source(const Source& s) {
  return s.outlet.rfind("Desk fact sheet", 0) == 0 || s.outlet.rfind("Newsroom desk", 0) == 0;
}

std::string outlet_key(std::string_view outlet) {
  // Lower-case words of letters and digits.
  std::vector<std::string> words;
  std::string w;
  for (char c : outlet) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9'))
      w += c;
    else if (u >= 'A' && u <= 'Z')
      w += static_cast<char>(u - 'A' + 'a');
    else if (!w.empty())
      words.push_back(std::move(w)), w.clear();
  }
  if (!w.empty()) words.push_back(std::move(w));
  std::size_t i = (!words.empty() && words[0] == "the") ? 1 : 0;
  if (i >= words.size()) return {};
  // Names whose first word alone says nothing: "Korea Herald", "Korea JoongAng Daily", "Asia Times".
  static const char* kTwoWord[] = {"korea",    "asia",   "south", "washington", "global", "pyongyang", "nk",
                                   "business", "public", "desk",  "newsroom",   "new",    "straits",   "vostok"};
  std::string key = words[i];
  for (const char* t : kTwoWord)
    if (key == t && i + 1 < words.size()) {
      key += " " + words[i + 1];
      break;
    }
  if (key == "korea joongang") key = "joongang";  // Korea JoongAng Daily is the JoongAng Ilbo's English edition
  return key;
}

// ------------------------------------------------------------------------------------------------------
// Time points and figures

std::int64_t TimePoint::utc_minutes() const { return local_days() * 1440 + hour * 60 + minute - utc_offset_min; }

std::string TimePoint::date_string() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string TimePoint::to_string() const {
  std::string s = date_string();
  if (has_time) {
    char buf[16];
    std::snprintf(buf, sizeof buf, " %s%02d:%02d", approx ? "~" : "", hour, minute);
    s += buf;
  } else if (!part_of_day.empty()) {
    s += " " + part_of_day;
  }
  const int off = utc_offset_min < 0 ? -utc_offset_min : utc_offset_min;
  char buf[24];
  std::snprintf(buf, sizeof buf, " UTC%c%02d:%02d", utc_offset_min < 0 ? '-' : '+', off / 60, off % 60);
  s += buf;
  if (!confirmed) s += " (expected, unconfirmed)";
  return s;
}

int compare(const TimePoint& a, const TimePoint& b) {
  std::int64_t x, y;
  if (a.has_time && b.has_time) {
    x = a.utc_minutes();
    y = b.utc_minutes();
  } else {
    x = a.local_days();
    y = b.local_days();
  }
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::optional<double> hours_between(const TimePoint& a, const TimePoint& b) {
  if (!a.has_time || !b.has_time) return std::nullopt;
  return static_cast<double>(b.utc_minutes() - a.utc_minutes()) / 60.0;
}

namespace {

std::string format_number(double v) {
  // Thousands separators for whole numbers, one decimal otherwise.
  if (std::fabs(v - std::round(v)) < 1e-9) {
    const long long n = std::llround(v);
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    int count = 0;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
      if (count > 0 && count % 3 == 0) out.insert(out.begin(), ',');
      out.insert(out.begin(), *it);
      ++count;
    }
    return (n < 0 ? "-" : "") + out;
  }
  return format_general(v, 10);
}

}  // namespace

std::string Figure::to_string(const char* unit) const {
  std::string prefix;
  switch (qualifier) {
    case Qualifier::Exact: break;
    case Qualifier::About: prefix = "~"; break;
    case Qualifier::AtLeast: prefix = ">="; break;
    case Qualifier::AtMost: prefix = "<="; break;
  }
  std::string v = format_number(min);
  if (max != min) v += "-" + format_number(max);
  return prefix + v + " " + unit;
}

// ------------------------------------------------------------------------------------------------------
// Lookups

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& v, std::string_view id) {
  for (const T& x : v)
    if (x.id == id) return &x;
  return nullptr;
}
}  // namespace

const Source* TripData::find_source(std::string_view id) const { return find_by_id(sources, id); }
const Place* TripData::find_place(std::string_view id) const { return find_by_id(places, id); }
const RailLine* TripData::find_line(std::string_view id) const { return find_by_id(lines, id); }
const Vehicle* TripData::find_vehicle(std::string_view id) const { return find_by_id(vehicles, id); }
const Trip* TripData::find_trip(std::string_view id) const { return find_by_id(trips, id); }

std::string LoadError::to_string() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  s += ": ";
  if (!trip_id.empty()) s += "trip " + trip_id + ": ";
  if (!path.empty()) s += path + ": ";
  s += message;
  return s;
}

namespace {

std::string escape_pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------------
// Validation

const char* type_name(const Json& v) { return v.type_name(); }

bool is_id(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return s.front() != '-' && s.back() != '-';
}

class Validator {
 public:
  // `lines_known`: the file has its lines (as editors write it); the published copy is one line (scripts/
  // publish.mjs), where only the paths say where an error is.
  Validator(Json root, std::string file, bool lines_known, std::vector<LoadError>& errors)
      : root_(root), file_(std::move(file)), lines_known_(lines_known), errors_(errors) {}

  void run(TripData& out);

 private:
  // --- errors
  // The line of the value at a JSON pointer such as "/trips/2/stops/0/time" or, when it is missing, of the
  // nearest value above it that is there.
  std::size_t line_of(const std::string& path) const {
    if (!lines_known_) return 0;
    Json at = root_;
    for (std::size_t i = 1; i <= path.size() && !path.empty();) {
      const std::size_t end = std::min(path.find('/', i), path.size());
      std::string step;
      for (std::size_t k = i; k < end; ++k) {  // "~1" is "/", "~0" is "~"
        if (path[k] == '~' && k + 1 < end && (path[k + 1] == '0' || path[k + 1] == '1'))
          step += path[++k] == '1' ? '/' : '~';
        else
          step += path[k];
      }
      // In an array the step is an index (ours, written by the loops below), in an object a key.
      std::size_t index = 0;
      for (char c : step) index = c >= '0' && c <= '9' && index < 100000000 ? index * 10 + std::size_t(c - '0') : 0;
      const Json next = at.is_array() ? at[index] : at[step];
      if (!next) break;
      at = next;
      i = end + 1;
    }
    return at.line();
  }
  void error(const std::string& path, const std::string& message) {
    errors_.push_back(LoadError{file_, line_of(path), trip_id_, path, message});
  }

  // --- field access. Each returns a missing value or nothing (after reporting) when the field is missing or
  // mistyped.
  Json get(const Json obj, const std::string& path, const char* key, bool required) {
    const Json v = obj[key];
    if (!v && required) error(path + "/" + key, std::string("missing field \"") + key + "\"");
    return v;
  }
  std::optional<std::string> get_string(const Json obj, const std::string& path, const char* key, bool required,
                                        bool non_empty = true) {
    const Json v = get(obj, path, key, required);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      error(path + "/" + key, std::string("expected a string, found ") + type_name(*v));
      return std::nullopt;
    }
    std::string s = v->string();
    if (non_empty && s.empty()) {
      error(path + "/" + key, "must not be empty");
      return std::nullopt;
    }
    return s;
  }
  std::optional<double> get_number(const Json obj, const std::string& path, const char* key, bool required) {
    const Json v = get(obj, path, key, required);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      error(path + "/" + key, std::string("expected a number, found ") + type_name(*v));
      return std::nullopt;
    }
    return v->number();
  }
  std::optional<bool> get_bool(const Json obj, const std::string& path, const char* key, bool required) {
    const Json v = get(obj, path, key, required);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
      error(path + "/" + key, std::string("expected true or false, found ") + type_name(*v));
      return std::nullopt;
    }
    return v->boolean();
  }
  Json get_array(const Json obj, const std::string& path, const char* key, bool required) {
    const Json v = get(obj, path, key, required);
    if (!v) return Json();
    if (!v->is_array()) {
      error(path + "/" + key, std::string("expected an array, found ") + type_name(*v));
      return Json();
    }
    return v;
  }
  bool expect_object(const Json v, const std::string& path, const char* what) {
    if (v.is_object()) return true;
    error(path, std::string("expected ") + what + " (an object), found " + type_name(v));
    return false;
  }
  // Unknown keys are errors (a typo such as "dwel_hours" would otherwise be silently ignored). Keys
  // starting with "_" are editors' comments and are ignored.
  void check_keys(const Json obj, const std::string& path, std::initializer_list<const char*> allowed) {
    std::vector<std::string> seen;
    for (const auto& [k, value] : obj.members()) {
      if (std::find(seen.begin(), seen.end(), k) != seen.end())
        error(path + "/" + escape_pointer_token(k), "field \"" + k + "\" is given twice (the last one counts)");
      seen.push_back(k);
      if (!k.empty() && k[0] == '_') continue;
      bool ok = false;
      for (const char* a : allowed) ok = ok || k == a;
      if (!ok) {
        std::string list;
        for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
        error(path + "/" + escape_pointer_token(k), "unknown field \"" + k + "\" (expected one of: " + list + ")");
      }
    }
  }
  std::optional<Confidence> get_confidence(const Json obj, const std::string& path) {
    auto s = get_string(obj, path, "confidence", false);
    if (!s) return std::nullopt;
    auto c = parse_confidence(*s);
    if (!c)
      error(path + "/confidence",
            "unknown confidence \"" + *s + "\" (expected well_sourced, single_source, conflicting or unverified)");
    return c;
  }
  // A non-empty list of known source ids. what = the thing needing sources, for the message.
  std::vector<std::string> get_sources(const Json obj, const std::string& path, const char* key, bool required,
                                       const std::string& what) {
    std::vector<std::string> out;
    const std::string p = path + "/" + key;
    const Json it = obj[key];
    if (!it) {
      if (required) error(p, "missing field \"" + std::string(key) + "\": " + what + " needs at least one source id");
      return out;
    }
    if (!it->is_array()) {
      error(p, std::string("expected an array of source ids, found ") + type_name(*it));
      return out;
    }
    if (it->empty() && required) error(p, what + " has no source: list at least one source id");
    for (std::size_t i = 0; i < it->size(); ++i) {
      const Json s = (*it)[i];
      const std::string ip = p + "/" + std::to_string(i);
      if (!s.is_string()) {
        error(ip, std::string("expected a source id (a string), found ") + type_name(s));
        continue;
      }
      const std::string id = s.string();
      if (source_ids_.count(id) == 0) error(ip, "unknown source id \"" + id + "\" (not defined in /sources)");
      out.push_back(id);
    }
    return out;
  }

  // --- sections
  void read_sources(const Json root, TripData& out);
  void read_places(const Json root, TripData& out);
  void read_lines(const Json root, TripData& out);
  void read_track(const Json l, const std::string& path, RailLine& line, const TripData& data);
  std::optional<LatLon> read_track_point(const Json v, const std::string& path);
  std::optional<LatLon> point_in_region(double lon, double lat, const std::string& path);
  void read_compact_points(const Json arr, const std::string& path, std::vector<LatLon>& out);
  void read_vehicles(const Json root, TripData& out);
  void read_trip(const Json t, const std::string& path, Trip& trip, const TripData& data);
  bool read_leg(const Json l, const std::string& path, Leg& leg, bool what_if, const TripData& data);
  bool read_time(const Json obj, const std::string& path, const char* key, bool required, TimePoint& tp);
  std::optional<Figure> read_figure(const Json f, const std::string& path, const char* what, bool allow_span);
  std::string read_id(const Json obj, const std::string& path, std::map<std::string, std::string>& seen,
                      const char* what);

  Json root_;
  std::string file_;
  bool lines_known_;
  std::vector<LoadError>& errors_;
  std::string trip_id_;
  std::map<std::string, std::size_t> source_ids_;
  struct SourceInfo {
    bool desk = false;
    std::string key;  // outlet_key of its outlet
  };
  std::map<std::string, SourceInfo> source_info_;

  // The rules every citation of a published claim follows (a fact, a reported figure, a date, a reported
  // stop): the compiled fact sheet is not a source; the desk's own work cannot stand alone; and
  // "well_sourced" needs two sources from different outlets, the desk's own not counted.
  // allow_desk_only: the desk's own work may stand alone (a timing assumption, not a published figure).
  void check_citation(const std::string& path, const std::vector<std::string>& sources, Confidence confidence,
                      const std::string& what, bool allow_desk_only = false);
};

void Validator::check_citation(const std::string& path, const std::vector<std::string>& sources, Confidence confidence,
                               const std::string& what, bool allow_desk_only) {
  std::vector<std::string> keys;
  bool any_known = false, any_outlet = false;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    if (sources[i] == kFactSheetSourceId)
      error(path + "/" + std::to_string(i),
            what + " cites \"" + sources[i] +
                "\", the desk's compiled fact sheet: it is not a publication; cite the outlet it names");
    auto it = source_info_.find(sources[i]);
    if (it == source_info_.end()) continue;
    any_known = true;
    if (it->second.desk) continue;
    any_outlet = true;
    if (std::find(keys.begin(), keys.end(), it->second.key) == keys.end()) keys.push_back(it->second.key);
  }
  if (any_known && !any_outlet && !allow_desk_only)
    error(path, what + " cites only the desk's own work: a published figure or claim needs an outlet as its source");
  if (confidence == Confidence::WellSourced && keys.size() < 2)
    error(path, what + " is marked \"well_sourced\" but has " + std::to_string(keys.size()) + " independent source" +
                    (keys.size() == 1 ? "" : "s") +
                    ": it needs two from different outlets (the desk's own work does not count); "
                    "otherwise mark it \"single_source\"");
}

std::string Validator::read_id(const Json obj, const std::string& path, std::map<std::string, std::string>& seen,
                               const char* what) {
  auto id = get_string(obj, path, "id", true);
  if (!id) return {};
  const std::string p = path + "/id";
  if (!is_id(*id)) {
    error(p, std::string(what) + " id \"" + *id + "\" must use only a-z, 0-9 and '-' (it is used in links)");
  }
  auto it = seen.find(*id);
  if (it != seen.end()) {
    error(p, std::string("duplicate ") + what + " id \"" + *id + "\" (first defined at " +
                 (lines_known_ ? "line " + std::to_string(line_of(it->second)) : it->second) + ")");
  } else {
    seen.emplace(*id, p);
  }
  return *id;
}

void Validator::read_sources(const Json root, TripData& out) {
  const Json arr = get_array(root, "", "sources", true);
  if (!arr) return;
  std::map<std::string, std::string> seen;  // id -> where it was first defined
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const Json s = (*arr)[i];
    const std::string p = "/sources/" + std::to_string(i);
    if (!expect_object(s, p, "a source")) continue;
    check_keys(s, p, {"id", "outlet", "title", "about", "url", "date", "note"});
    Source src;
    src.id = read_id(s, p, seen, "source");
    src.outlet = get_string(s, p, "outlet", true).value_or("");
    src.title = get_string(s, p, "title", false, false).value_or("");
    src.about = get_string(s, p, "about", false, false).value_or("");
    src.url = get_string(s, p, "url", false, false).value_or("");
    src.date = get_string(s, p, "date", false, false).value_or("");
    if (!src.url.empty() && src.url.rfind("http://", 0) != 0 && src.url.rfind("https://", 0) != 0)
      error(p + "/url", "url must start with http:// or https://, found \"" + src.url + "\"");
    if (src.id == kFactSheetSourceId)
      error(p + "/id", "\"" + src.id +
                           "\" (the desk's compiled fact sheet) is not a publication and may not be a "
                           "source: cite the outlets it names");
    if (!src.id.empty()) {
      source_ids_.emplace(src.id, i);
      source_info_[src.id] = SourceInfo{is_desk_source(src), outlet_key(src.outlet)};
    }
    out.sources.push_back(std::move(src));
  }
}

void Validator::read_places(const Json root, TripData& out) {
  const Json arr = get_array(root, "", "places", true);
  if (!arr) return;
  std::map<std::string, std::string> seen;  // id -> where it was first defined
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const Json s = (*arr)[i];
    const std::string p = "/places/" + std::to_string(i);
    if (!expect_object(s, p, "a place")) continue;
    check_keys(s, p, {"id", "name", "kind", "lat", "lon", "country", "coord_sources", "coord_note", "waypoint"});
    Place pl;
    pl.id = read_id(s, p, seen, "place");
    pl.name = get_string(s, p, "name", true).value_or("");
    if (auto k = get_string(s, p, "kind", true)) {
      if (auto kind = parse_stop_kind(*k))
        pl.kind = *kind;
      else
        error(p + "/kind", "unknown place kind \"" + *k + "\" (expected station, border, airport, city or venue)");
    }
    auto lat = get_number(s, p, "lat", true);
    auto lon = get_number(s, p, "lon", true);
    if (lat && !(*lat >= -90.0 && *lat <= 90.0))
      error(p + "/lat", "latitude " + format_number(*lat) + " is out of range (expected -90 to 90 degrees)");
    if (lon && !(*lon >= -180.0 && *lon <= 180.0))
      error(p + "/lon", "longitude " + format_number(*lon) + " is out of range (expected -180 to 180 degrees)");
    pl.coord = {lat.value_or(0.0), lon.value_or(0.0)};
    pl.country = get_string(s, p, "country", false).value_or("");
    pl.coord_sources = get_sources(s, p, "coord_sources", true, "coordinate of place \"" + pl.id + "\"");
    pl.coord_note = get_string(s, p, "coord_note", false, false).value_or("");
    pl.waypoint = get_bool(s, p, "waypoint", false).value_or(false);
    out.places.push_back(std::move(pl));
  }
}

void Validator::read_lines(const Json root, TripData& out) {
  const Json arr = get_array(root, "", "lines", false);
  if (!arr) return;
  std::map<std::string, std::string> seen;  // id -> where it was first defined
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const Json l = (*arr)[i];
    const std::string p = "/lines/" + std::to_string(i);
    if (!expect_object(l, p, "a rail line")) continue;
    check_keys(l, p, {"id", "name", "places", "sources", "note", "track"});
    RailLine line;
    line.id = read_id(l, p, seen, "line");
    line.name = get_string(l, p, "name", true).value_or("");
    if (const Json places = get_array(l, p, "places", true)) {
      if (places->size() < 2)
        error(p + "/places", "a line needs at least 2 places, found " + std::to_string(places->size()));
      for (std::size_t j = 0; j < places->size(); ++j) {
        const Json id = (*places)[j];
        const std::string pp = p + "/places/" + std::to_string(j);
        if (!id.is_string()) {
          error(pp, std::string("expected a place id (a string), found ") + type_name(id));
          continue;
        }
        const std::string place = id.string();
        if (!out.find_place(place))
          error(pp, "unknown place id \"" + place + "\" (not defined in /places)");
        else if (std::find(line.places.begin(), line.places.end(), place) != line.places.end())
          error(pp, "place \"" + place + "\" appears twice on the line");
        line.places.push_back(place);
      }
    }
    line.sources = get_sources(l, p, "sources", true, "line \"" + line.id + "\" (its stations and their order)");
    (void)get_string(l, p, "note", false, false);  // how the line was traced, for editors: checked, never shown
    read_track(l, p, line, out);
    out.lines.push_back(std::move(line));
  }
  // Every waypoint place draws some line (a waypoint on no line is a leftover).
  for (std::size_t i = 0; i < out.places.size(); ++i) {
    const Place& pl = out.places[i];
    if (!pl.waypoint) continue;
    bool used = false;
    for (const RailLine& line : out.lines)
      used = used || std::find(line.places.begin(), line.places.end(), pl.id) != line.places.end();
    if (!used)
      error("/places/" + std::to_string(i) + "/waypoint", "waypoint \"" + pl.id + "\" is on no line in /lines");
  }
}

// One [lon, lat] pair of a track stretch, in GeoJSON order as the traces give it, inside the region of the trips.
std::optional<LatLon> Validator::read_track_point(const Json v, const std::string& path) {
  if (!v.is_array() || v.size() != 2 || !v[0].is_number() || !v[1].is_number()) {
    error(path, std::string("expected a point [lon, lat] (two numbers), found ") +
                    (v.is_array() ? "an array of " + std::to_string(v.size()) + " items" : type_name(v)));
    return std::nullopt;
  }
  return point_in_region(v[0].number(), v[1].number(), path);
}

// A track point inside the region of the trips, or nothing (after saying so): written and compact points alike.
std::optional<LatLon> Validator::point_in_region(double lon, double lat, const std::string& path) {
  if (!std::isfinite(lon) || !std::isfinite(lat) || lon < kRegionWestLon || lon > kRegionEastLon ||
      lat < kRegionSouthLat || lat > kRegionNorthLat) {
    error(path, "point [" + format_number(lon) + ", " + format_number(lat) +
                    "] is outside the region of the trips (longitude " + format_number(kRegionWestLon) + " to " +
                    format_number(kRegionEastLon) + ", latitude " + format_number(kRegionSouthLat) + " to " +
                    format_number(kRegionNorthLat) + "; a point is [lon, lat], longitude first)");
    return std::nullopt;
  }
  return LatLon{lat, lon};
}

// "points_e4": whole numbers in pairs, lon and lat in 1e-4 degrees (11 m: under a CSS pixel at the closest zoom),
// the first pair as it is and each next the step from the one before; every point decoded is checked as a written
// one is.
void Validator::read_compact_points(const Json arr, const std::string& path, std::vector<LatLon>& out) {
  if (arr.size() % 2 != 0) {
    error(path, "expected pairs of whole numbers (lon, lat in 1e-4 degrees), found " + std::to_string(arr.size()) +
                    " numbers");
    return;
  }
  long long x = 0, y = 0;
  for (std::size_t j = 0; j + 1 < arr.size(); j += 2) {
    const Json dx = arr[j], dy = arr[j + 1];
    constexpr long long kLimit = 3600000;  // 360 degrees: a step beyond it is no step along a line
    if (!dx.is_number_integer() || !dy.is_number_integer() || std::llabs(dx.integer()) > kLimit ||
        std::llabs(dy.integer()) > kLimit) {
      error(path + "/" + std::to_string(j), "expected whole numbers (1e-4 degrees) of at most 360 degrees");
      return;
    }
    x += dx.integer();
    y += dy.integer();
    const std::optional<LatLon> point =
        point_in_region(static_cast<double>(x) / 1e4, static_cast<double>(y) / 1e4, path + "/" + std::to_string(j));
    if (!point) return;
    out.push_back(*point);
  }
}

// The traced stretches of a line: each between a station and the next one on the line, in line order, with a
// known source, points inside the region, and ends near its stations.
void Validator::read_track(const Json l, const std::string& p, RailLine& line, const TripData& data) {
  const Json arr = get_array(l, p, "track", false);
  if (!arr) return;
  long last_from = -1;  // index in line.places of the previous stretch's `from`
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const Json t = (*arr)[i];
    const std::string tp = p + "/track/" + std::to_string(i);
    if (!expect_object(t, tp, "a track stretch")) continue;
    check_keys(t, tp, {"from", "to", "source", "points", "points_e4"});
    TrackStretch st;
    st.from = get_string(t, tp, "from", true).value_or("");
    st.to = get_string(t, tp, "to", true).value_or("");
    if (auto src = get_string(t, tp, "source", true)) {
      st.source = *src;
      if (source_ids_.count(st.source) == 0)
        error(tp + "/source", "unknown source id \"" + st.source + "\" (not defined in /sources)");
    }
    // from and to: consecutive stations of this line, in its order; stretches in line order, each pair once.
    const auto at = [&](const std::string& id) -> long {
      const auto it = std::find(line.places.begin(), line.places.end(), id);
      return it == line.places.end() ? -1 : static_cast<long>(it - line.places.begin());
    };
    const long from = st.from.empty() ? -1 : at(st.from), to = st.to.empty() ? -1 : at(st.to);
    bool ends_ok = from >= 0 && to >= 0;
    if (!st.from.empty() && from < 0)
      error(tp + "/from", "\"" + st.from + "\" is not a station of line \"" + line.id + "\" (its \"places\")");
    if (!st.to.empty() && to < 0)
      error(tp + "/to", "\"" + st.to + "\" is not a station of line \"" + line.id + "\" (its \"places\")");
    if (ends_ok && to != from + 1) {
      const std::string next = from + 1 < static_cast<long>(line.places.size())
                                   ? "\"" + line.places[static_cast<std::size_t>(from) + 1] + "\""
                                   : "none: it is the line's last station";
      error(tp + "/to", "a stretch runs from a station to the next one on the line: after \"" + st.from + "\" comes " +
                            next + ", not \"" + st.to + "\"");
      ends_ok = false;
    }
    if (ends_ok && from <= last_from)
      error(tp + "/from", "stretches go in line order, each pair of stations once: the stretch from \"" + st.from +
                              "\" comes after one from \"" + line.places[static_cast<std::size_t>(last_from)] + "\"");
    if (ends_ok) last_from = std::max(last_from, from);
    // The track between two stations is the railway's, not a line's: one stretch serves every line through both
    // (see line_between), so a second copy is refused rather than left to disagree with the first.
    if (ends_ok)
      for (std::size_t other = 0; other < data.lines.size(); ++other)
        for (const TrackStretch& given : data.lines[other].track)
          if ((given.from == st.from && given.to == st.to) || (given.from == st.to && given.to == st.from))
            error(tp + "/from", "the track between \"" + st.from + "\" and \"" + st.to +
                                    "\" is already given by line \"" + data.lines[other].id +
                                    "\": give a stretch once, and every line through both stations follows it");
    // Editors write "points" ([lon, lat] pairs); the page's copy (scripts/publish.mjs) writes "points_e4": the
    // same points in 1e-4 degrees, lon and lat, the first as they are and each next as the step from the one before.
    const bool compact = !t["points"] && t["points_e4"];
    const std::string key = compact ? "points_e4" : "points";
    std::size_t written = 0;  // the points the file gives
    if (const Json pts = get_array(t, tp, key.c_str(), true)) {
      written = compact ? pts->size() / 2 : pts->size();
      if (pts->empty()) error(tp + "/" + key, "a stretch needs at least one point (or leave the stretch out)");
      if (compact) {
        read_compact_points(*pts, tp + "/points_e4", st.points);
      } else {
        for (std::size_t j = 0; j < pts->size(); ++j)
          if (auto pt = read_track_point((*pts)[j], tp + "/points/" + std::to_string(j))) st.points.push_back(*pt);
      }
    }
    if (t["points"] && t["points_e4"]) error(tp + "/points_e4", "give \"points\" or \"points_e4\", not both");
    if (ends_ok && !st.points.empty() && st.points.size() == written) {
      const std::string last = tp + "/" + key + "/" + std::to_string(compact ? 2 * (written - 1) : written - 1);
      const Place* a = data.find_place(st.from);
      const Place* b = data.find_place(st.to);
      const double da = a ? great_circle_km(a->coord, st.points.front()) : 0.0;
      const double db = b ? great_circle_km(b->coord, st.points.back()) : 0.0;
      if (da > kTrackEndMaxKm)
        error(tp + "/" + key + "/0", "the stretch's first point is " + format_number(std::round(da)) + " km from \"" +
                                         st.from + "\": it must lie within " + format_number(kTrackEndMaxKm) +
                                         " km (are the points reversed, or the stretch on the wrong stations?)");
      if (db > kTrackEndMaxKm)
        error(last, "the stretch's last point is " + format_number(std::round(db)) + " km from \"" + st.to +
                        "\": it must lie within " + format_number(kTrackEndMaxKm) +
                        " km (are the points reversed, or the stretch on the wrong stations?)");
    }
    line.track.push_back(std::move(st));
  }
}

namespace {
// The traced track from station a to the next station b, in that order. A stretch is the railway's, given once
// (the check in read_track): any line's stretch between the two stations, in either direction (then reversed).
void append_track(const TripData& data, const std::string& a, const std::string& b, std::vector<LatLon>& out) {
  for (const RailLine& other : data.lines)
    for (const TrackStretch& st : other.track) {
      if (st.from == a && st.to == b) {
        out.insert(out.end(), st.points.begin(), st.points.end());
        return;
      }
      if (st.from == b && st.to == a) {
        out.insert(out.end(), st.points.rbegin(), st.points.rend());
        return;
      }
    }
}

// The points of a line strictly between its stations a and b, in travel order from a to b (either direction
// along the line): the stations in between and the track points of each stretch; nullopt unless the line has both.
std::optional<std::vector<LatLon>> line_between(const RailLine& line, const TripData& data, const std::string& a,
                                                const std::string& b) {
  const auto ia = std::find(line.places.begin(), line.places.end(), a);
  const auto ib = std::find(line.places.begin(), line.places.end(), b);
  if (ia == line.places.end() || ib == line.places.end() || ia == ib) return std::nullopt;
  const std::size_t lo = static_cast<std::size_t>(std::min(ia, ib) - line.places.begin());
  const std::size_t hi = static_cast<std::size_t>(std::max(ia, ib) - line.places.begin());
  // Walk from the lower station to the higher one in line order, then reverse if travelling the other way.
  std::vector<LatLon> out;
  for (std::size_t k = lo; k < hi; ++k) {
    if (k > lo)
      if (const Place* station = data.find_place(line.places[k])) out.push_back(station->coord);
    append_track(data, line.places[k], line.places[k + 1], out);
  }
  if (ia > ib) std::reverse(out.begin(), out.end());
  return out;
}
}  // namespace

std::optional<Figure> Validator::read_figure(const Json f, const std::string& p, const char* what, bool allow_span) {
  if (!expect_object(f, p, "a figure")) return std::nullopt;
  if (allow_span)
    check_keys(f, p,
               {"value", "min", "max", "qualifier", "sources", "from", "to", "note", "confidence", "line_length"});
  else
    check_keys(f, p, {"value", "min", "max", "qualifier", "sources", "note", "confidence"});
  Figure fig;
  bool ok = true;
  if (f.contains("value")) {
    auto v = get_number(f, p, "value", true);
    if (f.contains("min") || f.contains("max")) {
      error(p, "give either \"value\" or \"min\"/\"max\", not both");
      ok = false;
    }
    if (!v) ok = false;
    fig.min = fig.max = v.value_or(0.0);
  } else if (f.contains("min") || f.contains("max")) {
    auto lo = get_number(f, p, "min", true);
    auto hi = get_number(f, p, "max", true);
    if (!lo || !hi) ok = false;
    fig.min = lo.value_or(0.0);
    fig.max = hi.value_or(0.0);
    if (lo && hi && *lo > *hi) {
      error(p + "/max", "max " + format_number(*hi) + " is less than min " + format_number(*lo));
      ok = false;
    }
  } else {
    error(p + "/value", std::string("missing field \"value\" (or \"min\" and \"max\") for ") + what);
    ok = false;
  }
  if (ok && !(fig.min > 0.0)) {
    error(p + (f.contains("value") ? "/value" : "/min"), std::string(what) + " must be greater than 0");
    ok = false;
  }
  if (auto q = get_string(f, p, "qualifier", false)) {
    if (auto qq = parse_qualifier(*q))
      fig.qualifier = *qq;
    else
      error(p + "/qualifier", "unknown qualifier \"" + *q + "\" (expected exact, about, at_least or at_most)");
  }
  fig.sources = get_sources(f, p, "sources", true, std::string("reported ") + what);
  if (allow_span) {
    fig.from = get_string(f, p, "from", false).value_or("");
    fig.to = get_string(f, p, "to", false).value_or("");
    fig.line_length = get_bool(f, p, "line_length", false).value_or(false);
  }
  fig.note = get_string(f, p, "note", false, false).value_or("");
  fig.confidence = get_confidence(f, p).value_or(Confidence::Unspecified);
  const bool timing = std::string(what) == "timing speed";
  check_citation(p + "/sources", fig.sources, fig.confidence,
                 timing ? "the timing speed" : std::string("a reported ") + what, timing);
  if (!ok) return std::nullopt;
  return fig;
}

bool parse_fixed_int(const std::string& s, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

bool Validator::read_time(const Json obj, const std::string& path, const char* key, bool required, TimePoint& tp) {
  const Json v = get(obj, path, key, required);
  if (!v) return false;
  const std::string p = path + "/" + key;
  if (!expect_object(*v, p, "a date/time")) return false;
  check_keys(*v, p,
             {"date", "time", "utc_offset", "approx", "part_of_day", "confirmed", "confidence", "sources", "note"});
  bool ok = true;
  if (auto d = get_string(*v, p, "date", true)) {
    int y = 0, m = 0, dd = 0;
    if (d->size() != 10 || (*d)[4] != '-' || (*d)[7] != '-' || !parse_fixed_int(*d, 0, 4, y) ||
        !parse_fixed_int(*d, 5, 2, m) || !parse_fixed_int(*d, 8, 2, dd) || m < 1 || m > 12 || dd < 1 ||
        dd > days_in_month(y, m)) {
      error(p + "/date", "invalid date \"" + *d + "\" (expected YYYY-MM-DD, e.g. 2018-03-25)");
      ok = false;
    } else {
      tp.year = y;
      tp.month = m;
      tp.day = dd;
    }
  } else {
    ok = false;
  }
  if (auto t = get_string(*v, p, "time", false)) {
    int h = 0, mi = 0;
    if (t->size() != 5 || (*t)[2] != ':' || !parse_fixed_int(*t, 0, 2, h) || !parse_fixed_int(*t, 3, 2, mi) || h > 23 ||
        mi > 59) {
      error(p + "/time", "invalid time \"" + *t + "\" (expected local HH:MM, 24-hour, e.g. 15:00)");
    } else {
      tp.has_time = true;
      tp.hour = h;
      tp.minute = mi;
    }
  }
  if (auto o = get_string(*v, p, "utc_offset", true)) {
    int h = 0, mi = 0;
    if (o->size() != 6 || ((*o)[0] != '+' && (*o)[0] != '-') || (*o)[3] != ':' || !parse_fixed_int(*o, 1, 2, h) ||
        !parse_fixed_int(*o, 4, 2, mi) || h > 14 || mi > 59) {
      error(p + "/utc_offset", "invalid UTC offset \"" + *o + "\" (expected +HH:MM, e.g. +09:00 or +08:30)");
    } else {
      tp.utc_offset_min = ((*o)[0] == '-' ? -1 : 1) * (h * 60 + mi);
    }
  }
  tp.approx = get_bool(*v, p, "approx", false).value_or(false);
  if (auto pod = get_string(*v, p, "part_of_day", false)) {
    static const char* kParts[] = {"early morning",  "morning", "midday", "afternoon",
                                   "late afternoon", "evening", "night"};
    bool known = false;
    for (const char* k : kParts) known = known || *pod == k;
    if (!known)
      error(p + "/part_of_day", "unknown part of day \"" + *pod +
                                    "\" (expected early morning, morning, midday, afternoon, late afternoon, "
                                    "evening or night)");
    else
      tp.part_of_day = *pod;
  }
  tp.confirmed = get_bool(*v, p, "confirmed", false).value_or(true);
  tp.confidence = get_confidence(*v, p).value_or(Confidence::Unspecified);
  tp.sources = get_sources(*v, p, "sources", true, std::string("date \"") + key + "\"");
  check_citation(p + "/sources", tp.sources, tp.confidence, std::string("the date \"") + key + "\"");
  tp.note = get_string(*v, p, "note", false, false).value_or("");
  return ok;
}

void Validator::read_vehicles(const Json root, TripData& out) {
  const Json arr = get_array(root, "", "vehicles", true);
  if (!arr) return;
  std::map<std::string, std::string> seen;  // id -> where it was first defined
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const Json s = (*arr)[i];
    const std::string p = "/vehicles/" + std::to_string(i);
    if (!expect_object(s, p, "a vehicle")) continue;
    check_keys(s, p, {"id", "name", "mode", "description", "timing_speed_kmh", "reported_speeds_kmh", "sources"});
    Vehicle veh;
    veh.id = read_id(s, p, seen, "vehicle");
    veh.name = get_string(s, p, "name", true).value_or("");
    if (auto m = get_string(s, p, "mode", true)) {
      if (auto mode = parse_mode(*m))
        veh.mode = *mode;
      else
        error(p + "/mode", "unknown mode \"" + *m + "\" (expected train, plane or car)");
    }
    veh.description = get_string(s, p, "description", true).value_or("");
    if (const Json ts = get(s, p, "timing_speed_kmh", false)) {
      const std::string tp = p + "/timing_speed_kmh";
      if (auto f = read_figure(*ts, tp, "timing speed", false)) {
        veh.timing_speed = SpeedRange{f->min, f->max};
        veh.timing_speed_sources = f->sources;
        veh.timing_speed_note = f->note;
      }
    }
    if (const Json rs = get_array(s, p, "reported_speeds_kmh", false)) {
      for (std::size_t j = 0; j < rs->size(); ++j)
        if (auto f = read_figure((*rs)[j], p + "/reported_speeds_kmh/" + std::to_string(j), "speed", false))
          veh.reported_speeds_kmh.push_back(*f);
    }
    veh.sources = get_sources(s, p, "sources", true, "vehicle \"" + veh.id + "\"");
    out.vehicles.push_back(std::move(veh));
  }
}

bool Validator::read_leg(const Json l, const std::string& p, Leg& leg, bool what_if, const TripData& data) {
  if (!expect_object(l, p, "a leg")) return false;
  check_keys(l, p,
             {"mode", "vehicle", "also", "vehicle_confidence", "stops", "reported_distance_km", "reported_duration_h",
              "sources", "note", "what_if"});
  bool mode_ok = false;
  if (auto m = get_string(l, p, "mode", true)) {
    if (auto mode = parse_mode(*m)) {
      leg.mode = *mode;
      mode_ok = true;
    } else {
      error(p + "/mode", "unknown mode \"" + *m + "\" (expected train, plane or car)");
    }
  }
  if (auto v = get_string(l, p, "vehicle", true)) {
    leg.vehicle_id = *v;
    const Vehicle* veh = data.find_vehicle(*v);
    if (!veh)
      error(p + "/vehicle", "unknown vehicle id \"" + *v + "\" (not defined in /vehicles)");
    else if (mode_ok && veh->mode != leg.mode)
      error(p + "/vehicle",
            "vehicle \"" + *v + "\" is a " + to_string(veh->mode) + " but the leg's mode is " + to_string(leg.mode));
  }
  if (const Json also = get_array(l, p, "also", false)) {
    for (std::size_t i = 0; i < also->size(); ++i) {
      const Json a = (*also)[i];
      if (!a.is_string() || !data.find_vehicle(a.string())) {
        error(p + "/also/" + std::to_string(i), "expected a vehicle id defined in /vehicles");
        continue;
      }
      leg.also_vehicles.push_back(a.string());
    }
  }
  if (auto c = get_string(l, p, "vehicle_confidence", false)) {
    if (auto cc = parse_confidence(*c))
      leg.vehicle_confidence = *cc;
    else
      error(p + "/vehicle_confidence", "unknown confidence \"" + *c + "\"");
  }
  // what_if flag: required (true) on what-if legs, forbidden (or false) on real legs.
  {
    auto w = get_bool(l, p, "what_if", what_if);
    if (what_if && w && !*w) error(p + "/what_if", "legs under \"what_if\" must have \"what_if\": true");
    if (!what_if && w && *w)
      error(p + "/what_if", "a leg marked \"what_if\": true must be listed under the trip's \"what_if\", not here");
    leg.what_if = what_if;
  }
  leg.sources = get_sources(l, p, "sources", true, what_if ? "what-if leg" : "leg (its mode and vehicle)");
  if (leg.vehicle_confidence == Confidence::WellSourced)
    check_citation(p + "/vehicle_confidence", leg.sources, leg.vehicle_confidence, "the leg's vehicle");
  leg.note = get_string(l, p, "note", false, false).value_or("");

  bool ok = true;
  if (const Json stops = get_array(l, p, "stops", true)) {
    if (stops->size() < 2) {
      error(p + "/stops", "a route needs at least 2 stops, found " + std::to_string(stops->size()));
      ok = false;
    }
    std::optional<TimePoint> last_time;  // a copy: leg.stops may reallocate
    std::string last_time_path;
    for (std::size_t i = 0; i < stops->size(); ++i) {
      const Json s = (*stops)[i];
      const std::string sp = p + "/stops/" + std::to_string(i);
      if (!expect_object(s, sp, "a stop")) continue;
      check_keys(s, sp, {"place", "reported", "dwell_hours", "sources", "when", "note"});
      Stop st;
      if (auto pl = get_string(s, sp, "place", true)) {
        st.place_id = *pl;
        if (const Place* place = data.find_place(*pl)) {
          if (place->waypoint)
            error(sp + "/place", "place \"" + *pl +
                                     "\" is a line waypoint (\"waypoint\": true): it only draws a rail line and "
                                     "cannot be a stop; make it a place of its own kind to list it as a stop");
          st.name = place->name;
          st.coord = place->coord;
          st.kind = place->kind;
        } else {
          error(sp + "/place", "unknown place id \"" + *pl + "\" (not defined in /places)");
        }
      }
      auto rep = get_bool(s, sp, "reported", true);
      st.reported = rep.value_or(false);
      st.sources =
          get_sources(s, sp, "sources", st.reported, "reported stop \"" + st.place_id + "\" (\"reported\": true)");
      if (st.reported)
        check_citation(sp + "/sources", st.sources, Confidence::Unspecified,
                       "the reported stop \"" + st.place_id + "\"");
      if (auto d = get_number(s, sp, "dwell_hours", false)) {
        if (*d < 0.0)
          error(sp + "/dwell_hours", "dwell time must be 0 or more hours");
        else
          st.dwell_hours = *d;
      }
      TimePoint tp;
      if (s.contains("when") && read_time(s, sp, "when", false, tp)) {
        if (last_time && compare(*last_time, tp) > 0)
          error(sp + "/when/date", "dates out of order: " + tp.to_string() + " is before the previous stop's " +
                                       last_time->to_string() + " (" + last_time_path + ")");
        st.when = tp;
      }
      st.note = get_string(s, sp, "note", false, false).value_or("");
      leg.stops.push_back(std::move(st));
      if (leg.stops.back().when) {
        last_time = leg.stops.back().when;
        last_time_path = sp + "/when";
      }
    }
  } else {
    ok = false;
  }

  follow_lines(leg, data);

  // Figures, with optional spans that must name stops of this leg in order.
  auto stop_index = [&](const std::string& id) -> long {
    for (std::size_t i = 0; i < leg.stops.size(); ++i)
      if (leg.stops[i].place_id == id) return static_cast<long>(i);
    return -1;
  };
  auto read_figures = [&](const char* key, const char* what, std::vector<Figure>& into) {
    const Json arr = get_array(l, p, key, false);
    if (!arr) return;
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const std::string fp = p + "/" + key + "/" + std::to_string(i);
      auto f = read_figure((*arr)[i], fp, what, true);
      if (!f) continue;
      const long a = f->from.empty() ? 0 : stop_index(f->from);
      const long b = f->to.empty() ? static_cast<long>(leg.stops.size()) - 1 : stop_index(f->to);
      if (a < 0) error(fp + "/from", "\"" + f->from + "\" is not a stop of this leg");
      if (b < 0) error(fp + "/to", "\"" + f->to + "\" is not a stop of this leg");
      if (a >= 0 && b >= 0 && a >= b) error(fp + "/to", "span must run forward along the leg (\"from\" before \"to\")");
      if (f->line_length && leg.mode != Mode::Train)
        error(fp + "/line_length", "\"line_length\" is a railway line's length: only train legs have one");
      into.push_back(*f);
    }
  };
  read_figures("reported_distance_km", "distance", leg.reported_distance_km);
  read_figures("reported_duration_h", "duration", leg.reported_duration_h);
  return ok;
}

void Validator::read_trip(const Json t, const std::string& p, Trip& trip, const TripData& data) {
  check_keys(t, p,
             {"id", "number", "title", "destination", "country", "counterpart", "purpose", "summary", "depart",
              "arrive", "return_depart", "return_arrive", "outbound", "tour", "return", "what_if",
              "what_if_unavailable", "facts", "sources"});
  if (auto n = get_number(t, p, "number", true)) {
    if (*n < 1 || *n > 999 || std::floor(*n) != *n)
      error(p + "/number", "trip number must be a whole number from 1 to 999");
    else
      trip.number = static_cast<int>(*n);
  }
  trip.title = get_string(t, p, "title", true).value_or("");
  trip.destination = get_string(t, p, "destination", true).value_or("");
  trip.country = get_string(t, p, "country", true).value_or("");
  trip.counterpart = get_string(t, p, "counterpart", true).value_or("");
  trip.purpose = get_string(t, p, "purpose", true).value_or("");
  trip.summary = get_string(t, p, "summary", true).value_or("");
  trip.sources = get_sources(t, p, "sources", true, "trip (title, counterpart, purpose)");

  struct Named {
    const char* key;
    TimePoint* tp;
    bool ok;
  };
  Named times[] = {{"depart", &trip.depart, false},
                   {"arrive", &trip.arrive, false},
                   {"return_depart", &trip.return_depart, false},
                   {"return_arrive", &trip.return_arrive, false}};
  for (Named& n : times) n.ok = read_time(t, p, n.key, true, *n.tp);
  // Each date must not be before the previous known one.
  const Named* prev = nullptr;
  for (const Named& n : times) {
    if (!n.ok) continue;
    if (prev && compare(*prev->tp, *n.tp) > 0)
      error(p + "/" + n.key + "/date", std::string("dates out of order: \"") + n.key + "\" (" + n.tp->to_string() +
                                           ") is before \"" + prev->key + "\" (" + prev->tp->to_string() +
                                           "); expected depart <= arrive <= return_depart <= return_arrive");
    prev = &n;
  }

  auto read_legs = [&](const char* key, bool required, bool what_if, std::vector<Leg>& into) {
    const Json arr = get_array(t, p, key, required);
    if (!arr) return;
    if (required && arr->empty()) error(p + "/" + key, "needs at least one leg");
    for (std::size_t i = 0; i < arr->size(); ++i) {
      Leg leg;
      read_leg((*arr)[i], p + "/" + key + "/" + std::to_string(i), leg, what_if, data);
      into.push_back(std::move(leg));
    }
  };
  read_legs("outbound", true, false, trip.outbound);
  read_legs("tour", false, false, trip.tour);
  read_legs("return", true, false, trip.return_legs);
  read_legs("what_if", false, true, trip.what_if);

  if (const Json arr = get_array(t, p, "what_if_unavailable", false)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const Json w = (*arr)[i];
      const std::string wp = p + "/what_if_unavailable/" + std::to_string(i);
      if (!expect_object(w, wp, "an unavailable what-if")) continue;
      check_keys(w, wp, {"mode", "reason", "sources"});
      WhatIfUnavailable u;
      if (auto m = get_string(w, wp, "mode", true)) {
        if (auto mode = parse_mode(*m))
          u.mode = *mode;
        else
          error(wp + "/mode", "unknown mode \"" + *m + "\" (expected train, plane or car)");
      }
      u.reason = get_string(w, wp, "reason", true).value_or("");
      u.sources = get_sources(w, wp, "sources", false, "the reason");
      check_citation(wp + "/sources", u.sources, Confidence::Unspecified, "the reason");
      trip.what_if_unavailable.push_back(std::move(u));
    }
  }
  if (trip.what_if.empty() && trip.what_if_unavailable.empty())
    error(p + "/what_if", "every trip needs a what-if leg, or a \"what_if_unavailable\" entry saying why not");

  if (const Json arr = get_array(t, p, "facts", true)) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      const Json f = (*arr)[i];
      const std::string fp = p + "/facts/" + std::to_string(i);
      if (!expect_object(f, fp, "a fact")) continue;
      check_keys(f, fp, {"text", "sources", "confidence"});
      Fact fact;
      fact.text = get_string(f, fp, "text", true).value_or("");
      fact.sources = get_sources(f, fp, "sources", true, "fact");
      fact.confidence = get_confidence(f, fp).value_or(Confidence::Unspecified);
      check_citation(fp + "/sources", fact.sources, fact.confidence, "the fact");
      trip.facts.push_back(std::move(fact));
    }
  }
}

void Validator::run(TripData& out) {
  const Json root = root_;
  if (!root.is_object()) {
    error("", std::string("expected the top level to be an object, found ") + type_name(root));
    return;
  }
  check_keys(root, "", {"schema_version", "title", "sources", "places", "lines", "vehicles", "trips"});
  if (auto v = get_number(root, "", "schema_version", true)) {
    if (*v != 1) error("/schema_version", "unsupported schema_version " + format_number(*v) + " (expected 1)");
  }
  out.title = get_string(root, "", "title", false).value_or("");
  read_sources(root, out);
  read_places(root, out);
  read_lines(root, out);
  read_vehicles(root, out);
  const Json trips = get_array(root, "", "trips", true);
  if (!trips) return;
  std::map<std::string, std::string> seen;  // id -> where it was first defined
  for (std::size_t i = 0; i < trips->size(); ++i) {
    const Json t = (*trips)[i];
    const std::string p = "/trips/" + std::to_string(i);
    trip_id_.clear();
    if (!expect_object(t, p, "a trip")) continue;
    Trip trip;
    // Name the trip in every message about it, even the one about its own id.
    if (t.contains("id") && t["id"].is_string()) trip_id_ = t["id"].string();
    trip.id = read_id(t, p, seen, "trip");
    if (!trip.id.empty() && trip.id.size() > 8) {
      int y = 0, m = 0;
      if (!(parse_fixed_int(trip.id, 0, 4, y) && trip.id[4] == '-' && parse_fixed_int(trip.id, 5, 2, m) &&
            trip.id[7] == '-'))
        error(p + "/id", "trip id \"" + trip.id + "\" should start with the year and month, e.g. 2018-03-beijing");
    }
    read_trip(t, p, trip, out);
    out.trips.push_back(std::move(trip));
  }
  trip_id_.clear();
}

}  // namespace

void follow_lines(Leg& leg, const TripData& data) {
  leg.via.clear();
  leg.via_line.clear();
  if (leg.stops.size() < 2) return;
  leg.via.assign(leg.stops.size() - 1, {});
  leg.via_line.assign(leg.stops.size() - 1, {});
  for (std::size_t i = 0; leg.mode == Mode::Train && i + 1 < leg.stops.size(); ++i) {
    for (const RailLine& line : data.lines) {
      auto between = line_between(line, data, leg.stops[i].place_id, leg.stops[i + 1].place_id);
      if (!between) continue;
      leg.via_line[i] = line.id;
      leg.via[i] = std::move(*between);
      break;
    }
  }
}

// ------------------------------------------------------------------------------------------------------

// More than one line with something on it: not the one-line published copy, whose messages give no line numbers.
static bool has_lines(std::string_view text) {
  const std::size_t newline = text.find('\n');
  return newline != std::string_view::npos && text.find_first_not_of(" \t\r\n", newline) != std::string_view::npos;
}

LoadResult load_trips(std::string_view json_text, std::string_view file_name) {
  LoadResult result;
  const std::string file(file_name);
  const JsonDocument parsed(json_text);
  if (!parsed.ok()) {
    result.errors.push_back(LoadError{file, parsed.error_line(), "", "", "not valid JSON: " + parsed.error()});
    return result;
  }
  Validator v(parsed.root(), file, has_lines(json_text), result.errors);
  v.run(result.data);
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const LoadError& a, const LoadError& b) { return a.line < b.line; });
  return result;
}

LoadResult load_trips_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult r;
    r.errors.push_back(LoadError{path, 0, "", "", "cannot open the file"});
    return r;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  return load_trips(text, path);
}

}  // namespace core
