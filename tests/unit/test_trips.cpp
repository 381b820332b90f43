// The loader and validator: a minimal valid document, then one refusal per rule, each asserting the error
// names the right field (JSON pointer), trip and line.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "core/legs.hpp"
#include "core/trips.hpp"

namespace {

const char* kHeader = R"({
  "schema_version": 1,
  "sources": [
    {"id": "src-a", "outlet": "Outlet A"},
    {"id": "src-b", "outlet": "Outlet B", "url": "https://example.org/b"}
  ],
  "places": [
    {"id": "p-one", "name": "One", "kind": "station", "lat": 39.0, "lon": 125.7, "coord_sources": ["src-a"]},
    {"id": "p-two", "name": "Two", "kind": "border", "lat": 40.1, "lon": 124.4, "coord_sources": ["src-a"]},
    {"id": "p-three", "name": "Three", "kind": "airport", "lat": 39.9, "lon": 116.4, "coord_sources": ["src-a"]}
  ],
  "vehicles": [
    {"id": "train-x", "name": "Train X", "mode": "train", "description": "A train",
     "timing_speed_kmh": {"min": 50, "max": 60, "sources": ["src-a"]}, "sources": ["src-a"]}
  ],
  "trips": [
)";

std::string trip(const std::string& id) {
  return R"(    {
      "id": ")" +
         id + R"(", "number": 1, "title": "T", "destination": "D", "country": "C",
      "counterpart": "X", "purpose": "P", "summary": "S", "sources": ["src-a"],
      "depart": {"date": "2018-03-25", "utc_offset": "+08:30", "sources": ["src-a"]},
      "arrive": {"date": "2018-03-26", "time": "15:00", "utc_offset": "+08:00", "sources": ["src-a"]},
      "return_depart": {"date": "2018-03-27", "utc_offset": "+08:00", "sources": ["src-a"]},
      "return_arrive": {"date": "2018-03-28", "utc_offset": "+08:30", "sources": ["src-a"]},
      "outbound": [
        {"mode": "train", "vehicle": "train-x", "sources": ["src-a"],
         "stops": [{"place": "p-one", "reported": true, "sources": ["src-a"]}, {"place": "p-two", "reported": false},
                   {"place": "p-three", "reported": true, "sources": ["src-b"]}],
         "reported_distance_km": [{"value": 1364, "sources": ["src-b"]}, {"value": 280, "from": "p-one", "to": "p-two", "sources": ["src-b"]}],
         "reported_duration_h": [{"min": 16, "max": 20, "sources": ["src-b"]}]}
      ],
      "return": [
        {"mode": "train", "vehicle": "train-x", "sources": ["src-b"],
         "stops": [{"place": "p-three", "reported": false}, {"place": "p-one", "reported": false}]}
      ],
      "what_if": [
        {"mode": "train", "vehicle": "train-x", "what_if": true, "sources": ["src-a"],
         "stops": [{"place": "p-one", "reported": false}, {"place": "p-three", "reported": false}]}
      ],
      "facts": [{"text": "A fact.", "sources": ["src-b"]}]
    })";
}

std::string doc(const std::string& trips) { return std::string(kHeader) + trips + "\n  ]\n}\n"; }
std::string valid_doc() { return doc(trip("2018-03-test")); }

// Replace exactly one occurrence (fails the test if the text is not there).
std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  REQUIRE_MESSAGE(pos != std::string::npos, "test setup: text not found: " << from);
  text.replace(pos, from.size(), to);
  return text;
}

// 1-based line of the first occurrence of needle.
std::size_t line_of(const std::string& text, const std::string& needle) {
  const auto pos = text.find(needle);
  REQUIRE(pos != std::string::npos);
  std::size_t line = 1;
  for (std::size_t i = 0; i < pos; ++i) line += text[i] == '\n' ? 1 : 0;
  return line;
}

const core::LoadError* find_error(const core::LoadResult& r, const std::string& path) {
  for (const auto& e : r.errors)
    if (e.path == path) return &e;
  return nullptr;
}

