#include "core/trip_card.hpp"

#include "core/reader_text.hpp"

namespace core {

namespace {

// Appends the card's lines; each helper is one kind of block the card is made of.
struct CardWriter {
  const TripData& data;
  const Words& w;
  TripCard card;

  void line(CardLine::Style style, std::string text, std::string url = {}) {
    card.lines.push_back({style, std::move(text), std::move(url)});
  }

  // Every source that exists, a link when it has an address.
  void sources(const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
      const Source* s = data.find_source(id);
      if (!s) continue;
      std::string label = s->outlet + (s->title.empty() ? "" : ": " + s->title);
      line(s->url.empty() ? CardLine::Style::Bullet : CardLine::Style::Link, std::move(label), s->url);
    }
  }

  // A reported figure as a bullet, and who reported it (and any note) under it.
  void figure_rows(const std::vector<Figure>& figures, const char* unit, const char* what) {
    for (const Figure& f : figures) {
      line(CardLine::Style::Bullet, fill(w(what), {figure_line(w, data, f, unit)}));
      line(CardLine::Style::Muted, "    " + outlets(data, f.sources) + (f.note.empty() ? "" : ". " + f.note));
    }
  }

  void vehicle(const Vehicle& v, std::string title) {
    line(CardLine::Style::Section, std::move(title));
    line(CardLine::Style::Text, v.description);
    if (v.timing_speed) {
      Figure pace;
      pace.min = v.timing_speed->min_kmh;
      pace.max = v.timing_speed->max_kmh;
      line(CardLine::Style::Text,
           fill(w("Pace used here: {0} ({1})"), {figure_text(w, pace, "km/h"), outlets(data, v.timing_speed_sources)}));
    }
    for (const Figure& f : v.reported_speeds_kmh) {
      const std::string speed = figure_text(w, f, "km/h");
      line(CardLine::Style::Bullet, f.note.empty() ? fill(w("Reported speed: {0}"), {speed})
                                                   : fill(w("Reported speed: {0} ({1})"), {speed, f.note}));
      line(CardLine::Style::Muted, "    " + outlets(data, f.sources));
    }
    sources(v.sources);
  }
};

}  // namespace

TripCard make_trip_card(const TripData& data, const Trip& trip, const Journey& journey, const Words& w,
                        bool local_names) {
  using Style = CardLine::Style;
  CardWriter out{data, w, {}};
  out.line(Style::Title, trip.title);
  out.line(Style::Text, trip_dates(w, trip));
  out.line(Style::Text, fill(w("Met: {0}"), {trip.counterpart}));
  out.line(Style::Text, trip.summary);

  const Track& real = journey.real();
  out.line(Style::Section, w("How he went"));
  std::string route;
  for (const TrackStop& s : real.stops)
    route += (route.empty() ? "" : " \xE2\x80\xBA ") + s.name +
             (local_names && !s.local_name.empty() ? " " + s.local_name : "") + (s.reported ? "" : "*");
  out.line(Style::Text, route);
  out.line(Style::Muted, w("* not named in reports: the only rail path, or the nearest airport"));
  out.line(Style::Text, fill(w("Computed: {0}, about {1} at the pace in the data."),
                             {km_text(w, real.distance_km()), duration_text(w, real.duration_h())}));
  for (const Leg& leg : trip.outbound) {
    out.figure_rows(leg.reported_distance_km, "km", "Reported distance: {0}");
    out.figure_rows(leg.reported_duration_h, "h", "Reported time: {0}");
  }
  if (const Vehicle* v = trip.outbound.empty() ? nullptr : data.find_vehicle(trip.outbound.front().vehicle_id))
    out.vehicle(*v, v->name);

  const Track& alt = journey.alternative();
  out.line(Style::Section, w(alt.mode == Mode::Train ? "What if he had taken the train?" : "What if he had flown?"));
  if (alt.available) {
    out.line(Style::Text, fill(w("{0}, about {1} by {2}. Not a journey he made: drawn dashed on the map."),
                               {km_text(w, alt.distance_km()), duration_text(w, alt.duration_h()), alt.vehicle_name}));
    for (const Leg& leg : trip.what_if)
      if (!leg.note.empty()) out.line(Style::Muted, leg.note);
    if (const Vehicle* v = trip.what_if.empty() ? nullptr : data.find_vehicle(trip.what_if.front().vehicle_id))
      out.vehicle(*v, fill(w("What-if vehicle: {0}"), {v->name}));
  } else {
    out.line(Style::Text, alt.unavailable_reason);
  }

  if (!trip.facts.empty()) {
    out.line(Style::Section, w("On the record"));
    for (const Fact& f : trip.facts) {
      out.line(Style::Bullet, f.text);
      const char* conf = confidence_word(w, f.confidence);
      out.line(Style::Muted, "    " + outlets(data, f.sources) + (*conf ? std::string(" \xC2\xB7 ") + conf : ""));
    }
  }
  out.line(Style::Section, w("Sources"));
  out.sources(trip.sources);
  for (const Leg& leg : trip.outbound) out.sources(leg.sources);
  return std::move(out.card);
}

}  // namespace core
