// What the page's accessible HTML layer shows, made here from the same text functions as the canvas panels, so
// the two never say different things (web/a11y.js only puts it into HTML).
#pragma once
#include <string>

#include "core/session.hpp"

namespace core {

// {"lang":"en", "words":{the page's own labels in this language}, "trips":[{"id","number","destination","meta"}],
// "speeds":[0.25,..,16],
//  "trip":{"id","heading","dates","destination","met","travelledBy","summary","facts":[{"text","sources":[..]}],
//          "sources":[..]},                       a source: {"name","url","about"}; outlets only, never the desk
//  "modes":{"train":{"label","enabled"},"plane":{..},"both":{..}}, "modeNote",
//  "play":"Play|Pause|Replay", "clock":"2 h 05 min of 70 h 00 min", "now":"Passed Dandong …",
//  "progress":{"train":"…","plane":"…"}}       the sentence to announce for each shown track at this moment
// DescribeScope::Moment gives only what changes with the clock and the mode: {"lang", "tripId", "modes",
// "modeNote", "play", "clock", "now", "progress"}. The layer asks for that on every change of state (several
// times a second while playing) and for everything only when the language or the trip changes: the trips, the
// facts and their sources are most of the text and most of the time.
enum class DescribeScope { Everything, Moment };
std::string describe_json(const Session& session, DescribeScope scope = DescribeScope::Everything);

// "The train passed Dandong (stop 3 of 12), next Sinuiju; 1,034 km to go." / "The what-if plane arrived at
// Beijing Capital after 1 h 50 min." / "" before it has passed a stop.
std::string progress_text(const Words& w, const Track& track, double clock_h);

}  // namespace core