std::string all_errors(const core::LoadResult& r) {
  std::string s;
  for (const auto& e : r.errors) s += e.to_string() + "\n";
  return s;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("the minimal document is valid and fully resolved") {
  const auto r = core::load_trips(valid_doc(), "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.ok());
  REQUIRE(r.data.trips.size() == 1);
  const core::Trip& t = r.data.trips[0];
  CHECK(t.id == "2018-03-test");
  CHECK(t.depart.utc_offset_min == 510);
  CHECK(t.arrive.has_time);
  CHECK(t.arrive.hour == 15);
  REQUIRE(t.outbound.size() == 1);
  const core::Leg& leg = t.outbound[0];
  CHECK(leg.mode == core::Mode::Train);
  REQUIRE(leg.stops.size() == 3);
  CHECK(leg.stops[0].name == "One");
  CHECK(leg.stops[1].kind == core::StopKind::Border);
  CHECK(leg.stops[2].coord.lat == 39.9);
  CHECK_FALSE(leg.stops[1].reported);
  REQUIRE(leg.reported_distance_km.size() == 2);
  CHECK(leg.reported_distance_km[1].from == "p-one");
  CHECK(leg.reported_duration_h[0].min == 16);
  CHECK(leg.reported_duration_h[0].max == 20);
  REQUIRE(t.what_if.size() == 1);
  CHECK(t.what_if[0].what_if);
  CHECK_FALSE(leg.what_if);
  CHECK(r.data.find_source("src-b")->url == "https://example.org/b");
  CHECK(r.data.find_vehicle("train-x")->timing_speed->max_kmh == 60);
}

TEST_CASE("refuses a missing field, naming trip, field and line") {
  const std::string text = replace(valid_doc(), R"("counterpart": "X", )", "");
  const auto r = core::load_trips(text, "mini.json");
  REQUIRE(r.errors.size() == 1);
  const auto& e = r.errors[0];
  CHECK(e.path == "/trips/0/counterpart");
  CHECK(e.trip_id == "2018-03-test");
  CHECK(contains(e.message, "missing field \"counterpart\""));
  // The line of the object that lacks it.
  CHECK(e.line == line_of(text, R"("id": "2018-03-test")") - 1);
  CHECK(e.file == "mini.json");
  CHECK(contains(e.to_string(),
                 "mini.json:" + std::to_string(e.line) + ": trip 2018-03-test: /trips/0/counterpart: missing field"));
}

TEST_CASE("refuses an unknown mode") {
  const std::string text = replace(valid_doc(), R"({"mode": "train", "vehicle": "train-x", "sources": ["src-b"])",
                                   R"({"mode": "boat", "vehicle": "train-x", "sources": ["src-b"])");
  const auto r = core::load_trips(text, "mini.json");
  const auto* e = find_error(r, "/trips/0/return/0/mode");
  INFO(all_errors(r));
  REQUIRE(e);
  CHECK(r.errors.size() == 1);
  CHECK(contains(e->message, "unknown mode \"boat\""));
  CHECK(contains(e->message, "train, plane or car"));
  CHECK(e->trip_id == "2018-03-test");
  CHECK(e->line == line_of(text, "\"boat\""));
}

TEST_CASE("refuses coordinates out of range") {
  std::string text = replace(valid_doc(), R"("lat": 39.0, "lon": 125.7)", R"("lat": 91.5, "lon": 125.7)");
  text = replace(text, R"("lat": 40.1, "lon": 124.4)", R"("lat": 40.1, "lon": 224.4)");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 2);
  const auto* lat = find_error(r, "/places/0/lat");
  const auto* lon = find_error(r, "/places/1/lon");
  REQUIRE(lat);
  REQUIRE(lon);
  CHECK(contains(lat->message, "latitude 91.5 is out of range"));
  CHECK(contains(lon->message, "longitude 224.4 is out of range"));
  CHECK(lat->trip_id.empty());
  CHECK(lat->line == line_of(text, "91.5"));
  CHECK(lon->line == line_of(text, "224.4"));
}

TEST_CASE("line numbers hold for a value at the end of a line") {
  // A number is read one character past its end; here that character is a newline.
  std::string text = replace(valid_doc(), R"("lat": 39.0, "lon": 125.7, "coord_sources": ["src-a"]})",
                             "\"coord_sources\": [\"src-a\"], \"lon\": 125.7,\n     \"lat\": -95\n    }");
  const auto r = core::load_trips(text, "mini.json");
  const auto* e = find_error(r, "/places/0/lat");
  INFO(all_errors(r));
  REQUIRE(e);
  CHECK(e->line == line_of(text, "-95"));
}

TEST_CASE("refuses a route of fewer than two stops") {
  const std::string text = replace(
      valid_doc(), R"("stops": [{"place": "p-three", "reported": false}, {"place": "p-one", "reported": false}])",
      R"("stops": [{"place": "p-three", "reported": false}])");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/trips/0/return/0/stops");
  CHECK(contains(r.errors[0].message, "at least 2 stops, found 1"));
  CHECK(r.errors[0].line == line_of(text, R"("stops": [{"place": "p-three")"));
}

TEST_CASE("refuses dates out of order") {
  const std::string text =
      replace(valid_doc(), R"("return_depart": {"date": "2018-03-27")", R"("return_depart": {"date": "2018-03-24")");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/trips/0/return_depart/date");
  CHECK(contains(r.errors[0].message, "dates out of order"));
  CHECK(contains(r.errors[0].message, "\"arrive\""));
  CHECK(r.errors[0].line == line_of(text, "2018-03-24"));
}

TEST_CASE("dates out of order use UTC when times are known") {
  // Arrive 15:00 UTC+8 on the 26th; leaving 15:30 UTC+9 the same day is 30 minutes *before* arriving.
  std::string text = replace(valid_doc(), R"("return_depart": {"date": "2018-03-27", "utc_offset": "+08:00")",
                             R"("return_depart": {"date": "2018-03-26", "time": "15:30", "utc_offset": "+09:00")");
  auto r = core::load_trips(text, "mini.json");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/trips/0/return_depart/date");
  // Stop times along a leg too.
  text = replace(
      valid_doc(), R"({"place": "p-two", "reported": false})",
      R"({"place": "p-two", "reported": false, "when": {"date": "2018-03-27", "utc_offset": "+08:00", "sources": ["src-a"]}})");
  text = replace(
      text, R"({"place": "p-three", "reported": true, "sources": ["src-b"]})",
      R"({"place": "p-three", "reported": true, "sources": ["src-b"], "when": {"date": "2018-03-26", "utc_offset": "+08:00", "sources": ["src-a"]}})");
  r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/trips/0/outbound/0/stops/2/when/date");
  CHECK(contains(r.errors[0].message, "dates out of order"));
}

TEST_CASE("the published copy, one line, is read the same, and its errors say where by path, not by a line 1") {
  // scripts/publish.mjs writes dist/assets/trips.json without spaces between tokens: every error would be at line 1.
  std::string text = doc(trip("2018-03-test") + ",\n" + trip("2018-03-test"));
  std::string one_line;
  for (char c : text) one_line += c == '\n' ? ' ' : c;
  const auto lines = core::load_trips(text, "mini.json");
  const auto r = core::load_trips(one_line + "\n", "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == 0);
  CHECK(r.errors[0].path == "/trips/1/id");
  CHECK(contains(r.errors[0].message, "(first defined at /trips/0/id)"));
  CHECK(r.errors[0].to_string().rfind("mini.json: trip 2018-03-test: /trips/1/id: ", 0) == 0);
  REQUIRE(lines.errors.size() == 1);
  CHECK(lines.errors[0].line > 1);
  CHECK(r.data.trips.size() == lines.data.trips.size());
}

TEST_CASE("refuses a duplicate id") {
  const std::string text = doc(trip("2018-03-test") + ",\n" + trip("2018-03-test"));
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  const auto& e = r.errors[0];
  CHECK(e.path == "/trips/1/id");
  CHECK(e.trip_id == "2018-03-test");
  const std::size_t first = line_of(text, R"("id": "2018-03-test")");
  CHECK(
      contains(e.message, "duplicate trip id \"2018-03-test\" (first defined at line " + std::to_string(first) + ")"));
  CHECK(e.line > first);

  // Sources too.
  const std::string dup_src =
      replace(valid_doc(), R"({"id": "src-b", "outlet": "Outlet B")", R"({"id": "src-a", "outlet": "Outlet B")");
  const auto r2 = core::load_trips(dup_src, "mini.json");
  const auto* e2 = find_error(r2, "/sources/1/id");
  REQUIRE(e2);
  CHECK(contains(e2->message, "duplicate source id \"src-a\""));
}

TEST_CASE("refuses a source-less fact") {
  const std::string text =
      replace(valid_doc(), R"({"text": "A fact.", "sources": ["src-b"]})", R"({"text": "A fact.", "sources": []})");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/trips/0/facts/0/sources");
  CHECK(contains(r.errors[0].message, "fact has no source"));
  CHECK(r.errors[0].trip_id == "2018-03-test");
  CHECK(r.errors[0].line == line_of(text, R"("sources": []})"));

  // No "sources" key at all.
  const auto r2 = core::load_trips(
      replace(valid_doc(), R"({"text": "A fact.", "sources": ["src-b"]})", R"({"text": "A fact."})"), "mini.json");
  REQUIRE(r2.errors.size() == 1);
  CHECK(r2.errors[0].path == "/trips/0/facts/0/sources");
  CHECK(contains(r2.errors[0].message, "missing field \"sources\""));
}

TEST_CASE("refuses other source-less facts: a reported stop, a reported figure, a date") {
  std::string text = replace(valid_doc(), R"({"place": "p-one", "reported": true, "sources": ["src-a"]})",
                             R"({"place": "p-one", "reported": true})");
  text = replace(text, R"({"value": 1364, "sources": ["src-b"]})", R"({"value": 1364})");
  text = replace(text,
                 R"("arrive": {"date": "2018-03-26", "time": "15:00", "utc_offset": "+08:00", "sources": ["src-a"]})",
                 R"("arrive": {"date": "2018-03-26", "time": "15:00", "utc_offset": "+08:00"})");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  CHECK(r.errors.size() == 3);
  CHECK(find_error(r, "/trips/0/outbound/0/stops/0/sources"));
  CHECK(find_error(r, "/trips/0/outbound/0/reported_distance_km/0/sources"));
  CHECK(find_error(r, "/trips/0/arrive/sources"));
  // Inferred stops may go without sources (the minimal document has some).
}

TEST_CASE("a field given twice is refused on its line (a copy-paste would otherwise pass silently)") {
  const std::string text =
      replace(valid_doc(), R"("title": "T", "destination")", R"("title": "T", "title": "U", "destination")");
  const auto r = core::load_trips(text, "twice.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  CHECK(contains(r.errors[0].message, "\"title\" is given twice"));
  CHECK(r.errors[0].line == line_of(text, R"("title": "U")"));
  CHECK(r.data.trips.at(0).title == "U");  // the last one counts
}

TEST_CASE("refuses unknown references and unknown fields") {
  std::string text = replace(valid_doc(), R"("sources": ["src-b"]}]
    })",
                             R"("sources": ["src-zzz"]}]
    })");
  text = replace(text, R"({"place": "p-two", "reported": false})",
                 R"({"place": "p-nowhere", "reported": false, "dwel_hours": 2})");
  text = replace(text, R"("what_if": [
        {"mode": "train", "vehicle": "train-x")",
                 R"("what_if": [
        {"mode": "train", "vehicle": "train-y")");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  // Five: the renamed place also breaks the figure whose span ends at it.
  CHECK(r.errors.size() == 5);
  CHECK(find_error(r, "/trips/0/outbound/0/reported_distance_km/1/to"));
  const auto* src = find_error(r, "/trips/0/facts/0/sources/0");
  REQUIRE(src);
  CHECK(contains(src->message, "unknown source id \"src-zzz\""));
  const auto* place = find_error(r, "/trips/0/outbound/0/stops/1/place");
  REQUIRE(place);
  CHECK(contains(place->message, "unknown place id \"p-nowhere\""));
  const auto* field = find_error(r, "/trips/0/outbound/0/stops/1/dwel_hours");
  REQUIRE(field);
  CHECK(contains(field->message, "unknown field \"dwel_hours\""));
  const auto* veh = find_error(r, "/trips/0/what_if/0/vehicle");
  REQUIRE(veh);
  CHECK(contains(veh->message, "unknown vehicle id \"train-y\""));
}

