// Every reader action is a Command and core::apply_command decides what it does, whichever way it came: these
// tests hold the rules that used to differ between the keys, the panels and the page's HTML layer.
#include <doctest/doctest.h>

#include "core/commands.hpp"
#include "core/keys.hpp"
#include "core/session.hpp"
#include "session_fixture.hpp"

using namespace core;

static Session playing_session() {
  Session s = loaded_session();
  s.state.trip_id = "2018-03-beijing";
  sync(s, {});
  session_step(s, 0.0);
  return s;
}

static Command parsed(const char* json) {
  std::string error;
  const std::optional<Command> c = command_from_json(json, &error);
  INFO(json << " -> " << error);
  REQUIRE(c);
  return *c;
}

TEST_CASE("a trip picked from the list, by its number key or by the page is shown from its start, paused") {
  // The drift this replaces: a digit key kept the clock and kept playing; the sidebar reset and paused.
  for (const Command& pick :
       {Command{CommandKind::SelectTrip, 0, 0.0, "2019-02-hanoi"}, Command{CommandKind::PickTrip, 6},
        parsed(R"({"do":"selectTrip","trip":"2019-02-hanoi"})"), *command_for_key(Key::Digit, '6')}) {
    Session s = playing_session();
    apply_command(s, {CommandKind::NextTrip});  // Page Down: the next trip, playing
    REQUIRE(s.state.playback.playing);
    s.state.playback.clock_h = 5.0;
    apply_command(s, pick);
    CHECK(s.state.trip_id == "2019-02-hanoi");
    CHECK(s.state.playback.clock_h == 0.0);
    CHECK_FALSE(s.state.playback.playing);
    CHECK(s.state.sidebar_open);  // a wide screen keeps the list
  }
}

TEST_CASE("on a phone the list folds when a trip is picked, so the map shows; an unknown trip changes nothing") {
  Session s = playing_session();
  s.status.list_covers_map = true;
  apply_command(s, {CommandKind::SelectTrip, 0, 0.0, "no-such-trip"});
  CHECK(s.state.trip_id == "2018-03-beijing");
  CHECK(s.state.sidebar_open);
  apply_command(s, {CommandKind::SelectTrip, 0, 0.0, "2018-05-dalian"});
  CHECK(s.state.trip_id == "2018-05-dalian");
  CHECK_FALSE(s.state.sidebar_open);
}

TEST_CASE("play at the end replays from the start; restart plays from the start; seek and speed stay in range") {
  Session s = playing_session();
  const double end = s.status.end_h;
  REQUIRE(end > 0);
  apply_command(s, parsed(R"({"do":"toEnd"})"));
  CHECK(s.state.playback.clock_h == end);
  apply_command(s, {CommandKind::PlayPause});
  CHECK(s.state.playback.playing);
  CHECK(s.state.playback.clock_h == 0.0);
  apply_command(s, parsed(R"({"do":"seek","time":1e9})"));
  CHECK(s.state.playback.clock_h == end);
  apply_command(s, parsed(R"({"do":"restart"})"));
  CHECK(s.state.playback.clock_h == 0.0);
  CHECK(s.state.playback.playing);
  apply_command(s, parsed(R"({"do":"setSpeed","speed":4})"));
  CHECK(s.state.playback.speed == 4.0);
  apply_command(s, parsed(R"({"do":"setSpeed","speed":1000})"));
  CHECK(s.state.playback.speed == 4.0);
  apply_command(s, parsed(R"({"do":"setFilter","filter":"plane"})"));
  CHECK(s.state.filter == TripFilter::Plane);
}

TEST_CASE("what the platform must do comes back as effects; a link opens only when it is a web address") {
  Session s = playing_session();
  CHECK(apply_command(s, {CommandKind::Fullscreen}).toggle_fullscreen);
  CHECK(apply_command(s, {CommandKind::SaveImage}).save_image);
  CHECK(apply_command(s, {CommandKind::CopyEmbed}).copy_embed);
  CHECK(apply_command(s, {CommandKind::OpenLink, 0, 0.0, "https://www.yna.co.kr/"}).open_url ==
        "https://www.yna.co.kr/");
  CHECK(apply_command(s, {CommandKind::OpenLink, 0, 0.0, "javascript:alert(1)"}).open_url.empty());
  const bool open = s.state.sidebar_open;
  apply_command(s, {CommandKind::ToggleSidebar});
  CHECK(s.state.sidebar_open != open);
  apply_command(s, parsed(R"({"do":"help"})"));
  CHECK(s.state.help_open);
}

TEST_CASE("the page's form of a command: every name round-trips, and anything else is refused with the reason") {
  for (int k = 0; k <= static_cast<int>(CommandKind::OpenLink); ++k) {
    const char* name = command_name(static_cast<CommandKind>(k));
    CHECK(std::string(name) != "?");
  }
  for (const char* bad :
       {"", "[]", "{}", R"({"do":3})", R"({"do":"fly"})", R"({"do":"seek"})", R"({"do":"seek","time":"3"})",
        R"({"do":"playPause","time":3})", R"({"do":"pickTrip","number":1.5})", R"({"do":"selectTrip","trip":7})",
        "{\"do\":\"seek\",\"time\":1e999}"}) {
    std::string error;
    CAPTURE(bad);
    CHECK_FALSE(command_from_json(bad, &error));
    CHECK(error.rfind("explainer.command: ", 0) == 0);
  }
}
