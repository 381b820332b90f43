// Every reader action as a value. A click on a panel, a key, the accessible HTML layer, a host page's message: each
// becomes a Command, and core::apply_command (session.cpp) is the one place that decides what it does. What it
// asks of the platform (the browser's full screen, a download, a new tab) comes back as Effects.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace core {

enum class CommandKind {
  PlayPause,  // play, or pause; at the end: from the start again
  Restart,    // from the start, playing
  Seek,       // value: the journey clock, hours
  StepBack,
  StepForward,
  ToStart,
  ToEnd,
  PickTrip,    // trip_number: 1..9, as the keys and the sidebar's numbers say
  SelectTrip,  // text: the trip's id
  PreviousTrip,
  NextTrip,  // a presenter's clicker: step through the trips, each played
  ShowTrain,
  ShowPlane,
  ShowBoth,
  SetSpeed,   // value: kMinSpeed..kMaxSpeed
  SetFilter,  // text: "all", "train" or "plane"
  ToggleSidebar,
  OpenSidebar,
  CloseSidebar,
  ToggleLabels,  // the city dots and names
  Help,          // the keys panel, shown or hidden
  Fullscreen,
  SaveImage,
  ExportVideo,  // the page's export dialog (presets, length), where the browser can encode video
  CopyEmbed,
  OpenLink,          // text: an http(s) address (a source), opened in a new tab
  SetLanguage,       // text: a language's code, "en", "ko" (core::languages)
  ToggleLocalNames,  // the map's labels add each place's name in its own script
};

struct Command {
  CommandKind kind;
  int trip_number = 0;  // PickTrip
  double value = 0.0;   // Seek, SetSpeed
  std::string text;     // SelectTrip, SetFilter, OpenLink
  Command(CommandKind k, int number = 0, double v = 0.0, std::string t = {})
      : kind(k), trip_number(number), value(v), text(std::move(t)) {}
};

// What a command asks of the platform, beyond the state.
struct Effects {
  bool toggle_fullscreen = false;
  bool save_image = false;
  bool export_video = false;
  bool copy_embed = false;
  std::string open_url;
};

// The page's form of a command: {"do":"selectTrip","trip":"2019-02-hanoi"}, {"do":"seek","time":3.5},
// {"do":"setMode","mode":"both"}, {"do":"setSpeed","speed":4}, {"do":"setFilter","filter":"train"},
// {"do":"setLanguage","lang":"ko"}, {"do":"playPause"}, ... (names: command_name). Returns nothing and says why in
// `error` when it is not one.
std::optional<Command> command_from_json(std::string_view json_text, std::string* error);
const char* command_name(CommandKind kind);  // "playPause", "selectTrip", ...

}  // namespace core