TEST_CASE("what-ifs must be marked as such") {
  const std::string text =
      replace(valid_doc(), R"("vehicle": "train-x", "what_if": true,)", R"("vehicle": "train-x",)");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/trips/0/what_if/0/what_if");
}

TEST_CASE("collects all errors, in line order, not only the first") {
  std::string text = replace(valid_doc(), R"("lat": 39.0)", R"("lat": 139.0)");
  text = replace(text, R"("counterpart": "X", )", "");
  text = replace(text, R"({"mode": "train", "vehicle": "train-x", "sources": ["src-b"])",
                 R"({"mode": "ship", "vehicle": "train-x", "sources": ["src-b"])");
  text = replace(text, R"({"text": "A fact.", "sources": ["src-b"]})", R"({"text": "A fact.", "sources": []})");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  CHECK(r.errors.size() == 4);
  CHECK(find_error(r, "/places/0/lat"));
  CHECK(find_error(r, "/trips/0/counterpart"));
  CHECK(find_error(r, "/trips/0/return/0/mode"));
  CHECK(find_error(r, "/trips/0/facts/0/sources"));
  for (std::size_t i = 1; i < r.errors.size(); ++i) CHECK(r.errors[i - 1].line <= r.errors[i].line);
}

TEST_CASE("invalid JSON gives one error with its line") {
  const std::string text = replace(valid_doc(), R"("title": "T", "destination")", R"("title": "T" "destination")");
  const auto r = core::load_trips(text, "broken.json");
  REQUIRE(r.errors.size() == 1);
  CHECK(contains(r.errors[0].message, "not valid JSON"));
  CHECK(r.errors[0].line == line_of(text, R"("title": "T" "destination")"));
  CHECK(contains(r.errors[0].to_string(), "broken.json:"));
}

