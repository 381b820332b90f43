// The reader's language: the link's #lang=, the setLanguage command (which changes only the words), the Korean
// formats of dates, durations and distances, and the trip data keyed by its English.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "core/describe.hpp"
#include "core/localize.hpp"
#include "core/reader_text.hpp"
#include "core/session.hpp"
#include "core/url_state.hpp"
#include "session_fixture.hpp"
#include "time_points.hpp"

using namespace core;

// Korean, as the catalogues in assets/lang/ make it known (tests/doctest_main.cpp): no language is built in but
// English.
static Language ko() { return parse_language("ko").value_or(Language::En); }

static std::string read(const char* path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

static Words korean() {
  std::string error;
  Words w = load_words(ko(), read(JOURNEYS_SOURCE_DIR "/assets/lang/ko.json"), &error);
  REQUIRE(error.empty());
  REQUIRE(w.loaded);
  return w;
}

static Session korean_ready_session() {
  Session s;
  s.state.camera.viewport = {1000, 700, 1};
  REQUIRE(session_load_trips(s, read(JOURNEYS_SOURCE_DIR "/assets/trips.json")).empty());
  REQUIRE(session_add_words(s, ko(), read(JOURNEYS_SOURCE_DIR "/assets/lang/ko.json")).empty());
  return s;
}

TEST_CASE("languages by their codes, as links and browsers write them") {
  CHECK(parse_language("ko") == ko());
  CHECK(parse_language("ko-KR") == ko());
  CHECK(parse_language("EN-gb") == Language::En);
  CHECK_FALSE(parse_language("fr").has_value());
  CHECK_FALSE(parse_language("").has_value());
  CHECK(std::string(language_code(ko())) == "ko");
}

TEST_CASE("#lang= and #local= round-trip in the link like the other switches") {
  const TripData none;
  UrlState u = parse_url_state("#lang=ko&local=1", none);
  REQUIRE(u.language == ko());
  REQUIRE(u.local_names == true);
  AppState st;
  st.trip_id = "2018-03-beijing";
  apply_url_state(u, st);
  CHECK(st.language == ko());
  CHECK(st.local_names);
  const std::string link = format_url_state(st, {}, false);
  CHECK(link.find("&lang=ko") != std::string::npos);
  CHECK(link.find("&local=1") != std::string::npos);
  // Parsed again, the same language: the link shows the same page.
  AppState again;
  apply_url_state(parse_url_state(link, none), again);
  CHECK(again.language == ko());

  // English nobody chose is not written (links stay as they were); English a link or reader chose is kept.
  AppState english;
  english.trip_id = "2018-03-beijing";
  CHECK(format_url_state(english, {}, false).find("lang=") == std::string::npos);
  apply_url_state(parse_url_state("#lang=en", none), english);
  CHECK(format_url_state(english, {}, false).find("&lang=en") != std::string::npos);

  const UrlState bad = parse_url_state("#lang=xx", none);
  CHECK_FALSE(bad.language.has_value());
  REQUIRE(bad.notices.size() == 1);
  CHECK(bad.notices[0].find("language") != std::string::npos);
}

TEST_CASE("Korean formats: 2018년 3월 25일, 20시간 5분, 1,364km") {
  const Words ko = korean();
  CHECK(date_range(ko, day(2018, 3, 25), TimePoint{}) == "2018년 3월 25일");
  CHECK(date_range(ko, day(2018, 3, 25), day(2018, 3, 28)) == "2018년 3월 25~28일");
  CHECK(date_range(ko, day(2019, 2, 23), day(2019, 3, 5)) == "2019년 2월 23일~3월 5일");
  CHECK(date_range(ko, day(2018, 12, 30), day(2019, 1, 2)) == "2018년 12월 30일~2019년 1월 2일");
  CHECK(month_year(ko, day(2018, 5, 7)) == "2018년 5월");
  CHECK(duration_text(ko, 20 + 5 / 60.0) == "20시간 5분");
  CHECK(duration_text(ko, 0.5) == "30분");
  CHECK(duration_text(ko, 70) == "70시간");
  CHECK(duration_text(english_words(), 70) == "70 h 00 min");
  CHECK(km_text(ko, 1364.2) == "1,364km");
  Figure f;
  f.min = 16;
  f.max = 20;
  f.qualifier = Qualifier::About;
  CHECK(figure_text(ko, f, "h") == "약 16~20시간");
  // English is unchanged by the catalogue machinery.
  CHECK(date_range(english_words(), day(2018, 3, 25), day(2018, 3, 28)) ==
        "25\xE2\x80\x93"
        "28 March 2018");
  CHECK(duration_text(english_words(), 20 + 5 / 60.0) == "20 h 05 min");
}

TEST_CASE("setLanguage changes the words only: trip, mode, clock, speed and view stay") {
  Session s = korean_ready_session();
  REQUIRE(apply_command(s, Command{CommandKind::SelectTrip, 0, 0.0, "2019-02-hanoi"}).open_url.empty());
  sync(s, {});
  apply_command(s, Command{CommandKind::ShowBoth});
  sync(s, {});  // framed for the race
  apply_command(s, Command{CommandKind::Seek, 0, 12.5});
  apply_command(s, Command{CommandKind::SetSpeed, 0, 4});
  session_step(s, 0.0);
  s.flying = false;
  s.state.camera.zoom = 2.25;
  const AppState before = s.state;
  const std::string english_stop = s.journey.train.stops.front().name;

  apply_command(s, Command{CommandKind::SetLanguage, 0, 0.0, "ko"});
  CHECK(s.state.language == ko());
  CHECK(s.status.language_ready);
  CHECK(s.state.trip_id == before.trip_id);
  CHECK(s.state.show == before.show);
  CHECK(s.state.playback.clock_h == before.playback.clock_h);
  CHECK(s.state.playback.speed == before.playback.speed);
  CHECK(same_view(s.state.camera, before.camera));
  sync(s, {});
  CHECK_FALSE(s.flying);  // no new framing
  CHECK(s.state.show == before.show);
  CHECK(s.journey.train.stops.front().name == "평양역");
  CHECK(english_stop == "Pyongyang Station");
  const Trip* trip = s.trips.find_trip("2019-02-hanoi");
  REQUIRE(trip);
  CHECK(trip->title == "하노이: 편도 60시간 넘는 열차 여정");
  const std::string described = describe_json(s);
  CHECK(described.find("\"lang\":\"ko\"") != std::string::npos);
  CHECK(described.find("4차 방문") == std::string::npos);  // Hanoi is the sixth
  CHECK(described.find("6차 방문: 하노이") != std::string::npos);

  apply_command(s, Command{CommandKind::SetLanguage, 0, 0.0, "en"});
  CHECK(s.journey.train.stops.front().name == "Pyongyang Station");
  CHECK(s.state.playback.clock_h == before.playback.clock_h);
  // Not a language: nothing changes.
  apply_command(s, Command{CommandKind::SetLanguage, 0, 0.0, "xx"});
  CHECK(s.state.language == Language::En);
}

TEST_CASE("until its catalogue arrives a language shows English and says it is not ready") {
  Session s;
  REQUIRE(session_load_trips(s, read(JOURNEYS_SOURCE_DIR "/assets/trips.json")).empty());
  apply_command(s, Command{CommandKind::SetLanguage, 0, 0.0, "ko"});
  CHECK(s.state.language == ko());
  CHECK_FALSE(s.status.language_ready);
  CHECK(session_words(s).language == Language::En);
  CHECK(session_add_words(s, ko(), "not json").find("ko.json") != std::string::npos);
  CHECK_FALSE(s.status.language_ready);
  CHECK(session_add_words(s, ko(), R"({"ui":{"Play":"재생"}})").empty());
  CHECK(s.status.language_ready);
  CHECK(std::string(session_words(s).c("Play")) == "재생");
}

TEST_CASE("the trip data is keyed by its English: an edited English text has no translation until it gets one") {
  Session s = korean_ready_session();
  const Words& ko = session_words(s);  // English until the state asks for Korean
  CHECK(ko.language == Language::En);
  const Words korean_words = korean();
  CHECK(untranslated_texts(s.trips_source, korean_words).empty());
  TripData edited = s.trips_source;
  edited.trips[0].summary += " An added sentence.";
  const std::vector<std::string> missing = untranslated_texts(edited, korean_words);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].find("trip 2018-03-beijing: summary") == 0);
  // ... and it is shown in English meanwhile, never dropped.
  const TripData shown = localize_trips(edited, korean_words, {});
  CHECK(shown.trips[0].summary == edited.trips[0].summary);
  CHECK(shown.trips[0].title == "첫 해외 방문: 베이징");
}

