// The font atlas: the faces the panels and labels use (body, bold, heading, and the labels' halo), with only the
// characters the texts use, and the reader's language's subset and the local names' merged in. It is rasterised
// at UI scale × device pixel ratio and scaled back by FontGlobalScale, so text is crisp at 1x, 2x and 3x; rebuilt
// only when the ratio, the scale, the language or the local names change (browser zoom, another screen, a
// projector, a new language).
#include <GLES3/gl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "core/decimal.hpp"
#include "render/halo_font.hpp"
#include "render/imgui_renderer.hpp"

static App& app = the_app();

// Characters written by the panels and the core's texts beyond ASCII: · × – — … ‹ › ' ' " " → ← ° ±.
static const char kPanelSymbols[] =
    "\xC2\xB7\xC3\x97\xE2\x80\x93\xE2\x80\x94\xE2\x80\xA6\xE2\x80\xB9\xE2\x80\xBA\xE2\x80\x98\xE2\x80\x99"
    "\xE2\x80\x9C\xE2\x80\x9D\xE2\x86\x92\xE2\x86\x90\xC2\xB0\xC2\xB1";
static const ImWchar kAsciiRange[] = {0x0020, 0x007E, 0};

// The font of a language's subset (scripts/make_cjk_fonts.py), regular or bold, or null when it has not arrived.
std::vector<std::uint8_t>* language_font(core::Language l, bool bold) {
  for (auto& [language, bytes] : bold ? app.assets.language_bold_fonts : app.assets.language_fonts)
    if (language == l && !bytes.empty()) return &bytes;
  return nullptr;
}

// The characters a subset must draw now: every text of the reader's catalogue (its language's font), or the local
// names when they are shown (the local names' font). ImGui 1.86 cannot add glyphs to a built atlas, so a new
// language rebuilds it.
static ImVector<ImWchar> glyph_ranges(bool local_names) {
  ImFontGlyphRangesBuilder builder;
  if (local_names) {
    for (const auto& [english, text] : app.session.local_names) builder.AddText(text.c_str());
  } else {
    const core::Words& w = core::session_words(app.session);
    for (const auto& [english, text] : w.ui) builder.AddText(text.c_str());
    for (const auto& [english, text] : w.data) builder.AddText(text.c_str());
  }
  ImVector<ImWchar> ranges;
  builder.BuildRanges(&ranges);
  return ranges;
}

// The largest texture the atlas may be: the GL limit, and at most 4096 (phones' GPUs).
static int atlas_limit() {
  GLint max_size = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
  return std::min(4096, max_size > 0 ? static_cast<int>(max_size) : 4096);
}

static void build_atlas(float pixel_ratio, float ui_scale, float shrink);

NOT_INLINED void rebuild_fonts_if_needed(float pixel_ratio, float ui_scale) {
  const core::Language language = core::session_words(app.session).language;
  const std::string key = std::string(core::language_code(language)) + (language_font(language, true) ? "/bold" : "") +
                          (app.session.status.local_names_ready ? "/local" : "");
  if (pixel_ratio == app.text.font_pixel_ratio && ui_scale == app.text.ui_scale && key == app.text.fonts_key) return;
  app.text.font_pixel_ratio = pixel_ratio;
  app.text.ui_scale = ui_scale;
  app.text.fonts_key = key;
  // Korean at 3x on a classroom projector can outgrow the texture: then the glyphs are rasterised smaller (and
  // drawn scaled up a little) rather than lost to white boxes.
  for (float shrink = 1.0f; shrink >= 0.3f; shrink *= 0.8f) {
    build_atlas(pixel_ratio, ui_scale, shrink);
    const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexWidth <= atlas_limit() && atlas.TexHeight <= atlas_limit()) break;
  }
  StartupStep upload("font atlas: upload the texture");
  render::imgui_renderer_upload_fonts(app.imgui_renderer);
  ++app.frames.textures_uploaded;
}

