#include "core/trips_pack.hpp"

#include "core/decimal.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <type_traits>
#include <utility>

namespace core {
namespace {

constexpr char kMagic[4] = {'J', 'T', 'P', '1'};  // journeys trips pack, format 1
constexpr double kCoordUnit = 1e6;                // coordinates in whole 1e-6 degrees (about 0.1 m)

// --- the data, field by field: one function per struct, for packing and unpacking alike. `a.field` names the
// part being read, for the message when it is damaged.
template <class A>
void io(A& a, Source& s) {
  a(s.id), a(s.outlet), a(s.title), a(s.about), a(s.url), a(s.date);
}
template <class A>
void io(A& a, Place& p) {
  a(p.id), a(p.name), a(p.kind), a(p.coord), a(p.country), a(p.coord_sources), a(p.coord_note), a(p.waypoint);
}
template <class A>
void io(A& a, TrackStretch& t) {
  a(t.from), a(t.to), a(t.source), a.track(t.points);
}
template <class A>
void io(A& a, RailLine& l) {
  a(l.id), a(l.name), a(l.places), a(l.sources), a(l.track);
}
template <class A>
void io(A& a, TimePoint& t) {
  a(t.year), a(t.month), a(t.day), a(t.has_time), a(t.hour), a(t.minute), a(t.utc_offset_min), a(t.approx);
  a(t.part_of_day), a(t.confirmed), a(t.confidence), a(t.sources), a(t.note);
}
template <class A>
void io(A& a, Figure& f) {
  a(f.min), a(f.max), a(f.qualifier), a(f.sources), a(f.from), a(f.to), a(f.note), a(f.confidence), a(f.line_length);
}
template <class A>
void io(A& a, SpeedRange& s) {
  a(s.min_kmh), a(s.max_kmh);
}
// A stop's name, coordinates and kind are its place's (unpack_trips resolves them); its local name comes later.
template <class A>
void io(A& a, Stop& s) {
  a(s.place_id), a(s.reported), a(s.dwell_hours), a(s.sources), a(s.when), a(s.note);
}
// A leg's via and via_line follow from the lines (follow_lines).
template <class A>
void io(A& a, Leg& l) {
  a(l.mode), a(l.vehicle_id), a(l.also_vehicles), a(l.vehicle_confidence), a(l.stops);
  a(l.reported_distance_km), a(l.reported_duration_h), a(l.sources), a(l.note), a(l.what_if);
}
template <class A>
void io(A& a, WhatIfUnavailable& w) {
  a(w.mode), a(w.reason), a(w.sources);
}
template <class A>
void io(A& a, Fact& f) {
  a(f.text), a(f.sources), a(f.confidence);
}
template <class A>
void io(A& a, Trip& t) {
  a.field("id"), a(t.id), a(t.number);
  a.field("title"), a(t.title), a(t.destination), a(t.country), a(t.counterpart), a(t.purpose), a(t.summary);
  a.field("dates"), a(t.depart), a(t.arrive), a(t.return_depart), a(t.return_arrive);
  a.field("outbound"), a(t.outbound);
  a.field("tour"), a(t.tour);
  a.field("return"), a(t.return_legs);
  a.field("what_if"), a(t.what_if), a(t.what_if_unavailable);
  a.field("facts"), a(t.facts), a(t.sources);
}
template <class A>
void io(A& a, Vehicle& v) {
  a(v.id), a(v.name), a(v.mode), a(v.description), a(v.timing_speed), a(v.timing_speed_sources);
  a(v.timing_speed_note), a(v.reported_speeds_kmh), a(v.sources);
}

// How many values each enum has: a packed enum is one byte below that.
constexpr unsigned count_of(Mode) { return 3; }
constexpr unsigned count_of(StopKind) { return 5; }
constexpr unsigned count_of(Confidence) { return 5; }
constexpr unsigned count_of(Qualifier) { return 4; }

std::uint64_t zigzag(std::int64_t v) {
  return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63);
}
std::int64_t unzigzag(std::uint64_t u) { return static_cast<std::int64_t>(u >> 1) ^ -static_cast<std::int64_t>(u & 1); }

class Packer {
 public:
  std::vector<std::uint8_t> out;
  std::string error;  // the first value the pack cannot hold

