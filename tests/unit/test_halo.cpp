#include <doctest/doctest.h>

#include <vector>

#include "core/halo.hpp"

using namespace core;

static std::vector<std::uint8_t> dilate(const std::vector<std::uint8_t>& src, int w, int h, float radius) {
  const int m = halo_margin(radius);
  std::vector<std::uint8_t> dst(static_cast<std::size_t>((w + 2 * m) * (h + 2 * m)), 77),
      scratch(static_cast<std::size_t>((w + 2 * m) * h));
  dilate_alpha(src.data(), w, h, w, radius, dst.data(), scratch.data());
  return dst;
}

TEST_CASE("halo: a dot grows by the radius, with a soft last pixel, and nothing beyond") {
  CHECK(halo_margin(1.5f) == 2);
  CHECK(halo_margin(2.0f) == 2);
  CHECK(halo_margin(0.0f) == 0);
  // One opaque pixel in a 1x1 image, radius 1.5: margin 2, output 5x5.
  const std::vector<std::uint8_t> out = dilate({255}, 1, 1, 1.5f);
  REQUIRE(out.size() == 25);
  auto at = [&](int x, int y) { return static_cast<int>(out[static_cast<std::size_t>(y * 5 + x)]); };
  CHECK(at(2, 2) == 255);  // the pixel itself
  CHECK(at(1, 2) == 255);  // 1 px away: inside radius - 0.5
  CHECK(at(3, 2) == 255);
  CHECK(at(2, 0) == 0);  // 2 px away: beyond radius + 0.5 = 2
  CHECK(at(0, 2) == 0);
  CHECK(at(1, 1) == 255);  // diagonal neighbour: separable, so the square's corner
  // Radius 1.75: the pixel 2 away is a quarter covered.
  const std::vector<std::uint8_t> soft = dilate({255}, 1, 1, 1.75f);
  CHECK(static_cast<int>(soft[static_cast<std::size_t>(2 * 5 + 0)]) == doctest::Approx(64).epsilon(0.02));
}

TEST_CASE("halo: grey stays grey at most, empty stays empty, the whole output is written") {
  const std::vector<std::uint8_t> grey = dilate({0, 0, 0, 0, 100, 0, 0, 0, 0}, 3, 3, 1.0f);
  REQUIRE(grey.size() == 25);
  int max = 0;
  for (std::uint8_t v : grey) max = std::max(max, static_cast<int>(v));
  CHECK(max == 100);  // a dilation never brightens
  for (std::uint8_t v : dilate(std::vector<std::uint8_t>(12, 0), 4, 3, 2.5f)) CHECK(v == 0);  // no 77 left over
}

TEST_CASE("halo: a source row stride wider than the glyph reads only the glyph") {
  // A 2x2 glyph inside a 4-wide atlas whose other columns are opaque: they must not leak in.
  const std::vector<std::uint8_t> atlas = {0, 0, 255, 255, 0, 0, 255, 255};
  std::vector<std::uint8_t> dst(16, 0), scratch(8, 0);
  dilate_alpha(atlas.data(), 2, 2, 4, 1.0f, dst.data(), scratch.data());
  for (std::uint8_t v : dst) CHECK(v == 0);
}