static void build_atlas(float pixel_ratio, float ui_scale, float shrink) {
  const float raster = pixel_ratio * ui_scale * shrink;
  const std::string step_name = "font atlas at " + core::format_general(raster, 6) + "x (scale " +
                                core::format_general(ui_scale, 6) + ", pixel ratio " +
                                core::format_general(pixel_ratio, 6) + ")";
  StartupStep step(step_name.c_str());
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  // Only the characters that can be shown are rasterised (a quarter of the font's): printable ASCII, the few
  // symbols the panels write, and whatever the trip data and the place names use (app.text.glyphs, filled as they
  // load).
  if (app.text.glyph_ranges.empty()) {
    app.text.glyphs.AddRanges(kAsciiRange);
    app.text.glyphs.AddText(kPanelSymbols);
    app.text.glyphs.BuildRanges(&app.text.glyph_ranges);  // must outlive the atlas: kept in app
  }
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes stay in app.assets
  config.GlyphRanges = app.text.glyph_ranges.Data;
  // The atlas is rasterised at the exact device pixel size, so ImGui's default 3x horizontal oversampling (for
  // sub-pixel glyph placement) shows no difference here but triples the rasterising time at start (~110 ms of
  // the first frame under SwiftShader) and the atlas. Glyphs snap to whole pixels instead.
  config.OversampleH = 1;
  config.PixelSnapH = true;
  // Korean (the reader's language's subset) and the local names' Han, Cyrillic and Hangul (theirs) merged into each
  // face, when in use. The ranges must outlive Build().
  static ImVector<ImWchar> words_ranges, local_ranges;
  std::vector<std::uint8_t>* words_font = language_font(core::session_words(app.session).language);
  // Its bold weight for the bold faces (the regular stands in until it arrives: never a missing glyph).
  std::vector<std::uint8_t>* words_bold_font = language_font(core::session_words(app.session).language, true);
  std::vector<std::uint8_t>* local_font =
      app.session.status.local_names_ready && !app.assets.font_local.empty() ? &app.assets.font_local : nullptr;
  words_ranges = glyph_ranges(false);
  local_ranges = glyph_ranges(true);
  if (words_ranges.Size <= 1) words_font = nullptr;
  if (!words_font || !words_bold_font) words_bold_font = words_font;
  if (local_ranges.Size <= 1) local_font = nullptr;
  ImFontConfig merge_words = config, merge_local = config;
  merge_words.MergeMode = merge_local.MergeMode = true;
  merge_words.GlyphRanges = words_ranges.Data;
  merge_local.GlyphRanges = local_ranges.Data;
  auto add = [&](std::vector<std::uint8_t>& ttf, float size_px, bool bold_face = false) -> ImFont* {
    ImFont* font = io.Fonts->AddFontFromMemoryTTF(ttf.data(), static_cast<int>(ttf.size()), size_px * raster, &config);
    if (std::vector<std::uint8_t>* merged = bold_face ? words_bold_font : words_font)
      io.Fonts->AddFontFromMemoryTTF(merged->data(), static_cast<int>(merged->size()), size_px * raster, &merge_words);
    if (local_font)
      io.Fonts->AddFontFromMemoryTTF(local_font->data(), static_cast<int>(local_font->size()), size_px * raster,
                                     &merge_local);
    return font;
  };
  // A face whose download failed (the page said so: "Could not load font-bold: …") is drawn with the other one.
  // Without either there is nothing to write with (ImGui's own font is not built in: src/app/CMakeLists.txt): the
  // start stops before this (main.cpp start_step, Fonts) and the page shows the trips as a table.
  std::vector<std::uint8_t>& bold = app.assets.font_bold.empty() ? app.assets.font_regular : app.assets.font_bold;
  std::vector<std::uint8_t>& regular = app.assets.font_regular.empty() ? bold : app.assets.font_regular;
  if (regular.empty()) std::abort();
  app.text.fonts.body = add(regular, ui::kBodyFontPx);
  app.text.fonts.bold = add(bold, ui::kBodyFontPx, true);
  app.text.fonts.heading = add(bold, ui::kHeadingFontPx, true);
  // The labels' halo: a copy of the body font grown by the halo's width in atlas pixels (labels are drawn at
  // kLabelFontFactor of the body size, so an atlas pixel is kLabelFontFactor / pixel_ratio CSS px there).
  const float halo_atlas_px = render::kLabelHaloPx * pixel_ratio * shrink / render::kLabelFontFactor;
  io.Fonts->TexGlyphPadding = render::halo_padding(halo_atlas_px);
  app.text.fonts.label_halo = add(regular, ui::kBodyFontPx);
  {
    StartupStep build("font atlas: rasterise the glyphs");
    io.Fonts->Build();
  }
  {
    StartupStep halo("font atlas: bake the label halo");
    render::bake_halo_font(io.Fonts, app.text.fonts.label_halo, halo_atlas_px);
  }
  io.FontGlobalScale = 1.0f / (pixel_ratio * shrink);
}