  void field(const char*) {}
  void varint(std::uint64_t v) {
    for (; v >= 0x80; v >>= 7) out.push_back(static_cast<std::uint8_t>(v | 0x80));
    out.push_back(static_cast<std::uint8_t>(v));
  }
  // Texts by their number in the table of texts (ids recur: a place or source id is a number after its first use).
  std::map<std::string, std::size_t>* texts = nullptr;
  void operator()(std::string& s) {
    const auto [it, added] = texts->emplace(s, texts->size());
    varint(it->second);
  }
  void operator()(bool& b) { out.push_back(b ? 1 : 0); }
  void operator()(int& v) { varint(zigzag(v)); }
  // A number with at most three decimals (every figure so far) as a whole number of thousandths, shifted left
  // one bit; any other as a 1 and its IEEE double (little-endian, as wasm and the build machines are).
  void operator()(double& d) {
    const double thousandths = std::round(d * 1000.0);
    if (thousandths / 1000.0 == d && std::fabs(thousandths) < 0x1p50)
      return varint(zigzag(static_cast<std::int64_t>(thousandths)) << 1);
    varint(1);
    std::uint8_t bytes[8];
    std::memcpy(bytes, &d, 8);
    out.insert(out.end(), bytes, bytes + 8);
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  void operator()(E& e) {
    out.push_back(static_cast<std::uint8_t>(e));
  }
  void operator()(LatLon& p) { varint(zigzag(units(p.lat))), varint(zigzag(units(p.lon))); }
  template <class T>
  void operator()(std::optional<T>& o) {
    bool has = o.has_value();
    (*this)(has);
    if (has) (*this)(*o);
  }
  template <class T>
  void operator()(std::vector<T>& v) {
    varint(v.size());
    for (T& x : v) (*this)(x);
  }
  template <class T, class = decltype(io(std::declval<Packer&>(), std::declval<T&>()))>
  void operator()(T& t) {
    io(*this, t);
  }
  // Track points as steps from the point before: small numbers, which pack (and compress) small.
  void track(std::vector<LatLon>& points) {
    varint(points.size());
    std::int64_t lat = 0, lon = 0;
    for (const LatLon& p : points) {
      const std::int64_t la = units(p.lat), lo = units(p.lon);
      varint(zigzag(la - lat)), varint(zigzag(lo - lon));
      lat = la, lon = lo;
    }
  }

 private:
  std::int64_t units(double degrees) {
    const double u = std::round(degrees * kCoordUnit);
    if (u / kCoordUnit != degrees && error.empty())
      error = "a coordinate finer than 1e-6 degrees (" + format_general(degrees, 17) + ") cannot be packed exactly";
    return static_cast<std::int64_t>(u);
  }
};

class Unpacker {
 public:
  Unpacker(const std::uint8_t* bytes, std::size_t size) : p_(bytes), end_(bytes + size) {}

  bool ok() const { return problem_.empty(); }
  const std::string& problem() const { return problem_; }
  const char* part() const { return part_; }
  std::size_t remaining() const { return static_cast<std::size_t>(end_ - p_); }
  void fail(const char* what) {
    if (ok()) problem_ = what;
    p_ = end_;  // nothing more is read
  }