TEST_CASE("bad values of the right type") {
  std::string text = replace(valid_doc(), R"("date": "2018-03-25")", R"("date": "2018-02-30")");
  text = replace(text, R"("time": "15:00")", R"("time": "25:00")");
  text = replace(text, R"("utc_offset": "+08:30", "sources": ["src-a"]},
      "arrive")",
                 R"("utc_offset": "8", "sources": ["src-a"]},
      "arrive")");
  text = replace(text, R"({"min": 16, "max": 20,)", R"({"min": 20, "max": 16,)");
  text = replace(text, R"("kind": "border")", R"("kind": "bridge")");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  CHECK(find_error(r, "/trips/0/depart/date"));
  CHECK(find_error(r, "/trips/0/arrive/time"));
  CHECK(find_error(r, "/trips/0/depart/utc_offset"));
  CHECK(find_error(r, "/trips/0/outbound/0/reported_duration_h/0/max"));
  CHECK(find_error(r, "/places/1/kind"));
}

TEST_CASE("a missing file is one error") {
  const auto r = core::load_trips_file("/nonexistent/trips.json");
  REQUIRE(r.errors.size() == 1);
  CHECK(contains(r.errors[0].to_string(), "/nonexistent/trips.json"));
}

// --- Sourcing rules (issue 15): the desk's fact sheet is not a publication; the desk's own work cannot stand
// alone; "well_sourced" needs two independent outlets.

namespace {

// The minimal document with more sources: two outlets of one publisher (KBS), another outlet, and the desk's.
std::string sourcing_doc() {
  return replace(valid_doc(), R"({"id": "src-b", "outlet": "Outlet B", "url": "https://example.org/b"})",
                 R"({"id": "src-b", "outlet": "Outlet B", "url": "https://example.org/b"},
    {"id": "kbs-en", "outlet": "KBS World"},
    {"id": "kbs-de", "outlet": "KBS World German"},
    {"id": "yna", "outlet": "Yonhap via The Korea Herald"},
    {"id": "desk-calc", "outlet": "Desk fact sheet: calculations", "about": "Our calculation"})");
}

std::string with_fact(const std::string& fact) {
  return replace(sourcing_doc(), R"({"text": "A fact.", "sources": ["src-b"]})", fact);
}

}  // namespace

TEST_CASE("outlet_key names the publisher behind an outlet text") {
  CHECK(core::outlet_key("KBS") == "kbs");
  CHECK(core::outlet_key("KBS World German") == "kbs");
  CHECK(core::outlet_key("Yonhap/EFE via Siasat and Sharjah24") == "yonhap");
  CHECK(core::outlet_key("The Korea Herald via asianews.network") == "korea herald");
  CHECK(core::outlet_key("Korea Daily US") == "korea daily");
  CHECK(core::outlet_key("Korea JoongAng Daily (2389101)") == "joongang");
  CHECK(core::outlet_key("JoongAng Ilbo video") == "joongang");
  CHECK(core::outlet_key("The Straits Times") == "straits times");
  CHECK(core::outlet_key("The Washington Post via news.am") == core::outlet_key("The Washington Post"));
  CHECK(core::outlet_key("Asia Times") != core::outlet_key("Asia Economy (Yang Nak-gyu)"));
  CHECK(core::outlet_key("AP via Mid-day") != core::outlet_key("AFP via VnExpress"));
  core::Source desk{"x", "Desk fact sheet (trips-facts.md)", "", "", "", ""};
  core::Source newsroom{"y", "Newsroom desk", "", "", "", ""};
  core::Source outlet{"z", "KBS World", "", "", "", ""};
  CHECK(core::is_desk_source(desk));
  CHECK(core::is_desk_source(newsroom));
  CHECK_FALSE(core::is_desk_source(outlet));
}

