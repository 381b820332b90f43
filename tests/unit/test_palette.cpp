// The map's palettes (issue 16): route colours keep at least 3:1 contrast (WCAG 2.x non-text contrast) against
// every land colour and the sea of their theme, in both themes, and the dark theme is a palette of its own.
#include <doctest/doctest.h>

#include <string>

#include "core/palette.hpp"

using namespace core;

TEST_CASE("palette: contrast ratios as WCAG computes them") {
  const float black[4] = {0, 0, 0, 1}, white[4] = {1, 1, 1, 1}, grey[4] = {0.4667f, 0.4667f, 0.4667f, 1};
  CHECK(contrast_ratio(black, white) == doctest::Approx(21.0));
  CHECK(contrast_ratio(white, black) == doctest::Approx(21.0));
  CHECK(contrast_ratio(grey, grey) == doctest::Approx(1.0));
  CHECK(contrast_ratio(grey, white) == doctest::Approx(4.48).epsilon(0.01));  // #777 on white: the classic 4.48
}

TEST_CASE("palette: both route colours stand out at 3:1 from the sea and every land, in both themes") {
  for (bool dark : {false, true}) {
    const MapPalette& p = map_palette(dark);
    for (bool what_if : {false, true}) {
      const float* route = route_colour(dark, what_if);
      const std::string name = std::string(dark ? "dark " : "light ") + (what_if ? "what-if" : "real");
      CAPTURE(name);
      CHECK(contrast_ratio(route, p.sea) >= 3.0);
      for (int k = 0; k < kLandClassCount; ++k) {
        CAPTURE(k);
        CHECK(contrast_ratio(route, p.land[k]) >= 3.0);
      }
    }
  }
}

TEST_CASE("palette: the dark map is dark, with land apart from the sea and North Korea apart from its neighbours") {
  const MapPalette& d = kDarkPalette;
  CHECK(relative_luminance(d.sea) < 0.02);
  for (int k = 0; k < kLandClassCount; ++k) {
    CHECK(relative_luminance(d.land[k]) < 0.07);
    CHECK(relative_luminance(d.land[k]) > relative_luminance(d.sea));  // land lighter than the sea, as at night
    CHECK(contrast_ratio(d.land[k], d.sea) >= 1.3);
  }
  CHECK(contrast_ratio(d.land[int(LandClass::NorthKorea)], d.land[int(LandClass::RouteLand)]) >= 1.2);
  // Coastlines and borders read against what they separate.
  CHECK(contrast_ratio(d.coast, d.sea) >= 2.0);
  CHECK(contrast_ratio(d.border, d.land[int(LandClass::RouteLand)]) >= 2.0);
  // Not the light palette scaled down: the sea is blue, the dark land is not a multiple of the light land.
  CHECK(d.sea[2] > d.sea[0] + 0.05f);
  const float ratio_r = d.land[0][0] / kLightPalette.land[0][0], ratio_g = d.land[0][1] / kLightPalette.land[0][1];
  const float nk_r = d.land[2][0] / kLightPalette.land[2][0];
  CHECK((ratio_r != doctest::Approx(nk_r).epsilon(0.02) || ratio_g != doctest::Approx(ratio_r).epsilon(0.02)));
}
