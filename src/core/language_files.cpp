// The languages of a folder of catalogues, for the native tools and tests, which read assets/lang/ themselves (the
// app is told them by the page: journeys_start). Apart from language.cpp so the app's wasm does not carry it.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/json.hpp"
#include "core/language.hpp"

namespace core {

std::string language_entry(std::string_view code, std::string_view json_text, std::string* error) {
  const JsonDocument parsed(json_text);
  const Json name = parsed.root()["language"]["name"];
  if (name.is_string() && !name.string().empty()) return std::string(code) + " " + name.string();
  if (error)
    *error = "assets/lang/" + std::string(code) +
             ".json: needs {\"language\": {\"name\": the language's name in itself, ...}, \"ui\": ..., \"data\": ...}";
  return "";
}

std::vector<std::string> catalogue_codes(const std::string& lang_dir) {
  std::vector<std::string> codes;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(lang_dir, ec)) {
    const std::string name = entry.path().filename().string();
    const std::string code = name.size() > 5 ? name.substr(0, name.size() - 5) : "";
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0 && code.size() >= 2 && code.size() <= 3 &&
        code.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string::npos)
      codes.push_back(code);
  }
  std::sort(codes.begin(), codes.end());
  return codes;
}

std::string add_languages_from(const std::string& lang_dir) {
  std::string list, errors;
  for (const std::string& code : catalogue_codes(lang_dir)) {
    std::ifstream in(lang_dir + "/" + code + ".json", std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string error;
    const std::string entry = language_entry(code, text.str(), &error);
    if (entry.empty()) errors += (errors.empty() ? "" : "\n") + error;
    list += (list.empty() || entry.empty() ? "" : "|") + entry;
  }
  const std::string error = set_languages(list);
  return errors + (errors.empty() || error.empty() ? "" : "\n") + error;
}

}  // namespace core
