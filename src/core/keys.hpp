// The explainer's keyboard: which key does what, kept apart from SDL so it can be tested and listed in the
// help overlay from the same table.
#pragma once
#include <optional>

#include "core/commands.hpp"

namespace core {

enum class Key { Space, Left, Right, Home, End, PageUp, PageDown, Digit, Letter, Question, Other };

// key: what was pressed; ch: the digit (0-9) or the lower-case letter for Digit / Letter.
std::optional<Command> command_for_key(Key key, char ch = 0);

struct KeyHelp {
  const char* keys;
  const char* action;
};
// For the "?" overlay: every binding above, in reading order.
extern const KeyHelp kKeyHelp[10];

}  // namespace core
