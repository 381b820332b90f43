// Map label placement: each place offers its label at a few positions around its dot; places are taken in
// order of rank (lower rank = more important) and a label is kept at the first position that overlaps no
// label already kept, no obstacle (the sidebar, the timeline) and stays inside the screen. So labels never
// overlap and the important ones win. Greedy and O(n²), which is nothing for the few dozen places on screen.
#pragma once
#include <vector>

namespace core {

struct ScreenRect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // CSS px, x0 <= x1, y0 <= y1
  bool overlaps(const ScreenRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct LabelRequest {
  double anchor_x = 0, anchor_y = 0;  // the place's dot on screen, CSS px
  double width = 0, height = 0;       // the label's text size, CSS px
  int rank = 0;                       // 1 = most important
  int id = 0;                         // caller's index, carried through
  double clearance = 0;               // extra distance from the dot, e.g. for a vehicle icon sitting on it
};

struct PlacedLabel {
  int id = 0;
  ScreenRect box;  // where the text goes (top-left x0, y0)
};

// Candidates are tried right of the dot, left, above, below. `gap` separates text from dot.
// `out` is cleared and refilled; `order` is scratch space (kept by the caller so nothing is allocated per frame
// once the vectors have grown).
void place_labels(const std::vector<LabelRequest>& requests, const std::vector<ScreenRect>& obstacles,
                  const ScreenRect& screen, double gap, std::vector<int>& order, std::vector<PlacedLabel>& out);

}  // namespace core
