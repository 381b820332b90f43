#pragma once
// The selected trip's card in the sidebar, in the reader's language: every line the panel draws, in order, with
// its style. Written here (not in the panel) so the words are the core's and tested without ImGui, and built once
// when the trip, its journey, the language or the local-names switch change, not on every frame the panel draws.
#include <string>
#include <vector>

#include "core/journey.hpp"
#include "core/language.hpp"
#include "core/trips.hpp"

namespace core {

struct CardLine {
  enum class Style {
    Title,    // the trip's title, in the heading font
    Text,     // wrapped body text
    Muted,    // wrapped, in the muted colour: sources and notes under a line
    Bullet,   // a bullet, then wrapped text
    Section,  // a rule and a bold heading
    Link,     // a bullet, then a source the reader can open (`url`)
  };
  Style style = Style::Text;
  std::string text;
  std::string url;
};

struct TripCard {
  std::vector<CardLine> lines;
  // A new number each time the session builds a card: the panel keeps the lines' measured heights until it changes.
  unsigned edition = 0;
};

// `local_names`: the route names each place in its own script too ("단둥 丹东"), as the map's labels do, so a
// reader can match the route to the places' own signs.
TripCard make_trip_card(const TripData& data, const Trip& trip, const Journey& journey, const Words& w,
                        bool local_names);

}  // namespace core
