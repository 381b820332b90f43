// The page's downloads, taken in once each: the base map parsed and made into geometry, the trips loaded and
// validated by the core (what is wrong is said on the page), the places, a language's words and the local names
// (once their font is in), the vehicle icons. The start-up steps (main.cpp start_step) call these.
#include <string>
#include <string_view>

#include "app/app.hpp"
#include "core/localize.hpp"
#include "core/trips_pack.hpp"
#include "render/basemap.hpp"

static App& app = the_app();

bool assets_settled(unsigned kinds) { return (app.assets.settled & kinds) == kinds; }

// The map is parsed a part at a time, a task each (core::MapParser: its largest zone alone is several parts), and
// its GPU geometry made in a task of its own, so the page answers the reader in between. True once it is done:
// ready for the GPU, or failed and said so.
NOT_INLINED bool load_map_part() {
  if (app.assets.map_bin.empty()) return true;  // the page has already said the download failed
  if (!app.map.parser) {
    StartupStep step("parse the base map: header");
    app.map.parser = std::make_unique<core::MapParser>(app.assets.map_bin.data(), app.assets.map_bin.size());
  } else if (app.map.parser->finished() && app.map.parser->ok()) {
    StartupStep step("parse the base map: geometry");
    app.map.asset = std::move(app.map.parser->asset());
    app.map.loaded = true;
    app.map.geometry = render::build_map_geometry(app.map.asset);
    app.map.parser.reset();
    app.assets.map_bin = {};  // parsed: the bytes are not needed again
    return true;
  }
  {
    StartupStep step("parse the base map: a part");
    if (app.map.parser->step() || app.map.parser->ok()) return false;  // more to parse, or the geometry next
  }
  report_to_page(2, "The base map could not be read (" + app.map.parser->error() + "); routes are drawn without it.");
  app.map.parser.reset();
  app.assets.map_bin = {};
  return true;
}

// The base map's far part (core/map_asset.hpp): asked of the page the first time the view reaches past the near
// box, then parsed a part per frame (the reader can pan and zoom meanwhile) and the map's buffers made again with
// it, once. Until it is in, land beyond the near box is not drawn (sea).
void take_far_map() {
  core::MapFar& far = app.session.status.map_far;
  if (!app.map.loaded) return;
  // The view now, or where the camera is flying to (asked at the flight's start, so it has the whole flight to come).
  const core::Session& s = app.session;
  if (far == core::MapFar::Absent &&
      (core::map_view_needs_far(app.map.asset, core::visible_rect(s.state.camera)) ||
       (s.flying && core::map_view_needs_far(app.map.asset, core::visible_rect(s.fly.to))))) {
    far = core::MapFar::Wanted;
    ask_page_for_asset("map-far");
  }
  if (app.assets.map_far_bin.empty()) return;
  if (!app.map.far_parser) {
    app.map.far_parser =
        std::make_unique<core::MapParser>(app.assets.map_far_bin.data(), app.assets.map_far_bin.size(), "map-far.bin");
    return;
  }
  if (app.map.far_parser->step()) return;  // more parts in the next frames
  std::string error = app.map.far_parser->error();
  if (error.empty() && core::map_add_far_part(app.map.asset, std::move(app.map.far_parser->asset()), error)) {
    app.map.geometry = render::build_map_geometry(app.map.asset);
    if (app.map.renderer_ready) render::map_renderer_upload(app.map.renderer, app.map.geometry);
    far = core::MapFar::In;
    request_redraw();
  } else {
    far_map_failed(error);
  }
  app.map.far_parser.reset();
  app.assets.map_far_bin = {};
}

void far_map_failed(const std::string& why) {
  app.session.status.map_far = core::MapFar::Failed;
  report_to_page(1, "The far part of the base map (assets/map-far.bin) could not be loaded (" + why +
                        "), so land beyond the region of the Beijing and Vladivostok trips is not drawn.");
  request_redraw();
}

// The trips as the build checked and packed them (core/trips_pack.hpp): a damaged trip is named on the page and
// left out, the others kept.
NOT_INLINED void load_trip_data() {
  StartupStep step("unpack the trips");
  const std::vector<std::uint8_t>& bytes = app.assets.trips_bin;
  if (bytes.empty()) return core::session_trips_missing(app.session);
  std::string texts;  // every character the trips may show, for the font atlas
  core::LoadResult trips = core::unpack_trips(bytes.data(), bytes.size(), "assets/trips.bin", &texts);
  for (const core::Notice& n : core::session_take_trips(app.session, std::move(trips))) report_to_page(n.level, n.text);
  app.text.glyphs.AddText(texts.data(), texts.data() + texts.size());
  app.assets.trips_bin = {};
}

NOT_INLINED void load_places() {
  if (app.assets.places_json.empty()) return;
  StartupStep step("parse the places");
  const std::string_view text(reinterpret_cast<const char*>(app.assets.places_json.data()),
                              app.assets.places_json.size());
  core::PlacesResult result = core::load_places(text, "assets/places.json");
  app.text.glyphs.AddText(text.data(), text.data() + text.size());
  for (const std::string& e : result.errors) report_to_page(1, "Place list: " + e);
  app.text.places_source = std::move(result.places);
  app.text.places = app.text.places_source;
  app.assets.places_json = {};
}

// A language's words and the local names are taken once the CJK font is in (never text without its glyphs); the
// map's places follow the language and the local names.
NOT_INLINED void take_language_assets() {
  auto& pending = app.assets.pending_words;
  for (std::size_t i = 0; i < pending.size();) {
    if (!language_font(pending[i].first)) {
      ++i;
      continue;
    }
    const std::string error = core::session_add_words(app.session, pending[i].first, pending[i].second);
    if (!error.empty()) report_to_page(2, error);
    pending.erase(pending.begin() + static_cast<std::ptrdiff_t>(i));
  }
  if (!app.assets.font_local.empty() && !app.assets.pending_local_names.empty()) {
    const std::string error = core::session_add_local_names(app.session, app.assets.pending_local_names);
    if (!error.empty()) report_to_page(1, error);
    app.assets.pending_local_names.clear();
  }
  core::session_localize(app.session);
  const core::Words& w = core::session_words(app.session);
  const bool local = app.session.status.local_names_ready;
  const std::string key = std::string(core::language_code(w.language)) + (local ? "/local" : "");
  if (key == app.text.places_key) return;
  app.text.places_key = key;
  app.text.places =
      core::localize_places(app.text.places_source, w, local ? app.session.local_names : core::LocalNames{});
}

// An icon that did not arrive or could not be decoded was reported by the page (journeys_asset_failed): an arrow
// stands in for it.
static void load_icon(render::Icon& icon, const IconImage& image, const char* name) {
  if (image.width <= 0 || image.height <= 0) return;
  icon = render::begin_icon(image.width, image.height);
  if (page_upload_icon(name)) {
    render::finish_icon(icon);
    return;
  }
  render::destroy_icon(icon, /*context_lost=*/false);
  report_to_page(1, std::string("The icon ") + name + " could not be put on the GPU; an arrow stands in for it.");
}

NOT_INLINED void load_icons() {
  load_icon(app.journey_layer.train_icon, app.assets.icon_train, "icon-train");
  load_icon(app.journey_layer.plane_icon, app.assets.icon_plane, "icon-plane");
  load_icon(app.journey_layer.car_icon, app.assets.icon_car, "icon-car");
  ++app.frames.textures_uploaded;
}
