// The view as a link: the state in the URL hash, and the page switches newsrooms know from Datawrapper.
//   #trip=2019-02-hanoi&mode=both&t=12.5&speed=4&play=1&view=40.1,124.4,2&dark=auto&controls=0&plain&transparent
// Parsing never fails: whatever cannot be used is ignored and named in a notice, and the rest applies.
// Formatting writes numbers so that parsing them gives back exactly the same double: the link shows the same frame.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.hpp"

namespace core {

struct UrlState {
  std::optional<std::string> trip;
  std::optional<ShowMode> mode;
  std::optional<double> time, speed;
  std::optional<bool> playing;
  std::optional<Language> language;  // lang=ko|en
  std::optional<bool> local_names;   // local=1: map labels add the local script
  std::optional<LatLon> view_centre;
  std::optional<double> view_zoom;
  Presentation presentation;
  std::vector<std::string> notices;  // one per ignored parameter, in plain words
};

// `hash` with or without the leading '#'. Trip ids are checked against the data.
UrlState parse_url_state(std::string_view hash, const TripData& data);

// Applies what the link holds to the state (trip before time; view after trip). The presentation is returned
// separately by parse_url_state.
void apply_url_state(const UrlState& url, AppState& state);

// "#trip=...&mode=...&t=...&speed=...": the reader's state; the view only when include_view. Presentation
// switches that differ from the defaults are kept so a shared link keeps its look.
std::string format_url_state(const AppState& state, const Presentation& presentation, bool include_view);

}  // namespace core
