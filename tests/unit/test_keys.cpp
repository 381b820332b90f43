#include <doctest/doctest.h>

#include "core/keys.hpp"

using namespace core;

TEST_CASE("keys map to the documented commands") {
  CHECK(command_for_key(Key::Space)->kind == CommandKind::PlayPause);
  CHECK(command_for_key(Key::Left)->kind == CommandKind::StepBack);
  CHECK(command_for_key(Key::Right)->kind == CommandKind::StepForward);
  CHECK(command_for_key(Key::Home)->kind == CommandKind::ToStart);
  CHECK(command_for_key(Key::End)->kind == CommandKind::ToEnd);
  CHECK(command_for_key(Key::PageUp)->kind == CommandKind::PreviousTrip);
  CHECK(command_for_key(Key::PageDown)->kind == CommandKind::NextTrip);
  CHECK(command_for_key(Key::Question)->kind == CommandKind::Help);
  CHECK(command_for_key(Key::Letter, 't')->kind == CommandKind::ShowTrain);
  CHECK(command_for_key(Key::Letter, 'p')->kind == CommandKind::ShowPlane);
  CHECK(command_for_key(Key::Letter, 'b')->kind == CommandKind::ShowBoth);
  CHECK(command_for_key(Key::Letter, 'f')->kind == CommandKind::Fullscreen);
  for (char d = '1'; d <= '9'; ++d) {
    auto c = command_for_key(Key::Digit, d);
    REQUIRE(c);
    CHECK(c->kind == CommandKind::PickTrip);
    CHECK(c->trip_number == d - '0');
  }
}

TEST_CASE("other keys do nothing, so the page keeps them") {
  CHECK_FALSE(command_for_key(Key::Digit, '0'));
  CHECK_FALSE(command_for_key(Key::Letter, 'x'));
  CHECK_FALSE(command_for_key(Key::Other));
}
