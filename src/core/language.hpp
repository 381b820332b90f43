// The reader's language and its words. English is the source language: every reader-facing text of the core and
// the UI is written in English in the code and looked up through a Words catalogue, which gives it back in the
// reader's language. Another language is one catalogue file (assets/lang/<code>.json: its own name, the UI's words
// and the trip data's texts, keyed by their English) plus a font subset (assets/fonts/, scripts/make_cjk_fonts.py);
// the set of languages is data, read from those files (set_languages), nothing in the code names one but English.
// A text without a translation is shown in English: tools/tripcheck lists every one.
#pragma once
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace core {

// A language: its place in languages(). English, the built-in catalogue, is always the first.
enum class Language : unsigned char { En = 0 };

// Its texts live as long as the program (set once at start; plain pointers keep the app's code small).
struct LanguageInfo {
  const char* code;   // "en", "ko": the link's #lang=, <html lang>, assets/lang/<code>.json
  const char* name;   // in its own language: "English", "한국어"
  const char* label;  // on the language switch: "EN", "KO" (Latin letters the English font always has)
};
// English, then each language set_languages() was given, in its order.
const std::vector<LanguageInfo>& languages();
// Adds the languages besides English from the build's list: "ko 한국어|xx Name" (code, a space, the language's
// name in itself; '|' between languages), the <html data-languages> that scripts/publish.mjs writes into
// dist/index.html from assets/lang/*.json. A code already known is not added twice. Returns what it could not use.
std::string set_languages(std::string_view list);
// For the native tools and tests (src/core/language_files.cpp): a catalogue's entry in that list ("ko 한국어" from
// assets/lang/ko.json's {"language":{"name":"한국어"}}; empty, and `error` says why, when it names no language),
// the codes of a folder's catalogues (ko.json -> "ko"; local-names.json is not one), and set_languages() with
// their entries (returns what was wrong).
std::string language_entry(std::string_view code, std::string_view json_text, std::string* error);
std::vector<std::string> catalogue_codes(const std::string& lang_dir);
std::string add_languages_from(const std::string& lang_dir);

const char* language_code(Language l);                       // "en", "ko" (l: one of languages())
std::optional<Language> parse_language(std::string_view s);  // "ko", "ko-KR", "EN-gb"; nullopt for unknown ones
const char* language_name(Language l);                       // "English", "한국어"
std::string language_codes();                                // "en, ko": for messages that list them

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
