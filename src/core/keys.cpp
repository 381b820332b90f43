#include "core/keys.hpp"

namespace core {

std::optional<Command> command_for_key(Key key, char ch) {
  switch (key) {
    case Key::Space: return Command{CommandKind::PlayPause};
    case Key::Left: return Command{CommandKind::StepBack};
    case Key::Right: return Command{CommandKind::StepForward};
    case Key::Home: return Command{CommandKind::ToStart};
    case Key::End: return Command{CommandKind::ToEnd};
    case Key::PageUp: return Command{CommandKind::PreviousTrip};  // presentation clickers send these
    case Key::PageDown: return Command{CommandKind::NextTrip};
    case Key::Question: return Command{CommandKind::Help};
    case Key::Digit:
      if (ch >= '1' && ch <= '9') return Command{CommandKind::PickTrip, ch - '0'};
      return std::nullopt;
    case Key::Letter:
      switch (ch) {
        case 't': return Command{CommandKind::ShowTrain};
        case 'p': return Command{CommandKind::ShowPlane};
        case 'b': return Command{CommandKind::ShowBoth};
        case 'f': return Command{CommandKind::Fullscreen};
        default: return std::nullopt;
      }
    case Key::Other: return std::nullopt;
  }
  return std::nullopt;
}

const KeyHelp kKeyHelp[10] = {
    {"Space", "play or pause"},
    {"Left / Right arrow", "step back / forward"},
    {"Home / End", "start / end of the journey"},
    {"1 \xE2\x80\x93 9", "pick a trip"},
    {"Page Up / Page Down", "previous / next trip, played (clickers)"},
    {"T", "show the train"},
    {"P", "show the plane"},
    {"B", "show both, racing"},
    {"F", "full screen"},
    {"?", "show or hide these keys"},
};

}  // namespace core