TEST_CASE("the desk's compiled fact sheet may be neither defined nor cited as a source") {
  std::string text = replace(sourcing_doc(), R"({"id": "desk-calc",)",
                             R"({"id": "factsheet", "outlet": "Desk fact sheet: trips-facts.md"},
    {"id": "desk-calc",)");
  text = replace(text, R"({"text": "A fact.", "sources": ["src-b"]})",
                 R"({"text": "A fact.", "sources": ["src-b", "factsheet"]})");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  const core::LoadError* def = find_error(r, "/sources/5/id");
  REQUIRE(def);
  CHECK(contains(def->message, "not a publication"));
  const core::LoadError* cite = find_error(r, "/trips/0/facts/0/sources/1");
  REQUIRE(cite);
  CHECK(contains(cite->message, "compiled fact sheet"));
  CHECK(cite->trip_id == "2018-03-test");
}

TEST_CASE("the desk's own work cannot stand alone as the source of a published claim") {
  // A fact with only the desk's calculation: refused.
  auto r = core::load_trips(with_fact(R"({"text": "A fact.", "sources": ["desk-calc"]})"), "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/trips/0/facts/0/sources");
  CHECK(contains(r.errors[0].message, "only the desk's own work"));
  // With an outlet beside it: fine.
  r = core::load_trips(with_fact(R"({"text": "A fact.", "sources": ["src-b", "desk-calc"]})"), "mini.json");
  CHECK(r.ok());
  // A reported figure, a date and a reported stop: refused alike.
  std::string text = replace(sourcing_doc(), R"({"value": 1364, "sources": ["src-b"]})",
                             R"({"value": 1364, "sources": ["desk-calc"]})");
  text = replace(text, R"("return_depart": {"date": "2018-03-27", "utc_offset": "+08:00", "sources": ["src-a"]})",
                 R"("return_depart": {"date": "2018-03-27", "utc_offset": "+08:00", "sources": ["desk-calc"]})");
  text = replace(text, R"({"place": "p-three", "reported": true, "sources": ["src-b"]})",
                 R"({"place": "p-three", "reported": true, "sources": ["desk-calc"]})");
  r = core::load_trips(text, "mini.json");
  CHECK(r.errors.size() == 3);
  CHECK(find_error(r, "/trips/0/outbound/0/reported_distance_km/0/sources"));
  CHECK(find_error(r, "/trips/0/return_depart/sources"));
  CHECK(find_error(r, "/trips/0/outbound/0/stops/2/sources"));
  // A vehicle's timing speed is our assumption, not a published figure: the desk may stand alone there.
  text = replace(sourcing_doc(), R"("timing_speed_kmh": {"min": 50, "max": 60, "sources": ["src-a"]})",
                 R"("timing_speed_kmh": {"min": 50, "max": 60, "sources": ["desk-calc"]})");
  r = core::load_trips(text, "mini.json");
  CHECK(r.ok());
}

TEST_CASE("well_sourced needs two sources from different outlets") {
  const char* bad[] = {
      R"({"text": "A fact.", "sources": ["src-b"], "confidence": "well_sourced"})",             // one source
      R"({"text": "A fact.", "sources": ["kbs-en", "kbs-de"], "confidence": "well_sourced"})",  // one publisher
      R"({"text": "A fact.", "sources": ["yna", "desk-calc"], "confidence": "well_sourced"})",  // desk not counted
  };
  for (const char* fact : bad) {
    const auto r = core::load_trips(with_fact(fact), "mini.json");
    INFO(fact);
    INFO(all_errors(r));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].path == "/trips/0/facts/0/sources");
    CHECK(contains(r.errors[0].message, "well_sourced"));
    CHECK(contains(r.errors[0].message, "single_source"));
  }
  for (const char* fact : {R"({"text": "A fact.", "sources": ["kbs-de", "yna"], "confidence": "well_sourced"})",
                           R"({"text": "A fact.", "sources": ["yna"], "confidence": "single_source"})"}) {
    const auto r = core::load_trips(with_fact(fact), "mini.json");
    INFO(all_errors(r));
    CHECK(r.ok());
  }
  // The same rule for a date, a figure and a leg's vehicle.
  std::string text = replace(
      sourcing_doc(), R"("depart": {"date": "2018-03-25", "utc_offset": "+08:30", "sources": ["src-a"]})",
      R"("depart": {"date": "2018-03-25", "utc_offset": "+08:30", "confidence": "well_sourced", "sources": ["src-a"]})");
  text = replace(text, R"({"min": 16, "max": 20, "sources": ["src-b"]})",
                 R"({"min": 16, "max": 20, "sources": ["kbs-en", "kbs-de"], "confidence": "well_sourced"})");
  text =
      replace(text, R"({"mode": "train", "vehicle": "train-x", "sources": ["src-b"],)",
              R"({"mode": "train", "vehicle": "train-x", "vehicle_confidence": "well_sourced", "sources": ["src-b"],)");
  const auto r = core::load_trips(text, "mini.json");
  INFO(all_errors(r));
  CHECK(r.errors.size() == 3);
  CHECK(find_error(r, "/trips/0/depart/sources"));
  CHECK(find_error(r, "/trips/0/outbound/0/reported_duration_h/0/sources"));
  CHECK(find_error(r, "/trips/0/return/0/vehicle_confidence"));
}

TEST_CASE("an unavailable what-if may cite sources for its reason, checked like any other") {
  const std::string base =
      replace(valid_doc(), R"("what_if": [
        {"mode": "train", "vehicle": "train-x", "what_if": true, "sources": ["src-a"],
         "stops": [{"place": "p-one", "reported": false}, {"place": "p-three", "reported": false}]}
      ],)",
              R"("what_if_unavailable": [{"mode": "plane", "reason": "No airport", "sources": ["src-b"]}],)");
  auto r = core::load_trips(base, "mini.json");
  INFO(all_errors(r));
  REQUIRE(r.ok());
  REQUIRE(r.data.trips[0].what_if_unavailable.size() == 1);
  CHECK(r.data.trips[0].what_if_unavailable[0].sources == std::vector<std::string>{"src-b"});
  r = core::load_trips(replace(base, R"("No airport", "sources": ["src-b"])", R"("No airport", "sources": ["nope"])"),
                       "mini.json");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].path == "/trips/0/what_if_unavailable/0/sources/0");
}

// --- Rail lines: a train leg between two stops on one line follows the line's stations (issue 15).

