#include "core/labels.hpp"

#include <algorithm>

namespace core {

void place_labels(const std::vector<LabelRequest>& requests, const std::vector<ScreenRect>& obstacles,
                  const ScreenRect& screen, double min_gap, std::vector<int>& order, std::vector<PlacedLabel>& out) {
  out.clear();
  order.resize(requests.size());
  for (size_t i = 0; i < requests.size(); ++i) order[i] = static_cast<int>(i);
  // Stable, so equal ranks keep the data's order and the result does not flicker between frames.
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return requests[a].rank < requests[b].rank; });

  for (int index : order) {
    const LabelRequest& r = requests[index];
    const double x = r.anchor_x, y = r.anchor_y, w = r.width, h = r.height, gap = min_gap + r.clearance;
    const ScreenRect candidates[4] = {
        {x + gap, y - h / 2, x + gap + w, y + h / 2},          // right
        {x - gap - w, y - h / 2, x - gap, y + h / 2},          // left
        {x - w / 2, y - gap - h, x + w / 2, y - gap},          // above
        {x - w / 2, y + gap, x + w / 2, y + gap + h},          // below
    };
    for (const ScreenRect& c : candidates) {
      if (c.x0 < screen.x0 || c.y0 < screen.y0 || c.x1 > screen.x1 || c.y1 > screen.y1) continue;
      bool free = std::none_of(obstacles.begin(), obstacles.end(), [&](const ScreenRect& o) { return o.overlaps(c); }) &&
                  std::none_of(out.begin(), out.end(), [&](const PlacedLabel& p) { return p.box.overlaps(c); });
      if (free) {
        out.push_back({r.id, c});
        break;
      }
    }
  }
}

}  // namespace core
