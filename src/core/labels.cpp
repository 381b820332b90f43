#include "core/labels.hpp"

#include <algorithm>
#include <cmath>

namespace core {

const char* const kLabelPositionNames[8] = {"right",      "upper right", "lower right", "left",
                                            "upper left", "lower left",  "above",       "below"};

namespace {

// The eight directions in order of preference (screen y down). Right first: a label read left to right starts
// at its dot; then the right-hand diagonals, then the left side, and above/below last because a label centred
// over its dot hides the route running through it.
constexpr int kDirX[8] = {1, 1, 1, -1, -1, -1, 0, 0};
constexpr int kDirY[8] = {0, -1, 1, 0, -1, 1, -1, 1};

// How much further out each ring is than the plain gap. Ring 1 clears a vehicle icon sitting on the dot
// (its disc is 16 px in radius); rings 2 and 3 reach past a neighbour's label in a dense cluster.
constexpr double kRingExtra[4] = {0, 16, 32, 52};
constexpr int kRings = 4;

// Costs, in "positions": a ring further out costs more than any position of the ring before it, so a leader
// line is only drawn when no plain position is free or good; covering another place's dot costs more than a
// ring, as a covered stop reads as missing; each route segment under the label costs more than moving one
// position (a label across the route hides where it goes), but all of them together less than a ring.
constexpr double kRingCost = 20;
constexpr double kDotCost = 30;
constexpr double kRouteCost = 4;    // the cap: LabelScene::route_cost_cap
constexpr double kKeepBonus = 3.5;  // staying where it was beats moving one position for a slightly better spot
// Leaning towards a neighbour across a border costs more than the whole order of positions, less than a ring.
constexpr double kAcrossBorderCost = 9;

ScreenRect candidate_box(const LabelRequest& r, int position, double d) {
  const int ux = kDirX[position], uy = kDirY[position];
  // Diagonals put the box's corner on the circle of radius d, the sides put its edge's middle there.
  const double off = ux != 0 && uy != 0 ? d * 0.70710678 : d;
  ScreenRect b;
  b.x0 = ux > 0 ? r.anchor_x + off : ux < 0 ? r.anchor_x - off - r.width : r.anchor_x - r.width / 2;
  b.y0 = uy > 0 ? r.anchor_y + off : uy < 0 ? r.anchor_y - off - r.height : r.anchor_y - r.height / 2;
  b.x1 = b.x0 + r.width;
  b.y1 = b.y0 + r.height;
  return b;
}

// Liang-Barsky: does the segment pass through the rectangle's interior?
bool segment_hits(const ScreenSegment& s, const ScreenRect& r) {
  double t0 = 0, t1 = 1;
  const double dx = s.x1 - s.x0, dy = s.y1 - s.y0;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {s.x0 - r.x0, r.x1 - s.x0, s.y0 - r.y0, r.y1 - s.y0};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0) {
      if (q[i] <= 0) return false;  // parallel and outside (or on the edge)
      continue;
    }
    const double t = q[i] / p[i];
    if (p[i] < 0)
      t0 = std::max(t0, t);
    else
      t1 = std::min(t1, t);
    if (t0 >= t1) return false;
  }
  return true;
}

// From just outside the dot to the nearest point of the box.
ScreenSegment leader_for(const LabelRequest& r, const ScreenRect& box) {
  const double nx = std::clamp(r.anchor_x, box.x0, box.x1), ny = std::clamp(r.anchor_y, box.y0, box.y1);
  const double dx = nx - r.anchor_x, dy = ny - r.anchor_y, len = std::hypot(dx, dy);
  const double start = len > 0 ? std::min(len, r.dot_radius + 1) / len : 0;
  return {r.anchor_x + dx * start, r.anchor_y + dy * start, nx, ny};
}

ScreenRect dot_rect(const LabelRequest& r) {
  return {r.anchor_x - r.dot_radius, r.anchor_y - r.dot_radius, r.anchor_x + r.dot_radius, r.anchor_y + r.dot_radius};
}

bool any_overlap(const std::vector<ScreenRect>& rects, const ScreenRect& b) {
  return std::any_of(rects.begin(), rects.end(), [&](const ScreenRect& o) { return o.overlaps(b); });
}

}  // namespace

