// libFuzzer target: the link parser, core::parse_url_state, which reads every URL hash a reader opens or an
// article links to. Whatever the hash, parsing must not crash, applying must leave a usable state (finite,
// non-negative clock; finite zoom), notices stay few and short, and the link formatted from the result must
// parse back without a notice.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/trips.hpp"
#include "core/url_state.hpp"

static const core::TripData& trips() {
  static const core::TripData data = [] {
    core::LoadResult r = core::load_trips_file(JOURNEYS_SOURCE_DIR "/assets/trips.json");
    if (!r.ok() || r.data.trips.empty()) {
      std::fprintf(stderr, "fuzz_url_state: cannot load assets/trips.json (%zu errors)\n", r.errors.size());
      std::abort();
    }
    return std::move(r.data);
  }();
  return data;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const core::TripData& tripdata = trips();
  const std::string_view hash(reinterpret_cast<const char*>(data), size);
  const core::UrlState url = core::parse_url_state(hash, tripdata);
  if (url.notices.size() > 6) std::abort();
  for (const std::string& n : url.notices)
    if (n.size() > 160) std::abort();
  core::AppState state;
  state.trip_id = tripdata.trips.front().id;
  core::apply_url_state(url, state);
  if (!std::isfinite(state.playback.clock_h) || state.playback.clock_h < 0 || !std::isfinite(state.camera.zoom))
    std::abort();
  const std::string link = core::format_url_state(state, url.presentation, true);
  const core::UrlState again = core::parse_url_state(link, tripdata);
  if (!again.notices.empty()) {
    std::fprintf(stderr, "our own link was refused: %s\n%s\n", link.c_str(), again.notices.front().c_str());
    std::abort();
  }
  return 0;
}