namespace {

// The minimal document with one waypoint place between p-one and p-two, and a line through the three.
std::string with_line(const std::string& line_places = R"(["p-one", "p-mid", "p-two"])") {
  std::string d = replace(
      valid_doc(), R"({"id": "p-three", "name": "Three")",
      R"({"id": "p-mid", "name": "Mid", "kind": "station", "lat": 39.8, "lon": 124.0, "coord_sources": ["src-a"], "waypoint": true},
    {"id": "p-three", "name": "Three")");
  return replace(d, R"(  "vehicles": [)",
                 R"(  "lines": [{"id": "line-a", "name": "Line A", "places": )" + line_places +
                     R"(, "sources": ["src-a"]}],
  "vehicles": [)");
}

}  // namespace

TEST_CASE("a train leg follows the stations of a line between its stops, in either direction") {
  const core::LoadResult r = core::load_trips(with_line(), "t.json");
  INFO(all_errors(r));
  REQUIRE(r.ok());
  const core::Trip& t = r.data.trips.at(0);
  const core::Leg& out = t.outbound.at(0);
  REQUIRE(out.via.size() == 2);
  REQUIRE(out.via[0].size() == 1);  // p-one -> p-mid -> p-two
  CHECK(out.via[0][0].lat == doctest::Approx(39.8));
  CHECK(out.via_line[0] == "line-a");
  CHECK(out.via[1].empty());  // p-two -> p-three: on no line, a great circle
  CHECK(out.via_line[1].empty());
  // The stops are unchanged: a waypoint is never a stop.
  CHECK(out.stops.size() == 3);
  // Reversed along the line (the return p-three -> p-one is on no line; the what-if p-one -> p-three neither).
  const std::string back = replace(
      with_line(), R"("stops": [{"place": "p-three", "reported": false}, {"place": "p-one", "reported": false}])",
      R"("stops": [{"place": "p-two", "reported": false}, {"place": "p-one", "reported": false}])");
  const core::LoadResult rb = core::load_trips(back, "t.json");
  INFO(all_errors(rb));
  REQUIRE(rb.ok());
  const core::Leg& ret = rb.data.trips.at(0).return_legs.at(0);
  REQUIRE(ret.via.size() == 1);
  REQUIRE(ret.via[0].size() == 1);
  CHECK(ret.via[0][0].lon == doctest::Approx(124.0));
}

TEST_CASE("a line waypoint cannot be a stop, and lines name known places once") {
  {
    const std::string d =
        replace(with_line(), R"({"place": "p-two", "reported": false},)", R"({"place": "p-mid", "reported": false},)");
    const core::LoadResult r = core::load_trips(d, "t.json");
    const core::LoadError* e = find_error(r, "/trips/0/outbound/0/stops/1/place");
    REQUIRE(e);
    CHECK(e->message.find("waypoint") != std::string::npos);
  }
  {
    const core::LoadResult r = core::load_trips(with_line(R"(["p-one", "p-nowhere"])"), "t.json");
    CHECK(find_error(r, "/lines/0/places/1"));
    // p-mid is then on no line: a leftover waypoint is refused too.
    CHECK(find_error(r, "/places/2/waypoint"));
  }
  {
    const core::LoadResult r = core::load_trips(with_line(R"(["p-one", "p-mid", "p-one"])"), "t.json");
    CHECK(find_error(r, "/lines/0/places/2"));
  }
  {
    const core::LoadResult r = core::load_trips(with_line(R"(["p-one"])"), "t.json");
    CHECK(find_error(r, "/lines/0/places"));
  }
}

// --- Traced track: the points between two stations of a line, stored on the line (issue 15).

namespace {

// The minimal document with a line p-one -> p-two whose track between them is traced (three points, one per
// text line of its own where the tests need the line number).
std::string with_track(const std::string& stretch = R"({"from": "p-one", "to": "p-two", "source": "src-a", "points": [
        [125.65, 39.05],
        [125.0, 39.6],
        [124.45, 40.05]]})") {
  return replace(valid_doc(), R"(  "vehicles": [)",
                 R"(  "lines": [{"id": "line-a", "name": "Line A", "places": ["p-one", "p-two"], "sources": ["src-a"],
    "track": [
      )" + stretch + R"(
    ]}],
  "vehicles": [)");
}

// The one error at `path`, on the text line holding `needle`.
void check_one_error_at(const std::string& text, const std::string& path, const std::string& needle,
                        const std::string& says) {
  const core::LoadResult r = core::load_trips(text, "t.json");
  INFO(all_errors(r));
  const core::LoadError* e = find_error(r, path);
  REQUIRE(e);
  CHECK(r.errors.size() == 1);
  CHECK(e->line == line_of(text, needle));
  CHECK(e->message.find(says) != std::string::npos);
}

}  // namespace

TEST_CASE("a train leg follows a line's traced track, in either direction") {
  const core::LoadResult r = core::load_trips(with_track(), "t.json");
  INFO(all_errors(r));
  REQUIRE(r.ok());
  const core::RailLine& line = r.data.lines.at(0);
  REQUIRE(line.track.size() == 1);
  CHECK(line.track[0].source == "src-a");
  const core::Leg& out = r.data.trips.at(0).outbound.at(0);
  REQUIRE(out.via.at(0).size() == 3);                   // p-one, the three track points, p-two
  CHECK(out.via[0][0].lon == doctest::Approx(125.65));  // points are [lon, lat]
  CHECK(out.via[0][0].lat == doctest::Approx(39.05));
  CHECK(out.via[0][2].lat == doctest::Approx(40.05));
  CHECK(out.via_line[0] == "line-a");
  // The track points are not places: nothing is added to /places or to the stops.
  CHECK(r.data.places.size() == 3);
  CHECK(out.stops.size() == 3);

  const std::string back = replace(
      with_track(), R"("stops": [{"place": "p-three", "reported": false}, {"place": "p-one", "reported": false}])",
      R"("stops": [{"place": "p-two", "reported": false}, {"place": "p-one", "reported": false}])");
  const core::LoadResult rb = core::load_trips(back, "t.json");
  INFO(all_errors(rb));
  REQUIRE(rb.ok());
  const core::Leg& ret = rb.data.trips.at(0).return_legs.at(0);
  REQUIRE(ret.via.at(0).size() == 3);
  CHECK(ret.via[0][0].lat == doctest::Approx(40.05));  // reversed: from p-two's end
  CHECK(ret.via[0][2].lat == doctest::Approx(39.05));
}

