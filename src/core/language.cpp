#include "core/language.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <deque>
#include <string>

#include "core/json.hpp"

namespace core {

// Set once at start (the page's list, or tripcheck's from the files), read everywhere after.
static std::vector<LanguageInfo>& known_languages() {
  static std::vector<LanguageInfo> list{{"en", "English", "EN"}};
  return list;
}

const std::vector<LanguageInfo>& languages() { return known_languages(); }

// A copy that lives as long as the program (a deque never moves what it holds; freed at exit, so leak checkers
// see no loss).
static const char* kept(std::string_view s) {
  static std::deque<std::string> copies;
  return copies.emplace_back(s).c_str();
}

std::string set_languages(std::string_view list) {
  std::string refused;
  for (std::size_t at = 0; at < list.size();) {
    const std::size_t bar = std::min(list.find('|', at), list.size());
    const std::string_view entry = list.substr(at, bar - at);
    at = bar + 1;
    const std::size_t space = entry.find(' ');  // a code of 2 or 3 letters a-z, then the name
    char label[4] = {};
    bool valid = space >= 2 && space <= 3 && space + 1 < entry.size();
    for (std::size_t i = 0; valid && i < space; ++i) {
      valid = entry[i] >= 'a' && entry[i] <= 'z';
      label[i] = static_cast<char>(entry[i] - 'a' + 'A');
    }
    if (!valid)
      refused += " \"" + std::string(entry) + '"';
    else if (!parse_language(entry.substr(0, space)))
      known_languages().push_back({kept(entry.substr(0, space)), kept(entry.substr(space + 1)), kept(label)});
  }
  return refused.empty() ? refused : "language list: not \"<code> <name>\":" + refused;
}

const char* language_code(Language l) { return languages()[static_cast<std::size_t>(l)].code; }

const char* language_name(Language l) { return languages()[static_cast<std::size_t>(l)].name; }

std::string language_codes() {
  std::string out = "en";
  for (std::size_t i = 1; i < languages().size(); ++i) out += std::string(", ") + languages()[i].code;
  return out;
}

std::optional<Language> parse_language(std::string_view s) {
  std::string primary;
  for (char c : s) {
    if (c == '-' || c == '_') break;
    primary += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::size_t i = 0; i < languages().size(); ++i)
    if (primary == languages()[i].code) return static_cast<Language>(i);
  return std::nullopt;
}

// "[context] text" -> "text".
static const char* without_context(const char* english) {
  if (english[0] != '[') return english;
  const char* end = std::strstr(english, "] ");
  return end ? end + 2 : english;
}

std::string Words::operator()(const std::string& english) const { return c(english.c_str()); }

const char* Words::c(const char* english) const {
  if (!ui.empty()) {
    const auto it = ui.find(english);
    if (it != ui.end() && !it->second.empty()) return it->second.c_str();
  }
  return without_context(english);
}

const std::string& Words::text(const std::string& english) const {
  const auto it = data.find(english);
  return it == data.end() || it->second.empty() ? english : it->second;
}

const Words& english_words() {
  static const Words words;
  return words;
}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
        pattern[i + 1] <= '9') {
      const std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '0');
      if (n < args.size()) out += *(args.begin() + n);
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

Words load_words(Language language, std::string_view json_text, std::string* error) {
  Words w;
  w.language = language;
  const JsonDocument parsed(json_text);
  const Json j = parsed.root();
  const std::string file = std::string("assets/lang/") + language_code(language) + ".json";
  if (!j.is_object()) {
    if (error) *error = file + ": not a JSON object";
    return w;
  }
  for (const auto& [section, table] :
       {std::pair<const char*, std::unordered_map<std::string, std::string>*>{"ui", &w.ui}, {"data", &w.data}}) {
    const Json t = j[section];
    if (t.is_missing()) continue;
    if (!t.is_object()) {
      if (error) *error = file + ": \"" + section + "\" must be an object of texts";
      return Words{language, {}, {}, false};
    }
    for (const auto& [key, value] : t.members()) {
      if (!value.is_string()) {
        if (error) *error = file + ": " + section + " \"" + key.substr(0, 40) + "\" must be a text";
        return Words{language, {}, {}, false};
      }
      (*table)[key] = value.string();
    }
  }
  w.loaded = true;
  return w;
}

LocalNames load_local_names(std::string_view json_text, std::string* error) {
  LocalNames names;
  const JsonDocument parsed(json_text);
  const Json j = parsed.root();
  if (!j["names"].is_object()) {
    if (error) *error = "assets/lang/local-names.json: expected {\"names\": {English name: local name}}";
    return names;
  }
  for (const auto& [key, value] : j["names"].members())
    if (value.is_string()) names[key] = value.string();
  return names;
}

}  // namespace core
