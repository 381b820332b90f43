// assets/places.json: the places labelled on the base map (capitals, cities and crossings on the routes,
// airports), each with a rank for label priority. Parsed and checked; every problem is reported, and the
// places that are valid are kept, so one bad entry does not blank the map's labels.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/geo.hpp"

namespace core {

struct MapPlace {
  std::string id, name, kind;  // kind: capital, city, crossing, airport, site
  std::string local_name;      // in the place's own script (北京), when known and not Latin
  LatLon coord;
  int rank = 3;     // 1 = most important
  int country = 0;  // ISO 3166-1 numeric (408 North Korea, 156 China); 0 when not given
};

struct PlacesResult {
  std::vector<MapPlace> places;
  std::vector<std::string> errors;  // "places.json: places[4] (tumen): lat must be a number in [-90, 90]"
};

PlacesResult load_places(std::string_view json_text, std::string_view file_name);

}  // namespace core