std::uint64_t label_text_hash(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

void place_labels(const LabelScene& scene, const LabelLayout* previous, LabelLayout& out) {
  out.placed.clear();
  out.dropped.clear();
  const std::vector<LabelRequest>& req = scene.labels;
  std::vector<int> order(req.size());
  for (std::size_t i = 0; i < req.size(); ++i) order[i] = static_cast<int>(i);
  // Stable, so equal priorities keep the caller's order and the result does not flicker between runs.
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    if (req[a].priority != req[b].priority) return req[a].priority < req[b].priority;
    return req[a].rank < req[b].rank;
  });
  const ScreenRect inside{scene.screen.x0 + scene.edge_margin, scene.screen.y0 + scene.edge_margin,
                          scene.screen.x1 - scene.edge_margin, scene.screen.y1 - scene.edge_margin};
  auto fits_inside = [&](const ScreenRect& b) {
    return b.x0 >= inside.x0 && b.y0 >= inside.y0 && b.x1 <= inside.x1 && b.y1 <= inside.y1;
  };

  for (int index : order) {
    const LabelRequest& r = req[index];
    // A dot off the canvas or under a panel is not seen: a label beside the panel would name nothing.
    if (!scene.screen.contains(r.anchor_x, r.anchor_y) ||
        std::any_of(scene.panels.begin(), scene.panels.end(),
                    [&](const ScreenRect& p) { return p.contains(r.anchor_x, r.anchor_y); })) {
      out.dropped.push_back(r.id);
      continue;
    }
    const PlacedLabel* before = nullptr;
    if (previous)
      for (const PlacedLabel& p : previous->placed)
        if (p.id == r.id) before = &p;

    bool found = false;
    double best_cost = 0;
    PlacedLabel best;
    // A context city far from its dot, on a line, is clutter: it gets the plain positions or nothing.
    const int rings = r.priority == LabelPriority::Context ? 1 : kRings;
    for (int ring = 0; ring < rings; ++ring) {
      // Every position of this ring costs at least ring × kRingCost (less the keep bonus): stop once the best so
      // far beats that.
      if (found && best_cost <= ring * kRingCost - kKeepBonus) break;
      const double d = scene.gap + kRingExtra[ring];
      for (int pos = 0; pos < 8; ++pos) {
        const ScreenRect box = candidate_box(r, pos, d);
        // Hard rules first: they are cheap and rule out most positions in a cluster.
        if (!fits_inside(box) || any_overlap(scene.panels, box) || any_overlap(scene.vehicles, box)) continue;
        const ScreenSegment leader = leader_for(r, box);
        bool blocked = false;
        for (const PlacedLabel& p : out.placed) {
          if (p.box.overlaps(box) || (p.leader && segment_hits(p.leader_line, box)) ||
              (ring > 0 && segment_hits(leader, p.box))) {
            blocked = true;
            break;
          }
        }
        if (blocked) continue;
        if (ring > 0 && std::any_of(scene.panels.begin(), scene.panels.end(),
                                    [&](const ScreenRect& p) { return segment_hits(leader, p); }))
          continue;
        double cost = pos + ring * kRingCost;
        if (r.across_x != 0 || r.across_y != 0) {
          const double ux = kDirX[pos], uy = kDirY[pos], norm = std::sqrt(ux * ux + uy * uy);
          if ((ux * r.across_x + uy * r.across_y) / norm > 0.2) cost += kAcrossBorderCost;
        }
        bool covers_dot = false;
        for (const LabelRequest& o : req) {
          if (&o == &r || !dot_rect(o).overlaps(box)) continue;
          covers_dot = true;
          cost += kDotCost;
        }
        // A context city is there to orient the reader: never at the price of hiding a stop's dot.
        if (covers_dot && r.priority == LabelPriority::Context) continue;
        if (found && cost - kKeepBonus >= best_cost) continue;  // cannot win even with the bonus: skip the routes
        double route = 0;
        for (const ScreenSegment& s : scene.routes) {
          if (segment_hits(s, box)) route += kRouteCost;
          if (route >= scene.route_cost_cap) break;
        }
        cost += std::min(route, scene.route_cost_cap);
        if (before && before->position == pos && before->ring == ring) cost -= kKeepBonus;
        if (!found || cost < best_cost) {
          found = true;
          best_cost = cost;
          best = {r.id, box, pos, ring, ring > 0, ring > 0 ? leader : ScreenSegment{}};
        }
      }
    }
    if (found)
      out.placed.push_back(best);
    else
      out.dropped.push_back(r.id);
  }
}

// (across_x/y are not compared: the caller derives them from the labels' anchors and places, compared here, and
// only when those changed.)
static bool same_label(const LabelRequest& a, const LabelRequest& b) {
  return a.anchor_x == b.anchor_x && a.anchor_y == b.anchor_y && a.width == b.width && a.height == b.height &&
         a.priority == b.priority && a.rank == b.rank && a.id == b.id && a.text_hash == b.text_hash &&
         a.dot_radius == b.dot_radius;
}

bool LabelPlacer::same_inputs(const LabelScene& scene) const {
  if (!have_) return false;
  if (scene.screen != last_.screen || scene.gap != last_.gap || scene.edge_margin != last_.edge_margin ||
      scene.route_cost_cap != last_.route_cost_cap)
    return false;
  if (scene.panels != last_.panels) return false;
  if (scene.labels.size() != last_.labels.size()) return false;
  for (std::size_t i = 0; i < scene.labels.size(); ++i)
    if (!same_label(scene.labels[i], last_.labels[i])) return false;
  // The vehicles: only when one now touches a label. (A leader line may run under an icon: that is how a label
  // clears a vehicle sitting on its dot.)
  for (const ScreenRect& v : scene.vehicles)
    for (const PlacedLabel& p : layout_.placed)
      if (p.box.overlaps(v)) return false;
  return true;
}

bool LabelPlacer::update(const LabelScene& scene) {
  if (same_inputs(scene)) return false;
  // A panel that opened and closed again (the keys' help) gives the labels back the places they had before it, not
  // the places they fled to while it was open: the last layouts are remembered by the panels they were placed
  // among (a panel takes a frame or two to come and go), and the latest among the same panels is preferred then.
  const LabelLayout* basis = have_ ? &layout_ : nullptr;
  if (have_ && scene.panels != last_.panels)
    for (std::size_t k = 1; k <= history_count_; ++k) {  // newest first
      const Remembered& r = history_[(history_next_ + kHistory - k) % kHistory];
      if (r.panels == scene.panels) {
        basis = &r.layout;
        break;
      }
    }
  place_labels(scene, basis, next_);
  if (have_) {  // into the oldest slot, reusing its vectors (placement runs every frame of a flight)
    Remembered& slot = history_[history_next_];
    slot.panels.assign(last_.panels.begin(), last_.panels.end());
    slot.layout.placed.assign(layout_.placed.begin(), layout_.placed.end());
    slot.layout.dropped.assign(layout_.dropped.begin(), layout_.dropped.end());
    history_next_ = (history_next_ + 1) % kHistory;
    history_count_ = std::min(history_count_ + 1, kHistory);
  }
  std::swap(layout_, next_);
  last_ = scene;
  have_ = true;
  ++runs_;
  return true;
}

}  // namespace core