  void field(const char* name) {
    if (ok()) part_ = name;
  }
  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p_ == end_) return fail("the file ends early"), 0;
      const std::uint8_t b = *p_++;
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
    return fail("a number is too long"), 0;
  }
  // A count of things each at least a byte long: never more than the bytes left (no huge allocation).
  std::size_t count() {
    const std::uint64_t n = varint();
    if (n > remaining()) return fail("a count runs past the end of the file"), 0;
    return static_cast<std::size_t>(n);
  }
  const std::vector<std::string>* texts = nullptr;
  void operator()(std::string& s) {
    const std::uint64_t n = varint();
    if (!ok()) return;
    if (n >= texts->size()) return fail("a text is not in the table of texts");
    s = (*texts)[static_cast<std::size_t>(n)];
  }
  void read_texts(std::vector<std::string>& out) {
    out.assign(count(), std::string());
    for (std::string& s : out) {
      const std::uint64_t n = varint();
      if (n > remaining()) return fail("a text runs past the end of the file");
      s.assign(reinterpret_cast<const char*>(p_), static_cast<std::size_t>(n));
      p_ += n;
    }
  }
  void operator()(bool& b) {
    const std::uint64_t v = varint();
    if (v > 1) return fail("a yes/no value is neither");
    b = v == 1;
  }
  void operator()(int& v) {
    const std::int64_t x = unzigzag(varint());
    if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max()) return fail("a number is too big");
    v = static_cast<int>(x);
  }
  void operator()(double& d) {
    const std::uint64_t v = varint();
    if (!(v & 1)) {
      d = static_cast<double>(unzigzag(v >> 1)) / 1000.0;
      return;
    }
    if (v != 1 || remaining() < 8) return fail("a number is damaged");
    std::memcpy(&d, p_, 8);
    p_ += 8;
    if (!std::isfinite(d)) fail("a number is not finite");
  }
  template <class E, std::enable_if_t<std::is_enum_v<E>, int> = 0>
  void operator()(E& e) {
    const std::uint64_t v = varint();
    if (v >= count_of(E{})) return fail("a mode, kind or grade is out of range");
    e = static_cast<E>(v);
  }
  void operator()(LatLon& p) {
    p.lat = coord(unzigzag(varint()), 90.0);
    p.lon = coord(unzigzag(varint()), 180.0);
  }
  template <class T>
  void operator()(std::optional<T>& o) {
    bool has = false;
    (*this)(has);
    if (!has) return o.reset();
    o.emplace();
    (*this)(*o);
  }
  template <class T>
  void operator()(std::vector<T>& v) {
    v.assign(count(), T{});
    for (T& x : v) (*this)(x);
  }
  template <class T, class = decltype(io(std::declval<Unpacker&>(), std::declval<T&>()))>
  void operator()(T& t) {
    io(*this, t);
  }
  void track(std::vector<LatLon>& points) {
    points.assign(count(), LatLon{});
    std::int64_t lat = 0, lon = 0;
    for (LatLon& p : points) {
      lat += unzigzag(varint()), lon += unzigzag(varint());
      p.lat = coord(lat, 90.0), p.lon = coord(lon, 180.0);
    }
  }
  // The next n bytes as a pack of their own (a trip), skipped here. Cut short, what there is (its id names it).
  Unpacker take(std::uint64_t n) {
    const std::size_t have = static_cast<std::size_t>(std::min<std::uint64_t>(n, remaining()));
    Unpacker inner(p_, have);
    inner.texts = texts;
    p_ += have;
    if (have < n) fail("the file ends early");
    return inner;
  }

 private:
  double coord(std::int64_t units, double limit) {
    const double degrees = static_cast<double>(units) / kCoordUnit;
    if (!(std::fabs(degrees) <= limit)) fail("a coordinate is off the globe");
    return degrees;
  }

  const std::uint8_t* p_;
  const std::uint8_t* end_;
  std::string problem_;
  const char* part_ = "";
};

// What the rest of the core relies on and the loader's rules guarantee; a pack is checked for it too.
const char* check_time(const TimePoint& t) {
  if (!t.valid()) return nullptr;  // a date not given
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31) return "a date is out of range";
  if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59) return "a time is out of range";
  if (t.utc_offset_min < -18 * 60 || t.utc_offset_min > 18 * 60) return "a UTC offset is out of range";
  return nullptr;
}

// Resolves a trip's stops and lines, after checking what that needs; the first problem, or nullptr.
const char* finish_trip(Trip& trip, const TripData& data, const char** part) {
  for (const TimePoint* t : {&trip.depart, &trip.arrive, &trip.return_depart, &trip.return_arrive})
    if (const char* bad = check_time(*t)) return *part = "dates", bad;
  const std::pair<const char*, std::vector<Leg>*> groups[] = {
      {"outbound", &trip.outbound}, {"tour", &trip.tour}, {"return", &trip.return_legs}, {"what_if", &trip.what_if}};
  for (const auto& [name, legs] : groups) {
    *part = name;
    for (Leg& leg : *legs) {
      if (leg.stops.size() < 2) return "a leg has fewer than two stops";
      for (Stop& stop : leg.stops) {
        const Place* place = data.find_place(stop.place_id);
        if (!place) return "a stop names no known place";
        stop.name = place->name, stop.coord = place->coord, stop.kind = place->kind;
        if (stop.when)
          if (const char* bad = check_time(*stop.when)) return bad;
        if (stop.dwell_hours && *stop.dwell_hours < 0.0) return "a halt is shorter than nothing";
      }
      follow_lines(leg, data);
    }
  }
  return nullptr;
}

}  // namespace

