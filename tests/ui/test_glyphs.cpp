// No tofu: every text of every language's catalogue (assets/lang/<code>.json) and every local name, rasterised into
// an ImGui atlas the way the app builds it (src/app/main.cpp build_atlas: the Latin subset, with the language's
// CJK subset merged for exactly the characters its texts use; its bold subset into the bold faces), must find its
// glyph. At the largest raster the phone layout uses (pixel ratio 3) the atlas must stay within 4096 × 4096 (GL ES's
// guaranteed texture sizes).
#include <doctest/doctest.h>
#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/language.hpp"
#include "ui/ui.hpp"

namespace {

std::vector<char> read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, path);
  return std::vector<char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Every code point of a UTF-8 text (ImGui's own decoder).
std::vector<unsigned> code_points(const std::string& text) {
  std::vector<unsigned> out;
  const char* p = text.c_str();
  const char* end = p + text.size();
  while (p < end) {
    unsigned c = 0;
    p += ImTextCharFromUtf8(&c, p, end);
    out.push_back(c);
  }
  return out;
}

struct Atlas {
  std::vector<char> latin, latin_bold, cjk, cjk_bold;
  ImVector<ImWchar> ranges;
  ImFontAtlas atlas;
  ImFont* font = nullptr;       // the body face
  ImFont* bold_font = nullptr;  // the heading face (bold Latin with the bold subset merged)
  // The app's four faces at body size `px` (body, bold, heading, the halo's copy of the body), each with the
  // subset merged for the characters of `texts`: `cjk_file` into the regular faces, `cjk_bold_file` (or the
  // regular when there is none) into the bold ones, so the size is the app's.
  Atlas(const std::vector<std::string>& texts, const std::string& cjk_file, float px,
        const std::string& cjk_bold_file = "") {
    latin = read(JOURNEYS_SOURCE_DIR "/assets/fonts/NotoSans-Regular.ttf");
    latin_bold = read(JOURNEYS_SOURCE_DIR "/assets/fonts/NotoSans-Bold.ttf");
    cjk = read(cjk_file);
    cjk_bold = cjk_bold_file.empty() ? cjk : read(cjk_bold_file);
    ImFontGlyphRangesBuilder builder;
    for (const std::string& t : texts) builder.AddText(t.c_str());
    builder.BuildRanges(&ranges);
    static const ImWchar kLatin[] = {0x0020, 0x017F, 0x01A0, 0x01B0, 0x1EA0, 0x1EF9, 0x2010, 0x2027, 0x2030,
                                     0x203A, 0x2190, 0x2193, 0x20AC, 0x20AC, 0x2212, 0x2212, 0};
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;
    config.OversampleH = 1;
    config.PixelSnapH = true;
    config.GlyphRanges = kLatin;
    ImFontConfig merge = config;
    merge.MergeMode = true;
    merge.GlyphRanges = ranges.Data;
    const float heading = px * ui::kHeadingFontPx / ui::kBodyFontPx;
    for (const auto& [size, bold] : {std::pair<float, bool>{px, false}, {px, true}, {heading, true}, {px, false}}) {
      std::vector<char>& base = bold ? latin_bold : latin;
      std::vector<char>& merged = bold ? cjk_bold : cjk;
      ImFont* f = atlas.AddFontFromMemoryTTF(base.data(), static_cast<int>(base.size()), size, &config);
      atlas.AddFontFromMemoryTTF(merged.data(), static_cast<int>(merged.size()), size, &merge);
      if (!font) font = f;
      if (bold && size == heading) bold_font = f;
    }
    REQUIRE(atlas.Build());
  }
};

std::vector<std::string> catalogue_texts(const std::string& code) {
  const std::vector<char> bytes = read(JOURNEYS_SOURCE_DIR "/assets/lang/" + code + ".json");
  std::string error;
  const core::Words w = core::load_words(*core::parse_language(code), std::string(bytes.begin(), bytes.end()), &error);
  REQUIRE_MESSAGE(error.empty(), error);
  std::vector<std::string> texts;
  for (const auto& [english, text] : w.ui) texts.push_back(text);
  for (const auto& [english, text] : w.data) texts.push_back(text);
  return texts;
}

void check_every_glyph(const ImFont* font, const std::vector<std::string>& texts) {
  int missing = 0;
  for (const std::string& t : texts)
    for (unsigned c : code_points(t))
      if (c >= 0x20 && !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
        if (++missing <= 10) {
          char code[16];
          std::snprintf(code, sizeof code, "U+%04X", c);
          FAIL_CHECK("no glyph " << code << " in \"" << t.substr(0, 200)
                                 << "\" (run scripts/make_fonts.py, then scripts/make_cjk_fonts.py)");
        }
      }
  CHECK(missing == 0);
}

}  // namespace