// The Khasan line's track serves the trips from Ussuriysk (2019) and from Artyom (2023), each on a line of its own.
TEST_CASE("a stretch of track is given once and followed by every line through its two stations") {
  const std::string two_lines = replace(with_track(), "\n    ]}],", R"(
    ]},
    {"id": "line-b", "name": "Line B", "places": ["p-three", "p-two", "p-one"], "sources": ["src-a"]}],)");
  const core::LoadResult r = core::load_trips(two_lines, "t.json");
  INFO(all_errors(r));
  REQUIRE(r.ok());
  REQUIRE(r.data.lines.size() == 2);
  // The return leg p-three -> p-one is on line B only: through p-two, then line A's stretch, reversed.
  const core::Leg& ret = r.data.trips.at(0).return_legs.at(0);
  CHECK(ret.via_line.at(0) == "line-b");
  REQUIRE(ret.via.at(0).size() == 4);  // p-two, then the three track points from p-two's end
  CHECK(ret.via[0][0].lat == doctest::Approx(40.1));
  CHECK(ret.via[0][1].lat == doctest::Approx(40.05));
  CHECK(ret.via[0][3].lat == doctest::Approx(39.05));

  // A second copy on line B (either direction) is refused where it is written.
  const std::string copy = replace(two_lines, R"("p-one"], "sources": ["src-a"]}],)",
                                   R"("p-one"], "sources": ["src-a"], "track": [
      {"from": "p-two", "to": "p-one", "source": "src-a", "points": [[124.45, 40.05], [125.65, 39.05]]}]}],)");
  check_one_error_at(copy, "/lines/1/track/0/from", R"({"from": "p-two", "to": "p-one")",
                     "is already given by line \"line-a\"");
}

TEST_CASE("a bad track point is refused with its line number") {
  // Latitude and longitude swapped: [lat, lon] instead of [lon, lat] lies far outside the region.
  check_one_error_at(replace(with_track(), "[125.0, 39.6]", "[39.6, 125.0]"), "/lines/0/track/0/points/1",
                     "[39.6, 125.0]", "outside the region");
  check_one_error_at(replace(with_track(), "[125.0, 39.6]", "[125.0]"), "/lines/0/track/0/points/1", "[125.0]",
                     "[lon, lat]");
  check_one_error_at(replace(with_track(), "[125.0, 39.6]", R"([125.0, "39.6"])"), "/lines/0/track/0/points/1",
                     R"([125.0, "39.6"])", "two numbers");
  // A number too large for a double is refused by the parser, on its line.
  const std::string huge = replace(with_track(), "[125.0, 39.6]", "[125.0, 1e999]");
  const core::LoadResult r = core::load_trips(huge, "t.json");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].line == line_of(huge, "1e999"));
  CHECK(r.errors[0].message.find("1e999") != std::string::npos);
}

TEST_CASE("a track stretch runs from a station of its line to the next one, with its ends near them") {
  // Not a station of the line.
  check_one_error_at(replace(with_track(), R"("to": "p-two")", R"("to": "p-three")"), "/lines/0/track/0/to",
                     R"("to": "p-three")", "not a station of line \"line-a\"");
  check_one_error_at(replace(with_track(), R"("from": "p-one")", R"("from": "p-nowhere")"), "/lines/0/track/0/from",
                     R"("from": "p-nowhere")", "not a station of line \"line-a\"");
  // Against the line's order: from p-two to p-one (give the points that way round so only the order is wrong).
  check_one_error_at(with_track(R"({"from": "p-two", "to": "p-one", "source": "src-a", "points": [
        [124.45, 40.05], [125.65, 39.05]]})"),
                     "/lines/0/track/0/to", R"("from": "p-two")", "after \"p-two\" comes none");
  // Points in the wrong direction: each end is far from its station.
  const std::string reversed = with_track(R"({"from": "p-one", "to": "p-two", "source": "src-a", "points": [
        [124.45, 40.05],
        [125.65, 39.05]]})");
  const core::LoadResult r = core::load_trips(reversed, "t.json");
  const core::LoadError* first = find_error(r, "/lines/0/track/0/points/0");
  const core::LoadError* last = find_error(r, "/lines/0/track/0/points/1");
  REQUIRE(first);
  REQUIRE(last);
  CHECK(r.errors.size() == 2);
  CHECK(first->line == line_of(reversed, "[124.45, 40.05]"));
  CHECK(first->message.find("km from \"p-one\"") != std::string::npos);
  CHECK(last->line == line_of(reversed, "[125.65, 39.05]"));
}

TEST_CASE("a track stretch needs a known source and points") {
  check_one_error_at(replace(with_track(), R"("source": "src-a", )", ""), "/lines/0/track/0/source",
                     R"({"from": "p-one")", "missing field \"source\"");
  check_one_error_at(replace(with_track(), R"("source": "src-a")", R"("source": "src-nope")"),
                     "/lines/0/track/0/source", R"("source": "src-nope")", "unknown source id \"src-nope\"");
  check_one_error_at(with_track(R"({"from": "p-one", "to": "p-two", "source": "src-a", "points": []})"),
                     "/lines/0/track/0/points", R"("points": [])", "at least one point");
  check_one_error_at(replace(with_track(), R"("source": "src-a", )", R"("source": "src-a", "sorce": "x", )"),
                     "/lines/0/track/0/sorce", R"("sorce")", "unknown field");
}

