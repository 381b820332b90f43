// libFuzzer target: the page's copy of the trips (assets/trips.bin, core::unpack_trips) on arbitrary bytes. When
// something unpacks, the journeys the app would animate are built and played through too, as fuzz_trips does for
// the JSON: the pack is checked for what the rest of the core relies on, not by the loader's rules.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/journey.hpp"
#include "core/legs.hpp"
#include "core/trips_pack.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string texts;
  const core::LoadResult result = core::unpack_trips(data, size, "trips.bin", &texts);
  for (const core::LoadError& e : result.errors) (void)e.to_string();
  for (const core::Trip& trip : result.data.trips) {
    const core::Journey journey = core::build_journey(result.data, trip);
    for (core::ShowMode show : {core::ShowMode::Train, core::ShowMode::Plane, core::ShowMode::Both}) {
      const double end_h = core::playback_end_h(journey, show);
      (void)core::step_hours(end_h);
      (void)core::format_hours(end_h);
    }
    for (const core::Track* track : {&journey.train, &journey.plane}) {
      if (!track->available) continue;
      (void)core::compare_track(*track);
      const double total = track->duration_h();
      for (int i = 0; i <= 8; ++i) (void)core::track_state_at(*track, total * i / 8.0);
    }
  }
  return 0;
}
