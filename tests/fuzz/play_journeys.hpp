// Shared by the trip data's fuzz targets (the JSON and the page's pack): the journeys the app would animate from
// what loaded are built and played through, so valid-but-odd data (zero-length legs, equal stops, huge figures)
// is exercised as well as broken input.
#pragma once

#include "core/journey.hpp"
#include "core/legs.hpp"
#include "core/trips.hpp"

inline void play_every_journey(const core::TripData& data) {
  for (const core::Trip& trip : data.trips) {
    const core::Journey journey = core::build_journey(data, trip);
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
}