TEST_CASE("the page's copy gives a stretch's points as points_e4, read to the same points; bad ones are refused") {
  // scripts/publish.mjs: [lon, lat] in 1e-4 degrees, the first as it is, each next the step from the one before.
  const std::string compact = with_track(R"({"from": "p-one", "to": "p-two", "source": "src-a", "points_e4": [
        1256500, 390500, -6500, 5500, -5500, 4500]})");
  const core::LoadResult written = core::load_trips(with_track(), "t.json");
  const core::LoadResult r = core::load_trips(compact, "t.json");
  INFO(all_errors(r));
  REQUIRE(r.ok());
  const std::vector<core::LatLon>& a = written.data.lines.at(0).track.at(0).points;
  const std::vector<core::LatLon>& b = r.data.lines.at(0).track.at(0).points;
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(b[i].lat == doctest::Approx(a[i].lat).epsilon(1e-12));
    CHECK(b[i].lon == doctest::Approx(a[i].lon).epsilon(1e-12));
  }
  CHECK(r.data.trips.at(0).outbound.at(0).via.at(0).size() == 3);

  check_one_error_at(replace(compact, "-5500, 4500]", "-5500]"), "/lines/0/track/0/points_e4", "points_e4",
                     "pairs of whole numbers");
  check_one_error_at(replace(compact, "-6500, 5500", "-6500.5, 5500"), "/lines/0/track/0/points_e4/2", "-6500.5",
                     "whole numbers");
  check_one_error_at(replace(compact, "1256500, 390500", "390500, 1256500"), "/lines/0/track/0/points_e4/0",
                     "390500, 1256500", "outside the region");
  // The ends are checked as for written points: reversed, each end is far from its station.
  const core::LoadResult reversed = core::load_trips(
      with_track(
          R"({"from": "p-one", "to": "p-two", "source": "src-a", "points_e4": [1244500, 400500, 12000, -10000]})"),
      "t.json");
  CHECK(reversed.errors.size() == 2);
  REQUIRE(find_error(reversed, "/lines/0/track/0/points_e4/0"));
  CHECK(find_error(reversed, "/lines/0/track/0/points_e4/0")->message.find("km from \"p-one\"") != std::string::npos);
  CHECK(find_error(reversed, "/lines/0/track/0/points_e4/2"));
  const core::LoadResult both = core::load_trips(
      replace(with_track(), R"("source": "src-a", )", R"("source": "src-a", "points_e4": [1256500, 390500], )"),
      "t.json");
  CHECK(find_error(both, "/lines/0/track/0/points_e4"));
}

TEST_CASE("a published line length is only for train legs") {
  const std::string d = replace(valid_doc(), R"({"value": 1364, "sources": ["src-b"]})",
                                R"({"value": 1364, "sources": ["src-b"], "line_length": true})");
  const core::LoadResult r = core::load_trips(d, "t.json");
  INFO(all_errors(r));
  REQUIRE(r.ok());
  CHECK(r.data.trips.at(0).outbound.at(0).reported_distance_km.at(0).line_length);
  const std::string plane = replace(replace(d, R"("mode": "train", "vehicle": "train-x", "sources": ["src-a"],
         "stops": [{"place": "p-one")",
                                            R"("mode": "plane", "vehicle": "plane-y", "sources": ["src-a"],
         "stops": [{"place": "p-one")"),
                                    R"(  "trips": [)", R"(  "trips": [)");
  const std::string with_plane = replace(plane, R"("sources": ["src-a"]}
  ],
  "trips": [)",
                                         R"("sources": ["src-a"]},
    {"id": "plane-y", "name": "Plane Y", "mode": "plane", "description": "A plane", "sources": ["src-a"]}
  ],
  "trips": [)");
  const core::LoadResult rp = core::load_trips(with_plane, "t.json");
  CHECK(find_error(rp, "/trips/0/outbound/0/reported_distance_km/0/line_length"));
}

TEST_CASE("check_line_lengths flags a computed line length outside 95-103 % of the published one") {
  auto checked = [](const std::string& figure) {
    const std::string d =
        replace(valid_doc(), R"({"value": 280, "from": "p-one", "to": "p-two", "sources": ["src-b"]})", figure);
    const core::LoadResult r = core::load_trips(d, "t.json");
    INFO(all_errors(r));
    REQUIRE(r.ok());
    const std::vector<core::LineLengthCheck> c = core::check_line_lengths(r.data);
    REQUIRE(c.size() == 1);  // only the figure marked line_length
    return c[0];
  };
  const double km = core::great_circle_km({39.0, 125.7}, {40.1, 124.4});
  const core::LineLengthCheck far =
      checked(R"({"value": 280, "from": "p-one", "to": "p-two", "sources": ["src-b"], "line_length": true})");
  CHECK(far.computed_km == doctest::Approx(km));
  CHECK(far.ratio == doctest::Approx(km / 280));
  CHECK_FALSE(far.in_band);
  CHECK(far.leg == "outbound 0");
  char near[160];
  std::snprintf(near, sizeof near,
                R"({"value": %.1f, "from": "p-one", "to": "p-two", "sources": ["src-b"], "line_length": true})",
                km / 0.99);
  CHECK(checked(near).in_band);
  std::snprintf(near, sizeof near,
                R"({"value": %.1f, "from": "p-one", "to": "p-two", "sources": ["src-b"], "line_length": true})",
                km / 1.05);
  CHECK_FALSE(checked(near).in_band);  // computed longer than the line: a coordinate is off
}
