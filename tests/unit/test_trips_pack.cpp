// The page's copy of the trips (core/trips_pack.hpp): the shipped data packed and unpacked is the same data, and a
// damaged pack is named, trip by trip, never read past its end.
#include <doctest/doctest.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "core/trips.hpp"
#include "core/trips_pack.hpp"

namespace {

const core::LoadResult& shipped() {
  static const core::LoadResult r = core::load_trips_file(std::string(JOURNEYS_SOURCE_DIR) + "/assets/trips.json");
  return r;
}

std::vector<std::uint8_t> shipped_pack() {
  std::string error;
  std::vector<std::uint8_t> pack = core::pack_trips(shipped().data, &error);
  REQUIRE_MESSAGE(!pack.empty(), error);
  return pack;
}

core::LoadResult unpack(const std::vector<std::uint8_t>& bytes) {
  return core::unpack_trips(bytes.data(), bytes.size(), "trips.bin");
}

std::string all_errors(const core::LoadResult& r) {
  std::string s;
  for (const auto& e : r.errors) s += e.to_string() + "\n";
  return s;
}

bool same_points(const std::vector<core::LatLon>& a, const std::vector<core::LatLon>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].lat != b[i].lat || a[i].lon != b[i].lon) return false;
  return true;
}

}  // namespace

TEST_CASE("the shipped trips packed and unpacked are the same data") {
  REQUIRE(shipped().ok());
  const std::vector<std::uint8_t> pack = shipped_pack();
  std::string texts;
  const core::LoadResult r = core::unpack_trips(pack.data(), pack.size(), "trips.bin", &texts);
  INFO(all_errors(r));
  REQUIRE(r.ok());
  // Every packed field: the unpacked data packs to the same bytes.
  std::string error;
  CHECK(core::pack_trips(r.data, &error) == pack);
  // What unpacking derives again: the stops' places and the legs' lines, exactly as the loader made them.
  const core::TripData& want = shipped().data;
  REQUIRE(r.data.trips.size() == want.trips.size());
  std::size_t via_points = 0;
  for (std::size_t t = 0; t < want.trips.size(); ++t) {
    const core::Trip& a = want.trips[t];
    const core::Trip& b = r.data.trips[t];
    CAPTURE(a.id);
    CHECK(a.id == b.id);
    for (const auto group :
         {&core::Trip::outbound, &core::Trip::tour, &core::Trip::return_legs, &core::Trip::what_if}) {
      REQUIRE((a.*group).size() == (b.*group).size());
      for (std::size_t l = 0; l < (a.*group).size(); ++l) {
        const core::Leg& la = (a.*group)[l];
        const core::Leg& lb = (b.*group)[l];
        CHECK(la.via_line == lb.via_line);
        REQUIRE(la.via.size() == lb.via.size());
        for (std::size_t i = 0; i < la.via.size(); ++i) {
          CHECK(same_points(la.via[i], lb.via[i]));
          via_points += la.via[i].size();
        }
        REQUIRE(la.stops.size() == lb.stops.size());
        for (std::size_t s = 0; s < la.stops.size(); ++s) {
          CHECK(la.stops[s].name == lb.stops[s].name);
          CHECK(la.stops[s].coord.lat == lb.stops[s].coord.lat);
          CHECK(la.stops[s].coord.lon == lb.stops[s].coord.lon);
          CHECK(la.stops[s].kind == lb.stops[s].kind);
        }
      }
    }
  }
  CHECK(via_points > 5000);  // the lines' stations and track are in
  // Every text, for the page's font atlas: the Korean-free English file has its place names and dashes.
  CHECK(texts.find("Pyongyang Station") != std::string::npos);
  CHECK(texts.find("\xE2\x80\x93") != std::string::npos);
  // Much smaller than the JSON it comes from.
  std::ifstream json(std::string(JOURNEYS_SOURCE_DIR) + "/assets/trips.json", std::ios::binary | std::ios::ate);
  CHECK(pack.size() < static_cast<std::size_t>(json.tellg()) / 2);
}

