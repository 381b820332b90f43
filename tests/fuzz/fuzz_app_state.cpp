// libFuzzer target: the page state parser, core::apply_state_json, which reads every setState() call, URL
// hash and postMessage an embedding page sends. The shipped assets/trips.json is loaded once (the trip ids are
// real). Each input is applied to a fresh state; the result must be all-or-nothing, and a state that was
// accepted must serialise and parse back unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/app_state.hpp"
#include "core/trips.hpp"

static const core::TripData& trips() {
  static const core::TripData data = [] {
    core::LoadResult r = core::load_trips_file(JOURNEYS_SOURCE_DIR "/assets/trips.json");
    if (!r.ok() || r.data.trips.empty()) {
      std::fprintf(stderr, "fuzz_app_state: cannot load assets/trips.json (%zu errors)\n", r.errors.size());
      std::abort();
    }
    return std::move(r.data);
  }();
  return data;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const core::TripData& tripdata = trips();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  core::AppState state;
  state.trip_id = tripdata.trips.front().id;
  const core::AppStatus status;
  const std::string before = core::state_to_json(state, status);
  const std::vector<std::string> errors = core::apply_state_json(state, text, tripdata);
  const std::string after = core::state_to_json(state, status);
  if (!errors.empty() && after != before) {
    std::fprintf(stderr, "refused input changed the state:\n%s\n%s\n", before.c_str(), after.c_str());
    std::abort();
  }
  if (errors.empty()) {
    // What getState reports must be accepted by setState once the read-only status is dropped.
    std::string round = after.substr(0, after.find(",\"status\":")) + "}";
    core::AppState again = state;
    const std::vector<std::string> e2 = core::apply_state_json(again, round, tripdata);
    if (!e2.empty()) {
      std::fprintf(stderr, "getState output refused by setState: %s\n  %s\n", round.c_str(), e2.front().c_str());
      std::abort();
    }
  }
  return 0;
}
