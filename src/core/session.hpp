// The explainer's behaviour without a platform: what a command does, which journey is on screen and how the
// camera follows it, and how the camera's flight and the journey clock move on each frame. src/app/main.cpp
// feeds it the reader's input and draws what it holds; the unit tests drive it directly.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.hpp"
#include "core/camera.hpp"
#include "core/commands.hpp"
#include "core/language.hpp"
#include "core/journey.hpp"
#include "core/trip_card.hpp"
#include "core/trips.hpp"

namespace core {

struct Session {
  TripData trips;                         // valid trips only, in the reader's language (core/localize.hpp)
  TripData trips_source;                  // ... the same as loaded, in English
  std::vector<Words> words;               // the catalogues that have arrived (English needs none)
  LocalNames local_names;                 // places' names in their own script, once they have arrived
  Language localized_for = Language::En;  // the language `trips` and `journey` are in
  bool localize_again = true;             // a catalogue or the local names arrived since
  std::string trips_error;                // shown in the sidebar when there are no trips
  Journey journey;                        // the selected trip's tracks, rebuilt when the trip changes
  std::string journey_trip;               // which trip `journey` was built for
  unsigned journey_revision = 0;          // one more at each rebuild (session_build_journey): caches key on it
  TripCard card;                          // the trip's card in the sidebar (session_trip_card), and what it was
  unsigned card_revision = 0;             // ... built from: the journey, the words' language, local names
  Language card_language = Language::En;
  bool card_local_names = false;
  unsigned cards_built = 0;                // the last card's edition
  ShowMode fitted_show = ShowMode::Train;  // the mode the camera was last fitted to
  bool fitted_sidebar_open = true;         // ... and whether the trips panel was open (it changes the free map area)

  // The camera's flight to a new trip (van Wijk & Nuij); cancelled by any drag or zoom of the reader's.
  FlyPath fly;
  double fly_elapsed = 0.0;
  bool flying = false;
  bool view_moved = false;          // the reader (or a link) placed the camera: links keep the view
  std::string view_asked_for_trip;  // the trip shown when the page last set the view (session_set_state)
  bool reduced_motion = false;      // the reader's system setting: cut, never fly

  // Where a trip is framed, from the app's last layout: the panels over the map (CSS px) and the room kept inside
  // the area they leave free (padding_for_panels); with no panels given, `map_padding` as it is.
  std::vector<ScreenRect> fit_panels;
  Padding fit_margin;
  Padding map_padding;
  // The app has laid out a frame, so the framing above is known: from then on a command, a link or the page's
  // setState takes effect at once (journey, framing, status), not at the next frame. Before it, that frame does it.
  bool laid_out = false;
  std::vector<ScreenRect> fitted_panels;  // the panels of the last framing: when they change, it is framed again

  AppState state;
  AppStatus status;
};

// The journey of `trip` (in the reader's language), as the selected trip's from now on.
void session_build_journey(Session& s, const Trip& trip);

// The selected trip's card for the sidebar, built again only when the journey, the language or the local-names
// switch changed since the last call. Call with a journey built (session_sync_journey).
const TripCard& session_trip_card(Session& s);

// The one place a reader action is decided, however it arrived (core/commands.hpp); returns what the platform
// must carry out.
Effects apply_command(Session& s, const Command& c);

// The reader's language's words, or English's while its catalogue has not arrived.
const Words& session_words(const Session& s);

// A language's catalogue arrived (assets/lang/<code>.json): the texts follow it at once if it is the reader's.
// Returns what is wrong with it ("" when it was taken).
std::string session_add_words(Session& s, Language language, std::string_view json_text);
std::string session_add_local_names(Session& s, std::string_view json_text);

// The trip data and the journey on screen in the state's language (after a language change or a catalogue's
// arrival); the trip, clock, mode and view stay as they are.
void session_localize(Session& s);

// The trip or the mode changed (by a click, a key, a link or the page): new tracks, a new frame for the camera
// in the area the panels leave free (`fit_panels`, else `map_padding`). Returns true when the journey was rebuilt.
bool session_sync_journey(Session& s);

// Something to tell the reader on the page: level 0 info, 1 warning, 2 error.
struct Notice {
  int level = 0;
  std::string text;
};

// The trips file as downloaded ("" when the download failed): every trip that can be drawn is kept, one with an
// error is left out (not half drawn), and the session opens on the latest journey. Returns what the page must
// say: the first errors, how many more, and how many trips are shown.
std::vector<Notice> session_load_trips(Session& s, std::string_view json_text);
// The trips could not be downloaded: only the map is shown, and the sidebar says why.
void session_trips_missing(Session& s);
// The same as session_load_trips, given the file as loaded: the page's copy unpacked (core/trips_pack.hpp).
std::vector<Notice> session_take_trips(Session& s, LoadResult result);

// A link's hash, at start or edited by the reader: the state and presentation it names. Returns a notice for
// each part it ignored.
std::vector<std::string> session_apply_link(Session& s, std::string_view hash);

// The page's setState (core::apply_state_json) on the session: a view it asks for wins over a flight in progress.
std::vector<std::string> session_set_state(Session& s, std::string_view json_text);

// After a change from outside the frame's own step, once `laid_out`: the journey, its framing and the status (the
// trip's end, where each vehicle is) follow at once. A host that picks a trip and then asks for its end, or seeks
// in it, gets the new trip's, and the state never pairs the new trip with the old one's end. apply_command,
// session_apply_link and session_set_state end with it.
void session_catch_up(Session& s);

// Frames the shown tracks, flying there unless `animate` is false or the reader prefers reduced motion.
void session_fit_camera(Session& s, const Padding& map_padding, bool animate);

// The reader took the camera (drag, wheel, pinch): any flight stops, and links keep this view.
void session_camera_moved(Session& s);

// One frame of `dt` seconds: the camera's flight and the journey clock advance, and the status follows.
void session_step(Session& s, double dt);

}  // namespace core
