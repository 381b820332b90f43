// The core's JSON reader and writer (core/json.hpp): what the trip data's messages, getState and describe rest on.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/json.hpp"

using core::Json;
using core::JsonDocument;
using core::JsonWriter;

TEST_CASE("json: values, their lines, and missing values that answer every question with nothing") {
  const JsonDocument doc(R"({
  "name": "Hanoi",
  "stops": [
    {"lat": 21.0285, "when": null},
    {"lat": -7, "ok": true}
  ],
  "name": "second"
})");
  REQUIRE(doc.ok());
  const Json root = doc.root();
  CHECK(root.is_object());
  CHECK(root.size() == 3);
  CHECK(root["name"].string() == "second");  // the last of two members of one name, as a loop over members() ends
  CHECK(root["name"].line() == 7);
  CHECK(root["stops"].line() == 3);
  CHECK(root["stops"][1].line() == 5);
  CHECK(root["stops"][0]["lat"].number() == 21.0285);
  CHECK(root["stops"][1]["lat"].is_number_integer());
  CHECK(root["stops"][1]["lat"].integer() == -7);
  CHECK(root["stops"][0]["when"].is_null());
  CHECK(root["stops"][1]["ok"].boolean());
  // Missing: a key that is not there, an index past the end, a member of an array, all the way down.
  const Json nothing = root["stops"][7]["lat"]["deeper"];
  CHECK(nothing.is_missing());
  CHECK(!nothing);
  CHECK(!nothing.is_null());
  CHECK(nothing.size() == 0);
  CHECK(nothing.string().empty());
  CHECK(nothing.line() == 0);
  CHECK(root["stops"]["lat"].is_missing());
  CHECK(root[-1].is_missing());
  std::string keys;
  for (const auto& [key, value] : root.members()) keys += key + (value.is_array() ? "[] " : " ");
  CHECK(keys == "name stops[] name ");
  const bool array_has_members = root["stops"].members().begin() != root["stops"].members().end();
  CHECK(!array_has_members);
}

TEST_CASE("json: numbers read as the same doubles a correct parser reads") {
  // The trip data's coordinates and figures: json-parser computes them from their digits; they must be the
  // doubles strtod gives (nlohmann/json here), or a value written back would not compare equal.
  const char* numbers[] = {"39.0194", "125.7381", "0.1",      "1364",  "-7.25", "1e3",
                           "2.5E-3",  "21.0285",  "105.8542", "0.25",  "16",    "103.9915",
                           "1.3644",  "43.1155",  "131.8855", "225.1", "4950",  "9.99"};
  for (const char* n : numbers) {
    const JsonDocument doc(std::string("[") + n + "]");
    REQUIRE(doc.ok());
    CAPTURE(n);
    CHECK(doc.root()[0].number() == nlohmann::json::parse(n).get<double>());
  }
}

// Every number of a file, read by both parsers, in document order.
static void compare_numbers(const Json& ours, const nlohmann::json& theirs, int& compared, int& differ) {
  if (theirs.is_number()) {
    ++compared;
    if (ours.number() != theirs.get<double>()) ++differ;
  } else if (theirs.is_array()) {
    for (std::size_t i = 0; i < theirs.size(); ++i) compare_numbers(ours[i], theirs[i], compared, differ);
  } else if (theirs.is_object()) {
    for (const auto& [key, value] : ours.members()) compare_numbers(value, theirs[key], compared, differ);
  }
}