TEST_CASE("a pack cut short keeps the trips before the cut and names the one cut") {
  const std::vector<std::uint8_t> pack = shipped_pack();
  const std::size_t trips = shipped().data.trips.size();
  std::size_t cuts = 0, some_trips_kept = 0;
  // Every length for the first bytes (the magic, the table of texts), then a few hundred through the rest.
  for (std::size_t size = 0; size < pack.size(); size += size < 64 ? 1 : pack.size() / 200) {
    const std::vector<std::uint8_t> cut(pack.begin(), pack.begin() + static_cast<std::ptrdiff_t>(size));
    const core::LoadResult r = unpack(cut);
    CAPTURE(size);
    REQUIRE(!r.errors.empty());
    CHECK(r.data.trips.size() < trips);
    for (const core::LoadError& e : r.errors) {
      CHECK(e.file == "trips.bin");
      CHECK(e.message.find("damaged") == 0);
    }
    if (!r.data.trips.empty()) {
      ++some_trips_kept;
      // The trips kept are the first ones, whole; the cut one is named when its id was read.
      CHECK(r.data.trips.front().id == shipped().data.trips.front().id);
      const core::LoadError& e = r.errors.front();
      if (!e.trip_id.empty()) CHECK(e.trip_id == shipped().data.trips[r.data.trips.size()].id);
    }
    ++cuts;
  }
  CHECK(cuts > 200);
  CHECK(some_trips_kept > 3);  // the cuts past the table of texts (most of the file: it comes first)
}

TEST_CASE("a damaged trip is named and left out, the others kept") {
  core::TripData data = shipped().data;
  core::Trip& hanoi = const_cast<core::Trip&>(*data.find_trip("2019-02-hanoi"));
  hanoi.outbound.at(0).stops.at(1).place_id = "nowhere";
  std::string error;
  const std::vector<std::uint8_t> pack = core::pack_trips(data, &error);
  REQUIRE(!pack.empty());
  const core::LoadResult r = unpack(pack);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].trip_id == "2019-02-hanoi");
  CHECK(r.errors[0].path.find("/outbound") != std::string::npos);
  CHECK(r.errors[0].message.find("a stop names no known place") != std::string::npos);
  CHECK(r.data.trips.size() == data.trips.size() - 1);
  CHECK_FALSE(r.data.find_trip("2019-02-hanoi"));
  CHECK(r.data.find_trip("2018-06-singapore"));

  // A leg of one stop, an impossible date: the same.
  core::TripData one_stop = shipped().data;
  const_cast<core::Trip&>(*one_stop.find_trip("2018-03-beijing")).return_legs.at(0).stops.resize(1);
  const core::LoadResult r1 = unpack(core::pack_trips(one_stop, &error));
  REQUIRE(r1.errors.size() == 1);
  CHECK(r1.errors[0].trip_id == "2018-03-beijing");
  CHECK(r1.errors[0].message.find("fewer than two stops") != std::string::npos);
  core::TripData bad_date = shipped().data;
  const_cast<core::Trip&>(*bad_date.find_trip("2018-03-beijing")).arrive.month = 13;
  const core::LoadResult r2 = unpack(core::pack_trips(bad_date, &error));
  REQUIRE(r2.errors.size() == 1);
  CHECK(r2.errors[0].path.find("/dates") != std::string::npos);
}

TEST_CASE("what is not a pack, or cannot be packed exactly, is said") {
  const std::string json = R"({"schema_version": 1})";
  const core::LoadResult r =
      core::unpack_trips(reinterpret_cast<const std::uint8_t*>(json.data()), json.size(), "t.bin");
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.find("not a trips pack") != std::string::npos);
  CHECK(r.data.trips.empty());

  core::TripData fine = shipped().data;
  fine.places.at(0).coord.lat += 1e-9;  // finer than the pack's 1e-6 degrees: refused, not rounded
  std::string error;
  CHECK(core::pack_trips(fine, &error).empty());
  CHECK(error.find("finer than 1e-6 degrees") != std::string::npos);

  // A flipped byte anywhere: a message or the same data, never a crash or a read past the end.
  const std::vector<std::uint8_t> pack = shipped_pack();
  for (std::size_t i = 4; i < pack.size(); i += pack.size() / 150) {
    std::vector<std::uint8_t> flipped = pack;
    flipped[i] ^= 0x5a;
    const core::LoadResult f = unpack(flipped);
    for (const core::LoadError& e : f.errors) CHECK(e.message.find("damaged") == 0);
  }
}