TEST_CASE("local names go beside the stops' names, by their English") {
  Session s = korean_ready_session();
  CHECK(session_add_local_names(s, read(JOURNEYS_SOURCE_DIR "/assets/lang/local-names.json")).empty());
  apply_command(s, Command{CommandKind::ToggleLocalNames});
  CHECK(s.status.local_names_ready);
  apply_command(s, Command{CommandKind::SelectTrip, 0, 0.0, "2018-03-beijing"});
  sync(s, {});
  bool dandong = false;
  for (const TrackStop& stop : s.journey.train.stops)
    if (stop.name == "Dandong") dandong = stop.local_name == "\xE4\xB8\xB9\xE4\xB8\x9C";  // 丹东
  CHECK(dandong);
  const std::vector<MapPlace> places =
      localize_places({{"beijing", "Beijing", "capital", "", {39.9, 116.4}, 1}}, korean(), s.local_names);
  CHECK(places[0].name == "베이징");
  CHECK(places[0].local_name == "北京");
}

TEST_CASE("a local name the reader's language already shows is not shown twice") {
  Session s = korean_ready_session();
  CHECK(session_add_local_names(s, read(JOURNEYS_SOURCE_DIR "/assets/lang/local-names.json")).empty());
  const MapPlace seoul{"seoul", "Seoul", "capital", "", {37.57, 126.98}, 1};
  CHECK(localize_places({seoul}, korean(), s.local_names)[0].local_name.empty());  // 서울, once
  CHECK(localize_places({seoul}, english_words(), s.local_names)[0].local_name ==
        "\xEC\x84\x9C\xEC\x9A\xB8");  // Seoul 서울
  const TripData shown = localize_trips(s.trips_source, korean(), s.local_names);
  bool checked = false;
  for (const Leg& leg : shown.trips[0].outbound)
    for (const Stop& stop : leg.stops)
      if (stop.name == "\xED\x8F\x89\xEC\x96\x91\xEC\x97\xAD") {  // 평양역
        CHECK(stop.local_name.empty());
        checked = true;
      }
  CHECK(checked);
}

