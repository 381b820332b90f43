#include <doctest/doctest.h>

#include <cstddef>

#include "core/labels.hpp"

using core::LabelRequest;
using core::PlacedLabel;
using core::ScreenRect;

static std::vector<PlacedLabel> place(const std::vector<LabelRequest>& requests,
                                      const std::vector<ScreenRect>& obstacles = {}) {
  std::vector<int> order;
  std::vector<PlacedLabel> out;
  core::place_labels(requests, obstacles, {0, 0, 800, 600}, 4.0, order, out);
  return out;
}

TEST_CASE("a lone label goes to the right of its dot, vertically centred") {
  auto out = place({{100, 100, 60, 20, 1, 7}});
  REQUIRE(out.size() == 1);
  CHECK(out[0].id == 7);
  CHECK(out[0].box.x0 == doctest::Approx(104));
  CHECK(out[0].box.y0 == doctest::Approx(90));
  CHECK(out[0].box.x1 == doctest::Approx(164));
}

TEST_CASE("placed labels never overlap, and the higher-ranked place keeps its label") {
  // Two places 10 px apart with wide labels: every position of one collides with some of the other's,
  // but not all, so both should fit; a third place on top of the first must lose to it.
  std::vector<LabelRequest> requests = {
      {200, 200, 80, 16, 3, 0},  // low rank, listed first
      {205, 200, 80, 16, 1, 1},  // important
      {200, 201, 80, 16, 2, 2},
  };
  auto out = place(requests);
  for (std::size_t i = 0; i < out.size(); ++i)
    for (std::size_t j = i + 1; j < out.size(); ++j) CHECK_FALSE(out[i].box.overlaps(out[j].box));
  REQUIRE(!out.empty());
  CHECK(out[0].id == 1);  // the most important is placed first, at its preferred position
  CHECK(out[0].box.x0 == doctest::Approx(209));
}

TEST_CASE("labels avoid obstacles and the screen edge") {
  // Right of the dot is covered by an obstacle, left is off-screen: above is next.
  auto out = place({{40, 100, 60, 20, 1, 0}}, {{42, 97, 200, 120}});
  REQUIRE(out.size() == 1);
  CHECK(out[0].box.y1 == doctest::Approx(96));
  // A dot under a sidebar covering everything gets no label at all.
  CHECK(place({{100, 100, 60, 20, 1, 0}}, {{0, 0, 800, 600}}).empty());
}

TEST_CASE("a label with clearance keeps that much further from its dot (a vehicle icon sitting on it)") {
  LabelRequest r{100, 100, 60, 20, 1, 3};
  r.clearance = 12;
  auto out = place({r});
  REQUIRE(out.size() == 1);
  CHECK(out[0].box.x0 == doctest::Approx(116));  // gap 4 + clearance 12
  // Where the right side is taken, the left one keeps the same distance.
  auto blocked = place({r}, {{110, 0, 800, 600}});
  REQUIRE(blocked.size() == 1);
  CHECK(blocked[0].box.x1 == doctest::Approx(84));
}
