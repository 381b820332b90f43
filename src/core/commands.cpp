#include "core/commands.hpp"

#include <cmath>
#include <iterator>

#include "core/json.hpp"

namespace core {

namespace {
struct Named {
  CommandKind kind;
  const char* name;
  const char* argument;  // the key holding the command's argument, or nullptr
};
constexpr Named kNames[] = {
    {CommandKind::PlayPause, "playPause", nullptr},
    {CommandKind::Restart, "restart", nullptr},
    {CommandKind::Seek, "seek", "time"},
    {CommandKind::StepBack, "stepBack", nullptr},
    {CommandKind::StepForward, "stepForward", nullptr},
    {CommandKind::ToStart, "toStart", nullptr},
    {CommandKind::ToEnd, "toEnd", nullptr},
    {CommandKind::PickTrip, "pickTrip", "number"},
    {CommandKind::SelectTrip, "selectTrip", "trip"},
    {CommandKind::PreviousTrip, "previousTrip", nullptr},
    {CommandKind::NextTrip, "nextTrip", nullptr},
    {CommandKind::ShowTrain, "showTrain", nullptr},
    {CommandKind::ShowPlane, "showPlane", nullptr},
    {CommandKind::ShowBoth, "showBoth", nullptr},
    {CommandKind::SetSpeed, "setSpeed", "speed"},
    {CommandKind::SetFilter, "setFilter", "filter"},
    {CommandKind::ToggleSidebar, "toggleSidebar", nullptr},
    {CommandKind::OpenSidebar, "openSidebar", nullptr},
    {CommandKind::CloseSidebar, "closeSidebar", nullptr},
    {CommandKind::ToggleLabels, "toggleLabels", nullptr},
    {CommandKind::Help, "help", nullptr},
    {CommandKind::Fullscreen, "fullscreen", nullptr},
    {CommandKind::SaveImage, "saveImage", nullptr},
    {CommandKind::ExportVideo, "exportVideo", nullptr},
    {CommandKind::CopyEmbed, "copyEmbed", nullptr},
    {CommandKind::OpenLink, "openLink", "url"},
    {CommandKind::SetLanguage, "setLanguage", "lang"},
    {CommandKind::ToggleLocalNames, "toggleLocalNames", nullptr},
};
}  // namespace

const char* command_name(CommandKind kind) {
  for (const Named& n : kNames)
    if (n.kind == kind) return n.name;
  return "?";
}

std::optional<Command> command_from_json(std::string_view json_text, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<Command> {
    if (error) *error = "explainer.command: " + why;
    return std::nullopt;
  };
  const JsonDocument parsed(json_text);
  const Json j = parsed.root();
  if (!j["do"].is_string()) return fail("expected an object such as {\"do\": \"playPause\"}");
  const std::string name = j["do"].string();
  const Named* found = nullptr;
  for (const Named& n : kNames)
    if (name == n.name) found = &n;
  if (!found) return fail("unknown command \"" + name.substr(0, 40) + "\"");
  Command c{found->kind};
  for (const auto& [key, value] : j.members()) {
    if (key == "do") continue;
    if (!found->argument || key != found->argument)
      return fail("\"" + name + "\" takes no \"" + key.substr(0, 40) + "\"");
  }
  if (!found->argument) return c;
  if (!j.contains(found->argument)) return fail("\"" + name + "\" needs \"" + found->argument + "\"");
  const Json v = j[found->argument];
  switch (found->kind) {
    case CommandKind::Seek:
    case CommandKind::SetSpeed:
      if (!v.is_number() || !std::isfinite(v.number()))
        return fail(std::string("\"") + found->argument + "\" must be a number");
      c.value = v.number();
      break;
    case CommandKind::PickTrip:
      if (!v.is_number_integer()) return fail("\"number\" must be a whole number");
      c.trip_number = v.integer() >= 0 && v.integer() <= 1000 ? static_cast<int>(v.integer()) : -1;  // no such trip
      break;
    default:
      if (!v.is_string()) return fail(std::string("\"") + found->argument + "\" must be a string");
      c.text = v.string();
  }
  return c;
}

}  // namespace core