std::vector<std::uint8_t> pack_trips(const TripData& data, std::string* error) {
  TripData d = data;  // the same functions read and write: they take the data by reference
  std::map<std::string, std::size_t> texts;
  Packer pack;
  pack.texts = &texts;
  pack(d.title), pack(d.sources), pack(d.places), pack(d.lines), pack(d.vehicles);
  pack.varint(d.trips.size());
  for (Trip& trip : d.trips) {  // each framed by its length: a damaged trip can be skipped
    Packer one;
    one.texts = &texts;
    one(trip);
    if (pack.error.empty()) pack.error = one.error;
    pack.varint(one.out.size());
    pack.out.insert(pack.out.end(), one.out.begin(), one.out.end());
  }
  if (!pack.error.empty()) {
    if (error) *error = pack.error;
    return {};
  }
  // The file: the magic, the table of texts in the order of their first use, then the data.
  std::vector<const std::string*> table(texts.size());
  for (const auto& [text, number] : texts) table[number] = &text;
  Packer file;
  file.out.assign(kMagic, kMagic + 4);
  file.varint(table.size());
  for (const std::string* text : table) {
    file.varint(text->size());
    file.out.insert(file.out.end(), text->begin(), text->end());
  }
  file.out.insert(file.out.end(), pack.out.begin(), pack.out.end());
  return std::move(file.out);
}

LoadResult unpack_trips(const std::uint8_t* bytes, std::size_t size, std::string_view file_name,
                        std::string* texts_out) {
  LoadResult result;
  const std::string file(file_name);
  auto damaged = [&](const std::string& trip_id, const char* part, const std::string& problem) {
    result.errors.push_back(LoadError{file, 0, trip_id, std::string("/") + part,
                                      "damaged (" + problem + "): rebuild it from assets/trips.json"});
  };
  if (size < 4 || std::memcmp(bytes, kMagic, 4) != 0) {
    damaged("", "", "not a trips pack of this version");
    return result;
  }
  Unpacker in(bytes + 4, size - 4);
  std::vector<std::string> texts;
  in.field("texts"), in.read_texts(texts);
  in.texts = &texts;
  if (texts_out)
    for (const std::string& t : texts) texts_out->append(t).push_back('\n');
  TripData& d = result.data;
  in.field("title"), in(d.title);
  in.field("sources"), in(d.sources);
  in.field("places"), in(d.places);
  in.field("lines"), in(d.lines);
  in.field("vehicles"), in(d.vehicles);
  in.field("trips");
  const std::size_t trips = in.count();
  if (!in.ok()) {  // the trips need all of the above
    damaged("", in.part(), in.problem());
    result.data = TripData{};
    return result;
  }
  for (const Vehicle& v : d.vehicles)
    if (v.timing_speed && !v.timing_speed->valid()) {
      damaged("", "vehicles", "a vehicle's speed is not a range above zero");
      result.data = TripData{};
      return result;
    }
  for (std::size_t i = 0; i < trips && in.ok(); ++i) {
    const std::uint64_t bytes_of_trip = in.varint();
    if (!in.ok()) break;
    Unpacker one = in.take(bytes_of_trip);
    Trip trip;
    one(trip);
    if (!in.ok()) one.fail(in.problem().c_str());  // cut short: read as far as it goes, then said so
    const char* part = one.part();
    const char* problem = one.ok() ? finish_trip(trip, d, &part) : one.problem().c_str();
    if (problem) {
      damaged(trip.id, (std::string("trips/") + std::to_string(i) + "/" + part).c_str(), problem);
      if (!in.ok()) return result;  // said once, for the trip it cut
      continue;                     // left out: the other trips still load
    }
    d.trips.push_back(std::move(trip));
  }
  if (!in.ok()) damaged("", "trips", in.problem());
  return result;
}

}  // namespace core
