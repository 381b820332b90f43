// The reader's language and its words. English is the source language: every reader-facing text of the core and
// the UI is written in English in the code and looked up through a Words catalogue, which gives it back in the
// reader's language. Another language is one catalogue file (assets/lang/<code>.json: the UI's words and the
// trip data's texts, keyed by their English) plus a font subset (assets/fonts/, scripts/make_cjk_font.py).
// A text without a translation is shown in English: tools/tripcheck lists every one.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace core {

enum class Language { En, Ko };
inline constexpr Language kLanguages[] = {Language::En, Language::Ko};

const char* language_code(Language l);                       // "en", "ko": the link's #lang= and <html lang>
std::optional<Language> parse_language(std::string_view s);  // "ko", "ko-KR", "EN-gb"; nullopt for others
const char* language_name(Language l);                       // in its own language: "English", "한국어"

// One language's catalogue. `ui`: the interface's words and patterns ("{0} of {1}"); `data`: the trip data's
// reader-facing texts (titles, summaries, facts, place names ...), keyed by their English, so an English text
// edited since it was translated has no translation (and tools/tripcheck names it).
struct Words {
  Language language = Language::En;
  std::unordered_map<std::string, std::string> ui, data;
  bool loaded = false;  // the catalogue file has arrived (English needs none)

  // The interface's text in this language, or the English when it has none. An English key may start with a
  // context in brackets, "[month year] {0} {1}", when one English pattern needs different translations; the
  // context is not shown.
  std::string operator()(const std::string& english) const;
  const char* c(const char* english) const;  // the same, for ImGui's char* labels (lives as long as this)
  // A trip-data text in this language, or the English.
  const std::string& text(const std::string& english) const;
};

// The English catalogue: an empty one (every text is its own English).
const Words& english_words();

// Places' names in their local script where that is neither Latin nor the reader's ("Beijing" -> "北京",
// "Vladivostok" -> "Владивосток"), keyed by the English name: assets/lang/local-names.json {"names":{...}}.
using LocalNames = std::unordered_map<std::string, std::string>;
LocalNames load_local_names(std::string_view json_text, std::string* error);

// Fills {0}, {1}, ... in a pattern: fill("{0} of {1}", {"2 h", "70 h"}).
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

// Reads assets/lang/<code>.json: {"ui":{English: text},"data":{English: text}}.
// Errors (not JSON, wrong types) are returned in `error` and leave an unloaded catalogue.
Words load_words(Language language, std::string_view json_text, std::string* error);

}  // namespace core