TEST_CASE("the set of languages is data: a list names them, English always first, each code once") {
  REQUIRE(languages().size() >= 2);
  CHECK(std::string(languages()[0].code) == "en");
  CHECK(std::string(languages()[0].name) == "English");
  CHECK(std::string(languages()[1].label) == "KO");
  CHECK(std::string(language_name(ko())) == "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4");  // from assets/lang/ko.json
  const std::size_t before = languages().size();
  // Bad entries are refused and said; a known code is not added again; a new one is known from then on.
  CHECK(set_languages("ko Korean again|x Bad|123 Digits|zz").find("\"x Bad\"") != std::string::npos);
  CHECK(languages().size() == before);
  CHECK(std::string(language_name(ko())) == "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4");
  CHECK_FALSE(parse_language("qx").has_value());
  CHECK(set_languages("qx Qxish Tongue").empty());
  REQUIRE(parse_language("qx-QX").has_value());
  CHECK(std::string(language_name(*parse_language("qx"))) == "Qxish Tongue");
  CHECK(language_codes().find(", qx") != std::string::npos);
  // It round-trips in the link like any other.
  AppState st;
  apply_url_state(parse_url_state("#lang=qx", TripData{}), st);
  CHECK(std::string(language_code(st.language)) == "qx");
  CHECK(format_url_state(st, {}, false).find("&lang=qx") != std::string::npos);
  // A catalogue names its language; one that does not is refused with the file's name.
  std::string error;
  CHECK(language_entry("qx", R"({"language":{"name":"Qxish"},"ui":{}})", &error) == "qx Qxish");
  CHECK(language_entry("qy", R"({"ui":{}})", &error).empty());
  CHECK(error.find("assets/lang/qy.json") != std::string::npos);
}

TEST_CASE("the trip's card follows the language and the local-names switch, built again only when they change") {
  Session s = korean_ready_session();
  REQUIRE(session_add_local_names(s, read(JOURNEYS_SOURCE_DIR "/assets/lang/local-names.json")).empty());
  apply_command(s, Command{CommandKind::SelectTrip, 0, 0.0, "2018-03-beijing"});
  sync(s, {});
  const auto has = [&](CardLine::Style style, const std::string& text) {
    for (const CardLine& l : session_trip_card(s).lines)
      if (l.style == style && l.text.find(text) != std::string::npos) return true;
    return false;
  };
  CHECK(has(CardLine::Style::Section, "How he went"));
  CHECK_FALSE(has(CardLine::Style::Text, "\xE4\xB8\xB9\xE4\xB8\x9C"));  // 丹东: local names are off

  apply_command(s, Command{CommandKind::SetLanguage, 0, 0.0, "ko"});
  sync(s, {});
  CHECK_FALSE(has(CardLine::Style::Section, "How he went"));
  CHECK(has(CardLine::Style::Section, korean()("How he went")));
  CHECK(has(CardLine::Style::Text, "\xED\x8F\x89\xEC\x96\x91\xEC\x97\xAD"));  // 평양역 in the route

  apply_command(s, Command{CommandKind::ToggleLocalNames});
  CHECK(has(CardLine::Style::Text, "\xE4\xB8\xB9\xE4\xB8\x9C"));  // the route names Dandong in Chinese too
}
