#include "core/language.hpp"

#include <cctype>
#include <cstring>

#include <nlohmann/json.hpp>

namespace core {

// Set once at start (the page's list, or tripcheck's from the files), read everywhere after.
static std::vector<LanguageInfo>& known_languages() {
  static std::vector<LanguageInfo> list{{"en", "English"}};
  return list;
}

const std::vector<LanguageInfo>& languages() { return known_languages(); }

std::string set_languages(std::string_view list) {
  std::string error;
  while (!list.empty()) {
    const std::size_t bar = list.find('|');
    const std::string_view entry = list.substr(0, bar);
    list = bar == std::string_view::npos ? std::string_view() : list.substr(bar + 1);
    const std::size_t space = entry.find(' ');
    const std::string_view code = entry.substr(0, space);
    const bool valid = space != std::string_view::npos && space + 1 < entry.size() && code.size() >= 2 &&
                       code.size() <= 3 &&
                       code.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
    if (!valid) {
      error += (error.empty() ? "" : "; ") + std::string("language list: \"") + std::string(entry) +
               "\" is not \"<code> <name>\"";
      continue;
    }
    if (!parse_language(code) && known_languages().size() < 255)
      known_languages().push_back({std::string(code), std::string(entry.substr(space + 1))});
  }
  return error;
}

std::string language_entry(std::string_view code, std::string_view json_text, std::string* error) {
  const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_object() && j.contains("language") && j["language"].is_object() && j["language"].contains("name") &&
      j["language"]["name"].is_string() && !j["language"]["name"].get<std::string>().empty())
    return std::string(code) + " " + j["language"]["name"].get<std::string>();
  if (error)
    *error = "assets/lang/" + std::string(code) +
             ".json: needs {\"language\": {\"name\": the language's name in itself, ...}, \"ui\": ..., \"data\": ...}";
  return "";
}

const char* language_code(Language l) {
  const std::size_t i = static_cast<std::size_t>(l);
  return i < languages().size() ? languages()[i].code.c_str() : "en";
}

const char* language_name(Language l) {
  const std::size_t i = static_cast<std::size_t>(l);
  return i < languages().size() ? languages()[i].name.c_str() : "English";
}

std::string language_codes() {
  std::string out;
  for (const LanguageInfo& l : languages()) out += (out.empty() ? "" : ", ") + l.code;
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
  const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  const std::string file = std::string("assets/lang/") + language_code(language) + ".json";
  if (!j.is_object()) {
    if (error) *error = file + ": not a JSON object";
    return w;
  }
  for (const auto& [section, table] :
       {std::pair<const char*, std::unordered_map<std::string, std::string>*>{"ui", &w.ui}, {"data", &w.data}}) {
    if (!j.contains(section)) continue;
    const nlohmann::json& t = j[section];
    if (!t.is_object()) {
      if (error) *error = file + ": \"" + section + "\" must be an object of texts";
      return Words{language, {}, {}, false};
    }
    for (const auto& [key, value] : t.items()) {
      if (!value.is_string()) {
        if (error) *error = file + ": " + section + " \"" + key.substr(0, 40) + "\" must be a text";
        return Words{language, {}, {}, false};
      }
      (*table)[key] = value.get<std::string>();
    }
  }
  w.loaded = true;
  return w;
}

LocalNames load_local_names(std::string_view json_text, std::string* error) {
  LocalNames names;
  const nlohmann::json j = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("names") || !j["names"].is_object()) {
    if (error) *error = "assets/lang/local-names.json: expected {\"names\": {English name: local name}}";
    return names;
  }
  for (const auto& [key, value] : j["names"].items())
    if (value.is_string()) names[key] = value.get<std::string>();
  return names;
}

}  // namespace core
