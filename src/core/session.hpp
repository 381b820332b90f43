// The explainer's behaviour without a platform: what a command does, which journey is on screen and how the
// camera follows it, and how the camera's flight and the journey clock move on each frame. src/app/main.cpp
// feeds it the reader's input and draws what it holds; the unit tests drive it directly.
#pragma once
#include <string>

#include "core/app_state.hpp"
#include "core/camera.hpp"
#include "core/keys.hpp"
#include "core/player.hpp"
#include "core/trips.hpp"

namespace core {

struct Session {
  TripData trips;                      // valid trips only; empty when the file could not be used
  std::string trips_error;             // shown in the sidebar when there are no trips
  Journey journey;                     // the selected trip's tracks, rebuilt when the trip changes
  std::string journey_trip;            // which trip `journey` was built for
  ShowMode fitted_show = ShowMode::Train;  // the mode the camera was last fitted to
  bool fitted_sidebar_open = true;     // ... and whether the trips panel was open (it changes the free map area)

  // The camera's flight to a new trip (van Wijk & Nuij); cancelled by any drag or zoom of the reader's.
  FlyPath fly;
  double fly_elapsed = 0.0;
  bool flying = false;
  bool view_moved = false;             // the reader (or a link) placed the camera: links keep the view
  bool reduced_motion = false;         // the reader's system setting: cut, never fly

  // The panels over the map (CSS px) and the room kept inside the area they leave free, for framing a trip
  // (padding_for_panels). Empty: the caller's map_padding is used as it is.
  std::vector<ScreenRect> fit_panels;
  Padding fit_margin;
  std::vector<ScreenRect> fitted_panels;  // the panels of the last framing: when they change, it is framed again

  AppState state;
  AppStatus status;
};

// What a command asks of the platform beyond the session (the browser's full screen).
enum class SessionEffect { None, ToggleFullscreen };
SessionEffect session_run_command(Session& s, const Command& c);

// The trip or the mode changed (by a click, a key, a link or the page): new tracks, a new frame for the camera
// (`map_padding`: what the panels cover, unless `fit_panels` says where they are). Returns true when the journey
// was rebuilt (its routes need uploading).
bool session_sync_journey(Session& s, const Padding& map_padding);

// Frames the shown tracks, flying there unless `animate` is false or the reader prefers reduced motion.
void session_fit_camera(Session& s, const Padding& map_padding, bool animate);

// The reader took the camera (drag, wheel, pinch): any flight stops, and links keep this view.
void session_camera_moved(Session& s);

// One frame of `dt` seconds: the camera's flight and the journey clock advance, and the status follows.
void session_step(Session& s, double dt);

}  // namespace core