TEST_CASE("every text of every language has its glyphs, regular and bold, and the atlas fits a phone's GPU at 3x") {
  const std::vector<std::string> codes = core::catalogue_codes(JOURNEYS_SOURCE_DIR "/assets/lang");
  REQUIRE(codes.size() >= 1);  // Korean at least
  for (const std::string& code : codes) {
    CAPTURE(code);
    const std::vector<std::string> texts = catalogue_texts(code);
    REQUIRE(texts.size() > 200);
    const std::string fonts = JOURNEYS_SOURCE_DIR "/assets/fonts/NotoSansCJK-" + code;
    Atlas a(texts, fonts + ".otf", ui::kBodyFontPx * 3.0f, fonts + "-bold.otf");
    check_every_glyph(a.font, texts);
    check_every_glyph(a.bold_font, texts);
    MESSAGE(code << " atlas at 3x: " << a.atlas.TexWidth << " x " << a.atlas.TexHeight);
    CHECK(a.atlas.TexWidth <= 4096);
    CHECK(a.atlas.TexHeight <= 4096);
  }
}

// The Latin faces are cut to the characters our texts use (scripts/make_fonts.py): every English text (the
// catalogues' keys: the interface and the trip data), every place name of the base map and every symbol the panels
// add must be in them alone, regular and bold: each character of the Latin ranges the subset is cut from (a few page
// words have symbols no Noto Sans face has, such as the embed's "⌘", drawn by the browser, never by the atlas).
TEST_CASE("every English text has its glyphs in the Latin faces alone, regular and bold") {
  std::vector<std::string> texts;
  for (const std::string& code : core::catalogue_codes(JOURNEYS_SOURCE_DIR "/assets/lang")) {
    const std::vector<char> bytes = read(JOURNEYS_SOURCE_DIR "/assets/lang/" + code + ".json");
    std::string error;
    const core::Words w =
        core::load_words(*core::parse_language(code), std::string(bytes.begin(), bytes.end()), &error);
    REQUIRE_MESSAGE(error.empty(), error);
    for (const auto& [english, text] : w.ui) texts.push_back(english);
    for (const auto& [english, text] : w.data) texts.push_back(english);
  }
  const std::vector<char> places = read(JOURNEYS_SOURCE_DIR "/assets/places.json");
  texts.push_back(std::string(places.begin(), places.end()));  // every name in it, and more
  texts.push_back(
      "0123456789 \xC2\xB7\xC3\x97\xE2\x80\x93\xE2\x80\x94\xE2\x80\xA6\xE2\x80\xB9\xE2\x80\xBA");  // · × – — … ‹ ›
  REQUIRE(texts.size() > 200);
  static const unsigned kLatinRanges[][2] = {{0x20, 0x7E},     {0xA0, 0x17F},    {0x1A0, 0x1B0},
                                             {0x1EA0, 0x1EF9}, {0x2010, 0x2027}, {0x2030, 0x203A},
                                             {0x20AC, 0x20AC}, {0x2116, 0x2116}, {0x2212, 0x2212}};
  std::string latin_text;  // the characters of those ranges, each once
  std::vector<bool> seen(0x10000);
  for (const std::string& t : texts)
    for (unsigned c : code_points(t))
      for (const auto& r : kLatinRanges)
        if (c >= r[0] && c <= r[1] && !seen[c]) {
          seen[c] = true;
          ImWchar wide[2] = {static_cast<ImWchar>(c), 0};
          char utf8[8];
          ImTextStrToUtf8(utf8, sizeof utf8, wide, nullptr);
          latin_text += utf8;
        }
  REQUIRE(latin_text.size() > 100);
  ImVector<ImWchar> ranges;
  ImFontGlyphRangesBuilder builder;
  builder.AddText(latin_text.c_str());
  builder.BuildRanges(&ranges);
  std::vector<char> regular = read(JOURNEYS_SOURCE_DIR "/assets/fonts/NotoSans-Regular.ttf");
  std::vector<char> bold = read(JOURNEYS_SOURCE_DIR "/assets/fonts/NotoSans-Bold.ttf");
  ImFontAtlas atlas;
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;
  config.OversampleH = 1;
  config.GlyphRanges = ranges.Data;
  ImFont* regular_font = atlas.AddFontFromMemoryTTF(regular.data(), static_cast<int>(regular.size()), 16, &config);
  ImFont* bold_font = atlas.AddFontFromMemoryTTF(bold.data(), static_cast<int>(bold.size()), 16, &config);
  REQUIRE(atlas.Build());
  check_every_glyph(regular_font, {latin_text});
  check_every_glyph(bold_font, {latin_text});
}

TEST_CASE("every local name has its glyphs") {
  const std::vector<char> bytes = read(JOURNEYS_SOURCE_DIR "/assets/lang/local-names.json");
  std::string error;
  const core::LocalNames names = core::load_local_names(std::string(bytes.begin(), bytes.end()), &error);
  REQUIRE(error.empty());
  std::vector<std::string> texts;
  for (const auto& [english, local] : names) texts.push_back(local);
  REQUIRE(texts.size() > 30);
  Atlas a(texts, JOURNEYS_SOURCE_DIR "/assets/fonts/NotoSansCJK-local.otf", ui::kBodyFontPx * 3.0f);
  check_every_glyph(a.font, texts);
}
