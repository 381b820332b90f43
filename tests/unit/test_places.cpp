#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/places.hpp"

TEST_CASE("the shipped place list loads without errors and has the route's key places") {
  std::ifstream in(JOURNEYS_SOURCE_DIR "/assets/places.json");
  std::stringstream text;
  text << in.rdbuf();
  const core::PlacesResult r = core::load_places(text.str(), "places.json");
  CHECK(r.errors.empty());
  int found = 0;
  for (const core::MapPlace& p : r.places) {
    if (p.id == "pyongyang") {
      ++found;
      CHECK(p.coord.lat == doctest::Approx(39.02).epsilon(0.001));
      CHECK(p.rank == 1);
      CHECK(p.country == 408);  // its label keeps to North Korea's side of a border (journey_layer)
    }
    if (p.id == "sinuiju") CHECK(p.country == 408);
    if (p.id == "dandong") CHECK(p.country == 156);
    if (p.id == "vladivostok" || p.id == "singapore") ++found;
  }
  CHECK(found == 3);
}

TEST_CASE("bad places are named and skipped, good ones kept") {
  const char* text = R"({"places": [
        {"id": "a", "name": "A", "kind": "city", "lat": 40, "lon": 120, "rank": 2},
        {"id": "b", "name": "B", "kind": "city", "lat": 95, "lon": 120, "rank": 2},
        {"id": "c", "kind": "city", "lat": 10, "lon": 120, "rank": 1},
        "nonsense"]})";
  const core::PlacesResult r = core::load_places(text, "places.json");
  REQUIRE(r.places.size() == 1);
  CHECK(r.places[0].id == "a");
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0] == "places.json: places[1] (b): lat must be a number in [-90, 90]");
  CHECK(r.errors[1] == "places.json: places[2] (c): name must be a non-empty string");
  CHECK(r.errors[2] == "places.json: places[3]: expected an object");
  CHECK(core::load_places("{", "places.json").errors.at(0) == "places.json: not valid JSON");
  CHECK(core::load_places("[]", "places.json").errors.at(0).find("\"places\" array") != std::string::npos);
}