TEST_CASE("json: every number of the committed data files reads as strtod reads it") {
  for (const char* file : {"/assets/trips.json", "/assets/places.json"}) {
    std::ifstream in(std::string(JOURNEYS_SOURCE_DIR) + file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const JsonDocument doc(text);
    REQUIRE(doc.ok());
    int compared = 0, differ = 0;
    compare_numbers(doc.root(), nlohmann::json::parse(text), compared, differ);
    INFO(file);
    CHECK(compared > 200);  // 2,044 and 208 today
    CHECK(differ == 0);
  }
}

TEST_CASE("json: text that is not JSON says why and on which line") {
  const JsonDocument broken("{\n  \"a\": 1,\n  \"b\" 2\n}");
  CHECK(!broken.ok());
  CHECK(broken.root().is_missing());
  CHECK(broken.error_line() == 3);
  CHECK(!broken.error().empty());
  CHECK(broken.error().find("3:") == std::string::npos);  // the position is kept apart from the words
  const JsonDocument cut("{\"a\": \"no end");
  CHECK(!cut.ok());
  CHECK(cut.error_line() == 1);
  const JsonDocument huge("{\n\"x\": [1,\n 2, 1e999]}");
  CHECK(!huge.ok());
  CHECK(huge.error_line() == 3);
  CHECK(huge.error().find("1e999") != std::string::npos);
  CHECK(!JsonDocument("").ok());
  CHECK(!JsonDocument("[1, 2").ok());
  CHECK(!JsonDocument("{\"a\": 1} trailing").ok());
  CHECK(!JsonDocument("// a comment\n{}").ok());  // comments are not JSON
  // A text that ends inside a word, with nothing after it in memory (ASan stops a read past its end).
  for (const std::string word : {"[tru", "[fals", "[nul", "{\"a\":t", "12e", "\"\\u12"}) {
    const std::vector<char> exact(word.begin(), word.end());
    CHECK(!JsonDocument(std::string_view(exact.data(), exact.size())).ok());
  }
}

TEST_CASE("json: what JSON does not allow is refused, as a strict parser refuses it") {
  for (const char* bad : {"[-]", "[-e5]", "-", "[1.]", "[.5]", "[01]", "[1e]", "[\"\\x\"]", "[\"a\nb\"]",
                          "[\"tab\there\"]", "[\"\\uDC00\"]", "[\"\\uD800x\"]", "[\"\\uD800\\u0041\"]",
                          "[\"\xC0\xAF\"]", "{\"\xFF\": 1}", "[\"\xE2\x82\"]", "[1] [2]"}) {
    CAPTURE(bad);
    CHECK(!JsonDocument(bad).ok());
  }
  const std::string with_nul = std::string("{}") + '\0' + "junk";  // a NUL byte is not the end of the text
  CHECK(!JsonDocument(with_nul).ok());
  CHECK(JsonDocument("").error() == "the text ends before the JSON does");
  CHECK(JsonDocument("{\"a\": [1, 2").error() == "the text ends before the JSON does");
}

TEST_CASE("json: escapes, surrogate pairs and long numbers read right") {
  const JsonDocument doc(
      R"(["\"\\\/\b\f\n\r\t", "\u00e9\u20ac", "\uD83D\uDE82", "\uD840\uDC00", 0.5,
       123456789012345678901234567890123456789012345678901234567890123456789012.5, -0, 1E2])");
  REQUIRE(doc.ok());
  const Json r = doc.root();
  CHECK(r[0].string() == "\"\\/\b\f\n\r\t");
  CHECK(r[1].string() == "\xC3\xA9\xE2\x82\xAC");
  CHECK(r[2].string() == "\xF0\x9F\x9A\x82");  // U+1F682, a steam locomotive
  CHECK(r[3].string() == "\xF0\xA0\x80\x80");  // U+20000: the pair adds up
  CHECK(r[5].number() ==
        std::strtod("123456789012345678901234567890123456789012345678901234567890123456789012.5", nullptr));
  CHECK(r[6].number() == 0.0);
  CHECK(r[7].number() == 100.0);
}

TEST_CASE("json: the writer's output reads back as what was written") {
  JsonWriter w;
  w.begin_object()
      .field("text", "quote \" backslash \\ newline \n tab \t bell \x07 한국어")
      .field("whole", 42)
      .field("big", 1234567890123LL)
      .field("third", 1.0 / 3.0)
      .field("half", 3.5)
      .field("tiny", 1e-300)
      .field("infinite", std::numeric_limits<double>::infinity())
      .field("nan", std::nan(""))
      .field("yes", true)
      .field("float", 1.1f);
  w.key("list").begin_array().value(1).value("two").begin_array().end_array().begin_object().end_object().null();
  w.end_array().key("empty").begin_object().end_object().end_object();
  const nlohmann::json back = nlohmann::json::parse(w.text());
  CHECK(back["text"] == "quote \" backslash \\ newline \n tab \t bell \x07 한국어");
  CHECK(back["whole"] == 42);
  CHECK(back["big"] == 1234567890123LL);
  CHECK(back["third"].get<double>() == 1.0 / 3.0);
  CHECK(back["tiny"].get<double>() == 1e-300);
  CHECK(back["infinite"].is_null());
  CHECK(back["nan"].is_null());
  CHECK(back["yes"] == true);
  CHECK(back["float"].get<double>() == static_cast<double>(1.1f));
  CHECK(back["list"].dump() == R"([1,"two",[],{},null])");
  CHECK(back["empty"].dump() == "{}");
  CHECK(w.text().find("\"half\":3.5,") != std::string::npos);  // the shortest digits that read back
}

TEST_CASE("json: bytes that are not UTF-8 come out as U+FFFD, and the text stays JSON") {
  // A lone continuation byte, a cut sequence, an overlong '/', a UTF-16 surrogate, past U+10FFFF.
  const std::string bad =
      "a\x80"
      "b\xE2\x82"
      "c\xC0\xAF"
      "d\xED\xA0\x80"
      "e\xF4\x90\x80\x80"
      "f";
  JsonWriter w;
  w.begin_array().value(bad).value("ok \xE2\x82\xAC \xF0\x9F\x9A\x82").end_array();
  const nlohmann::json back = nlohmann::json::parse(w.text());  // throws on invalid UTF-8
  const std::string r = "\xEF\xBF\xBD";
  CHECK(back[0] == "a" + r + "b" + r + r + "c" + r + r + "d" + r + r + r + "e" + r + r + r + r + "f");
  CHECK(back[1] == "ok \xE2\x82\xAC \xF0\x9F\x9A\x82");
}
