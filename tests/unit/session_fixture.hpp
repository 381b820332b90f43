// The session the unit tests start from: every trip of assets/trips.json loaded, a 1000 × 700 viewport.
#pragma once
#include <doctest/doctest.h>

#include "core/session.hpp"

inline core::Session loaded_session() {
  core::Session s;
  core::LoadResult loaded = core::load_trips_file(JOURNEYS_SOURCE_DIR "/assets/trips.json");
  REQUIRE(loaded.ok());
  s.trips = std::move(loaded.data);
  s.state.camera.viewport = {1000, 700, 1};
  s.state.camera.zoom = -3;
  return s;
}

// The trip or mode change taken in, framed with `map_padding` (the app's layout sets it each frame).
inline bool sync(core::Session& s, const core::Padding& map_padding) {
  s.map_padding = map_padding;
  return core::session_sync_journey(s);
}
