// libFuzzer target: the trip data loader (assets/trips.json, fetched by the page) on arbitrary bytes.
// When the data loads without errors, the journeys the app would animate are built and played through too,
// so valid-but-odd data (zero-length legs, equal stops, huge figures) is exercised as well as broken JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/legs.hpp"
#include "core/journey.hpp"
#include "core/trips.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const core::LoadResult result = core::load_trips(text, "trips.json");
  for (const core::LoadError& e : result.errors) (void)e.to_string();
  if (!result.ok()) return 0;
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
      (void)core::track_state_at(*track, -1.0);
      (void)core::track_state_at(*track, total + 1.0);
    }
  }
  return 0;
}
