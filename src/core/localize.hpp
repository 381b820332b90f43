// The trip data in the reader's language: every text a reader sees (titles, destinations, counterparts,
// summaries, facts, notes shown beside figures, vehicles, place names, reasons a mode has no track) looked up in
// the language's catalogue by its English. Ids, dates, figures and sources stay as they are.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/language.hpp"
#include "core/places.hpp"
#include "core/trips.hpp"

namespace core {

// Calls `visit(where, text)` for every reader-facing text of the data, in document order; `where` names it for
// an editor ("trip 2018-03-beijing: summary", "place dandong: name").
void for_each_reader_text(TripData& data,
                          const std::function<void(const std::string& where, std::string& text)>& visit);

// A copy of `data` with every reader-facing text in `words`' language (the English where it has none), and each
// stop's local name from `local` (by its English name).
TripData localize_trips(const TripData& data, const Words& words, const LocalNames& local);
// The base map's places the same way.
std::vector<MapPlace> localize_places(const std::vector<MapPlace>& places, const Words& words, const LocalNames& local);

// The reader-facing texts without a translation in `words`: "trip 2018-03-beijing: summary: \"Kim's first …\"".
std::vector<std::string> untranslated_texts(const TripData& data, const Words& words);

}  // namespace core
