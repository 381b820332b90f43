#include "core/places.hpp"

#include <cmath>

#include "core/json.hpp"

namespace core {

PlacesResult load_places(std::string_view json_text, std::string_view file_name) {
  PlacesResult out;
  const std::string file(file_name);
  const JsonDocument parsed(json_text);
  const Json doc = parsed.root();
  if (!parsed.ok()) {
    out.errors.push_back(file + ": not valid JSON");
    return out;
  }
  if (!doc.is_object() || !doc.contains("places") || !doc["places"].is_array()) {
    out.errors.push_back(file + ": expected an object with a \"places\" array");
    return out;
  }
  const Json list = doc["places"];
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Json p = list[i];
    std::string where = file + ": places[" + std::to_string(i) + "]";
    if (!p.is_object()) {
      out.errors.push_back(where + ": expected an object");
      continue;
    }
    if (p.contains("id") && p["id"].is_string()) where += " (" + p["id"].string() + ")";
    const std::size_t errors_before = out.errors.size();
    auto text = [&](const char* key) -> std::string {
      if (p[key].is_string() && !p[key].string().empty()) return p[key].string();
      out.errors.push_back(where + ": " + key + " must be a non-empty string");
      return {};
    };
    auto number = [&](const char* key, double lo, double hi) -> double {
      const double v = p[key].number();
      if (p[key].is_number() && std::isfinite(v) && v >= lo && v <= hi) return v;
      out.errors.push_back(where + ": " + key + " must be a number in [" + std::to_string(int(lo)) + ", " +
                           std::to_string(int(hi)) + "]");
      return 0.0;
    };
    MapPlace place;
    place.id = text("id");
    place.name = text("name");
    place.kind = text("kind");
    place.coord = {number("lat", -90, 90), number("lon", -180, 180)};
    place.rank = static_cast<int>(number("rank", 1, 9));
    if (p.contains("country")) place.country = static_cast<int>(number("country", 0, 999));
    if (out.errors.size() == errors_before) out.places.push_back(std::move(place));
  }
  return out;
}

}  // namespace core
