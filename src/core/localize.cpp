#include "core/localize.hpp"

namespace core {

using Visit = std::function<void(const std::string&, std::string&)>;

static void visit_figures(std::vector<Figure>& figures, const std::string& where, const Visit& visit) {
  for (Figure& f : figures)
    if (!f.note.empty()) visit(where + " note", f.note);
}

static void visit_legs(std::vector<Leg>& legs, const std::string& where, const Visit& visit) {
  for (std::size_t i = 0; i < legs.size(); ++i) {
    Leg& leg = legs[i];
    const std::string at = where + "[" + std::to_string(i) + "]";
    for (Stop& s : leg.stops) visit(at + " stop " + s.place_id + ": name", s.name);
    visit_figures(leg.reported_distance_km, at + ": reported distance", visit);
    visit_figures(leg.reported_duration_h, at + ": reported duration", visit);
  }
}

void for_each_reader_text(TripData& data, const Visit& visit) {
  visit("title", data.title);
  for (Place& p : data.places)  // a line's waypoints are never named to the reader (not stops, not labelled)
    if (!p.waypoint) visit("place " + p.id + ": name", p.name);
  for (Vehicle& v : data.vehicles) {
    visit("vehicle " + v.id + ": name", v.name);
    visit("vehicle " + v.id + ": description", v.description);
    visit_figures(v.reported_speeds_kmh, "vehicle " + v.id + ": reported speed", visit);
  }
  for (Trip& t : data.trips) {
    const std::string at = "trip " + t.id + ": ";
    visit(at + "title", t.title);
    visit(at + "destination", t.destination);
    if (!t.country.empty()) visit(at + "country", t.country);
    visit(at + "counterpart", t.counterpart);
    visit(at + "summary", t.summary);
    visit_legs(t.outbound, at + "outbound", visit);
    visit_legs(t.what_if, at + "what_if", visit);
    for (std::size_t i = 0; i < t.what_if.size(); ++i)
      if (!t.what_if[i].note.empty()) visit(at + "what_if[" + std::to_string(i) + "]: note", t.what_if[i].note);
    for (WhatIfUnavailable& u : t.what_if_unavailable) visit(at + "what_if_unavailable: reason", u.reason);
    for (std::size_t i = 0; i < t.facts.size(); ++i) visit(at + "facts[" + std::to_string(i) + "]", t.facts[i].text);
  }
}

static const std::string& local_of(const LocalNames& local, const std::string& english) {
  static const std::string none;
  const auto it = local.find(english);
  return it == local.end() ? none : it->second;
}

TripData localize_trips(const TripData& data, const Words& words, const LocalNames& local) {
  TripData out = data;
  for (Trip& t : out.trips)
    for (std::vector<Leg>* legs : {&t.outbound, &t.tour, &t.return_legs, &t.what_if})
      for (Leg& leg : *legs)
        for (Stop& s : leg.stops) s.local_name = local_of(local, s.name);
  if (words.data.empty()) return out;
  for_each_reader_text(out, [&](const std::string&, std::string& text) { text = words.text(text); });
  // A local name the reader's language already shows (평양역 for a Korean reader) is not shown twice.
  for (Trip& t : out.trips)
    for (std::vector<Leg>* legs : {&t.outbound, &t.tour, &t.return_legs, &t.what_if})
      for (Leg& leg : *legs)
        for (Stop& s : leg.stops)
          if (s.local_name == s.name) s.local_name.clear();
  return out;
}

std::vector<MapPlace> localize_places(const std::vector<MapPlace>& places, const Words& words,
                                      const LocalNames& local) {
  std::vector<MapPlace> out = places;
  for (MapPlace& p : out) {
    p.local_name = local_of(local, p.name);
    p.name = words.text(p.name);
    if (p.local_name == p.name) p.local_name.clear();  // 서울 beside 서울: once
  }
  return out;
}

std::vector<std::string> untranslated_texts(const TripData& data, const Words& words) {
  TripData copy = data;
  std::vector<std::string> missing;
  for_each_reader_text(copy, [&](const std::string& where, std::string& text) {
    if (text.empty()) return;
    const auto it = words.data.find(text);
    if (it != words.data.end() && !it->second.empty()) return;
    const std::string shown = text.size() > 70 ? text.substr(0, 67) + "..." : text;
    const std::string line = where + ": \"" + shown + "\"";
    missing.push_back(line);
  });
  return missing;
}

}  // namespace core
