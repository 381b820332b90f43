#include "core/url_state.hpp"

#include "core/decimal.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace core {

static int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding; a broken escape is kept as it is (and then fails validation like any other bad value).
static std::string decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {  // '+' stays '+': a hash is not a form, and exponents ("1.2e+02") use it
      out += s[i];
    }
  }
  return out;
}

// Plain decimal numbers only ("12", "-3.5", "1.2e+02"), read whole, and within a double's range: not too large,
// and not so small that it reads as 0.
static std::optional<double> number(const std::string& s) {
  if (s.empty() || s.size() > 40) return std::nullopt;
  double v = 0;
  if (read_decimal(s, v) != s.size() || !std::isfinite(v)) return std::nullopt;
  if (v == 0 && s.find_first_of("123456789") < s.find_first_of("eE")) return std::nullopt;
  return v;
}

static std::optional<bool> flag(const std::string& value, bool bare) {
  if (bare || value == "1" || value == "true" || value == "on" || value == "yes") return true;
  if (value == "0" || value == "false" || value == "off" || value == "no") return false;
  return std::nullopt;
}

// Quotes a value for a notice, shortened and without control characters, so a hostile link cannot flood
// or garble the page.
static std::string shown(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (out.size() >= 40) {
      out += "\xE2\x80\xA6";
      break;
    }
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) ? '?' : c;
  }
  return "\"" + out + "\"";
}

UrlState parse_url_state(std::string_view hash, const TripData& data) {
  UrlState u;
  if (!hash.empty() && hash.front() == '#') hash.remove_prefix(1);
  if (hash.size() > 2000) {
    u.notices.push_back("The link's settings are too long to read; showing the default view.");
    return u;
  }
  int ignored = 0;
  auto ignore = [&](const std::string& what) {
    if (++ignored <= 5) u.notices.push_back("Ignored " + what + " in the link.");
  };
  std::size_t start = 0;
  while (start <= hash.size()) {
    std::size_t end = hash.find('&', start);
    if (end == std::string_view::npos) end = hash.size();
    const std::string_view part = hash.substr(start, end - start);
    start = end + 1;
    if (part.empty()) continue;
    const std::size_t eq = part.find('=');
    const bool bare = eq == std::string_view::npos;
    const std::string key = decode(part.substr(0, eq));
    const std::string value = bare ? std::string() : decode(part.substr(eq + 1));

    if (key == "trip") {
      if (data.find_trip(value))
        u.trip = value;
      else
        ignore("unknown trip " + shown(value));
    } else if (key == "mode") {
      if (auto m = parse_show_mode(value))
        u.mode = m;
      else
        ignore("mode " + shown(value) + " (train, plane or both)");
    } else if (key == "t" || key == "time") {
      auto v = number(value);
      if (v && *v >= 0)
        u.time = v;
      else
        ignore("time " + shown(value));
    } else if (key == "speed") {
      auto v = number(value);
      if (v && *v >= kMinSpeed && *v <= kMaxSpeed)
        u.speed = v;
      else
        ignore("speed " + shown(value) + " (0.25 to 16)");
    } else if (key == "play" || key == "playing") {
      if (auto f = flag(value, bare))
        u.playing = f;
      else
        ignore("play " + shown(value));
    } else if (key == "view") {
      // lat,lon,zoom: exactly three numbers
      double parts[3];
      int n = 0;
      bool ok = true;
      for (std::size_t from = 0; ok;) {
        const std::size_t comma = value.find(',', from);
        const auto v = number(value.substr(from, comma == std::string::npos ? std::string::npos : comma - from));
        ok = v.has_value() && n < 3;
        if (ok) parts[n++] = *v;
        if (comma == std::string::npos) break;
        from = comma + 1;
      }
      ok = ok && n == 3;
      if (ok && std::fabs(parts[0]) <= 90 && std::fabs(parts[1]) <= 180) {
        u.view_centre = LatLon{parts[0], parts[1]};
        u.view_zoom = parts[2];
      } else {
        ignore("view " + shown(value) + " (latitude,longitude,zoom)");
      }
    } else if (key == "lang") {
      if (auto l = parse_language(value))
        u.language = l;
      else
        ignore("language " + shown(value) + " (" + language_codes() + ")");
    } else if (key == "local") {
      if (auto f = flag(value, bare))
        u.local_names = f;
      else
        ignore("local " + shown(value));
    } else if (key == "dark") {
      if (value == "auto" || bare)
        u.presentation.theme = bare ? Theme::Dark : Theme::Auto;
      else if (auto f = flag(value, false))
        u.presentation.theme = *f ? Theme::Dark : Theme::Light;
      else
        ignore("dark " + shown(value) + " (auto, on or off)");
    } else if (key == "autoplay" || key == "controls" || key == "plain" || key == "transparent" || key == "embed" ||
               key == "classroom") {
      auto f = flag(value, bare);
      if (!f) {
        ignore(key + " " + shown(value));
        continue;
      }
      Presentation& p = u.presentation;
      (key == "autoplay"      ? p.autoplay
       : key == "controls"    ? p.controls
       : key == "plain"       ? p.plain
       : key == "transparent" ? p.transparent
       : key == "embed"       ? p.embed
                              : p.classroom) = *f;
    } else {
      ignore("the setting " + shown(key));
    }
  }
  if (ignored > 5) u.notices.push_back("Ignored " + std::to_string(ignored - 5) + " more settings in the link.");
  return u;
}

void apply_url_state(const UrlState& url, AppState& state) {
  if (url.trip && *url.trip != state.trip_id) {
    state.trip_id = *url.trip;
    state.playback.clock_h = 0.0;
  }
  if (url.mode) {
    state.show = *url.mode;
    state.show_explicit = true;
  }
  if (url.time) state.playback.clock_h = *url.time;  // the app clamps it to the journey's end
  if (url.speed) state.playback.speed = *url.speed;
  if (url.playing) state.playback.playing = *url.playing;
  if (url.presentation.autoplay) state.playback.playing = true;
  if (url.language) {
    state.language = *url.language;
    state.language_explicit = true;
  }
  if (url.local_names) state.local_names = *url.local_names;
  if (url.view_centre) {
    state.camera.centre = project(*url.view_centre);
    state.camera.zoom = *url.view_zoom;
    state.camera = clamp_camera(state.camera, state.camera_limits);
  }
}

std::string format_url_state(const AppState& state, const Presentation& p, bool include_view) {
  std::string h = "#trip=" + state.trip_id;  // ids are [a-z0-9-]: nothing to escape
  h += "&mode=";
  h += to_string(state.show);
  h += "&t=" + format_shortest(state.playback.clock_h);
  if (state.playback.speed != 1.0) h += "&speed=" + format_shortest(state.playback.speed);
  if (state.playback.playing) h += "&play=1";
  if (include_view) {
    const LatLon c = unproject(state.camera.centre);
    h += "&view=" + format_shortest(c.lat) + "," + format_shortest(c.lon) + "," + format_shortest(state.camera.zoom);
  }
  if (state.language != Language::En || state.language_explicit)
    h += std::string("&lang=") + language_code(state.language);
  if (state.local_names) h += "&local=1";
  if (p.theme != Theme::Auto) h += p.theme == Theme::Dark ? "&dark=on" : "&dark=off";
  if (!p.controls) h += "&controls=0";
  if (p.plain) h += "&plain";
  if (p.transparent) h += "&transparent";
  if (p.embed) h += "&embed";
  if (p.classroom) h += "&classroom";
  return h;
}

}  // namespace core
