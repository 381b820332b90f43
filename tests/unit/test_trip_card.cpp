// The selected trip's card in the sidebar (core/trip_card.hpp): what it says, in which order and style, and that
// the session builds it once per journey rather than on every frame the panel draws.
#include <doctest/doctest.h>

#include <string>

#include "core/session.hpp"
#include "core/trip_card.hpp"
#include "session_fixture.hpp"

using namespace core;

namespace {

std::size_t find_line(const TripCard& card, CardLine::Style style, const std::string& text, std::size_t from = 0) {
  for (std::size_t i = from; i < card.lines.size(); ++i)
    if (card.lines[i].style == style && card.lines[i].text.find(text) != std::string::npos) return i;
  return card.lines.size();
}

Session session_on(const char* trip) {
  Session s = loaded_session();
  apply_command(s, Command{CommandKind::SelectTrip, 0, 0.0, trip});
  sync(s, {});
  return s;
}

}  // namespace

TEST_CASE("a card says what the trip was, how he went, what if, what was reported and by whom, in that order") {
  Session s = session_on("2019-02-hanoi");
  const TripCard& card = session_trip_card(s);
  const Trip& trip = *s.trips.find_trip("2019-02-hanoi");
  REQUIRE(!card.lines.empty());
  CHECK(card.lines[0].style == CardLine::Style::Title);
  CHECK(card.lines[0].text == trip.title);
  CHECK(find_line(card, CardLine::Style::Text, "Met: " + trip.counterpart) < card.lines.size());

  const std::size_t how = find_line(card, CardLine::Style::Section, "How he went");
  const std::size_t what_if = find_line(card, CardLine::Style::Section, "What if he had flown?");
  const std::size_t record = find_line(card, CardLine::Style::Section, "On the record");
  const std::size_t sources = find_line(card, CardLine::Style::Section, "Sources");
  CHECK(how < what_if);
  CHECK(what_if < record);
  CHECK(record < sources);
  REQUIRE(sources < card.lines.size());

  // The route from Pyongyang, stop by stop; the stops no report named are starred.
  const CardLine& route = card.lines[how + 1];
  CHECK(route.text.rfind("Pyongyang Station \xE2\x80\xBA ", 0) == 0);
  CHECK(route.text.find("Hanoi") != std::string::npos);
  CHECK(route.text.find("*") != std::string::npos);
  CHECK(find_line(card, CardLine::Style::Text, "Computed: ", how) < what_if);
  CHECK(find_line(card, CardLine::Style::Bullet, "Reported distance: ", how) < what_if);

  // Every fact: a bullet, then who reported it.
  std::size_t facts = 0;
  for (std::size_t i = record + 1; i < sources; ++i) {
    if (card.lines[i].style != CardLine::Style::Bullet) continue;
    ++facts;
    REQUIRE(i + 1 < sources);
    CHECK(card.lines[i + 1].style == CardLine::Style::Muted);
    CHECK(card.lines[i + 1].text.size() > 4);
  }
  CHECK(facts == trip.facts.size());

  // The sources: links to open, each to its address.
  std::size_t links = 0;
  for (std::size_t i = sources + 1; i < card.lines.size(); ++i) {
    if (card.lines[i].style != CardLine::Style::Link) continue;
    ++links;
    CHECK(card.lines[i].url.rfind("http", 0) == 0);
  }
  CHECK(links >= trip.sources.size() / 2);
  for (const CardLine& l : card.lines) CHECK_MESSAGE(!l.text.empty(), "an empty line in the card");
}

TEST_CASE("a trip with no what-if says why instead") {
  Session s = session_on("2018-06-singapore");
  const TripCard& card = session_trip_card(s);
  const std::size_t what_if = find_line(card, CardLine::Style::Section, "What if he had taken the train?");
  REQUIRE(what_if + 1 < card.lines.size());
  CHECK(card.lines[what_if + 1].text == s.journey.alternative().unavailable_reason);
}

TEST_CASE("the session builds the card once per journey, not on every call") {
  Session s = session_on("2019-02-hanoi");
  const std::string title = session_trip_card(s).lines.front().text;
  const unsigned edition = session_trip_card(s).edition;  // the panel keeps its measured line heights per edition
  CHECK(edition != 0);
  s.card.lines.front().text = "kept";  // a mark: a rebuilt card would not have it
  CHECK(session_trip_card(s).lines.front().text == "kept");
  sync(s, {});  // nothing changed
  CHECK(session_trip_card(s).lines.front().text == "kept");
  CHECK(session_trip_card(s).edition == edition);

  apply_command(s, Command{CommandKind::SelectTrip, 0, 0.0, "2018-05-dalian"});
  sync(s, {});
  CHECK(session_trip_card(s).lines.front().text == s.trips.find_trip("2018-05-dalian")->title);
  CHECK(session_trip_card(s).lines.front().text != title);
  CHECK(session_trip_card(s).edition != edition);  // a new card: its lines are measured again

  s.card.lines.front().text = "kept";
  apply_command(s, Command{CommandKind::ToggleLocalNames});  // the route's names change: built again
  CHECK(session_trip_card(s).lines.front().text != "kept");
}
