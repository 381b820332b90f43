// libFuzzer target: the trip data loader (assets/trips.json, checked by the build and by tripcheck) on arbitrary
// bytes. When the data loads without errors, the journeys the app would animate are built and played through too.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/trips.hpp"
#include "play_journeys.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const core::LoadResult result = core::load_trips(text, "trips.json");
  for (const core::LoadError& e : result.errors) (void)e.to_string();
  if (result.ok()) play_every_journey(result.data);
  return 0;
}
