// libFuzzer target: the page's copy of the trips (assets/trips.bin, core::unpack_trips) on arbitrary bytes. What
// unpacks is played through as fuzz_trips plays the JSON: the pack is checked for what the rest of the core relies
// on, not by the loader's rules, so whatever it lets through must be safe to animate.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/trips_pack.hpp"
#include "play_journeys.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string texts;
  const core::LoadResult result = core::unpack_trips(data, size, "trips.bin", &texts);
  for (const core::LoadError& e : result.errors) (void)e.to_string();
  play_every_journey(result.data);
  return 0;
}
