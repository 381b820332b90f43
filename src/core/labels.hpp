// Map label placement, as cartographers do it for point features (Imhof; the approach of Datawrapper's and the
// news desks' locator maps): every place offers its label at eight positions around its dot, in an order of
// preference (right, then the right-hand diagonals, left, the left-hand diagonals, above, below). Labels are
// placed greedily, most important first: the stops of the leg a vehicle is on now, then reported stops, then
// inferred stops, then the context cities of the base map. A label takes the cheapest of its positions that
// collides with nothing placed before it; where all eight are taken (a dense cluster: Dandong, Sinuiju and the
// Friendship Bridge within 4 km), it tries the same directions further out and draws a leader line back to its
// dot (stops only: a context city gets its plain positions or nothing); where nothing fits, the label is dropped
// (its dot stays). So labels never overlap, and when something has
// to give, it is the least important.
//
// Hard rules (a position breaking one is never taken): inside the canvas, off every panel and vehicle icon,
// off every label and leader line already placed. Soft rules (a cost, so they decide between positions that
// are allowed): off other places' dots (hard for context cities), off the routes, away from a close neighbour
// across a border (Sinuiju's label over Korea, Dandong's over China), where the label was last time (so labels
// do not jump about while the camera moves), and the position's own rank.
//
// Greedy is enough here: a trip shows a few dozen places at most, and trying the important ones first is what
// a reader expects to survive. O(labels² × positions) plus the routes' segments for the allowed positions.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace core {

struct ScreenRect {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // CSS px, x0 <= x1, y0 <= y1
  bool overlaps(const ScreenRect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
  bool operator==(const ScreenRect& o) const { return x0 == o.x0 && y0 == o.y0 && x1 == o.x1 && y1 == o.y1; }
  bool operator!=(const ScreenRect& o) const { return !(*this == o); }
};

// The classes of labels, most important first.
enum class LabelPriority : int {
  CurrentLeg = 0,    // the stops at both ends of the leg a vehicle is on now: what the reader is watching
  ReportedStop = 1,  // a source says he passed or stopped there
  InferredStop = 2,  // the only rail path, the nearest airport
  Context = 3,       // the base map's cities: only where there is room
};

struct LabelRequest {
  double anchor_x = 0, anchor_y = 0;  // the place's dot on screen, CSS px
  double width = 0, height = 0;       // the label's box (text and halo), CSS px
  LabelPriority priority = LabelPriority::Context;
  int rank = 0;                 // within the priority: lower first (places.json's rank, a stop's order)
  int id = 0;                   // caller's index, carried through
  std::uint64_t text_hash = 0;  // the text (label_text_hash): a new text places again even at the same size
  double dot_radius = 5;        // the dot drawn at the anchor: other labels keep off it
  // A neighbour across a border, close on screen (Sinuiju beside Dandong): the unit vector towards it (y down), or
  // 0, 0. Positions on its side cost more, so each label stays over its own country.
  double across_x = 0, across_y = 0;
};

// A straight line on screen (a piece of a route), CSS px.
struct ScreenSegment {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

inline constexpr double kDefaultRouteCostCap = 16;
inline constexpr double kFilmRouteCostCap = 50;

struct LabelScene {
  std::vector<LabelRequest> labels;
  std::vector<ScreenRect> panels;     // everything drawn over the map: labels never go under it
  std::vector<ScreenRect> vehicles;   // the train, plane and car icons now
  std::vector<ScreenSegment> routes;  // the routes drawn, as labels should rather not sit on them
  ScreenRect screen;                  // the canvas
  double gap = 6;                     // between a dot and its label
  double edge_margin = 2;             // labels keep this far inside the canvas edge
  // The most that covering routes may cost a position, in positions (a ring further out costs 20). The default
  // keeps it under a ring: on a live map a label rather sits on the route than on a leader line. A still frame
  // or a film (Save image, Export video) raises it above two rings: there labels step off the route on leaders.
  double route_cost_cap = kDefaultRouteCostCap;
};

// Where a label went. position 0-7: the eight places around the dot (kLabelPositionNames), ring 0 right at the
// dot, rings 1-3 further out with a leader line from the dot's edge to the box.
struct PlacedLabel {
  int id = 0;
  ScreenRect box;
  int position = 0;
  int ring = 0;
  bool leader = false;
  ScreenSegment leader_line;  // when `leader`
};

extern const char* const kLabelPositionNames[8];  // "right", "upper right", ...

struct LabelLayout {
  std::vector<PlacedLabel> placed;  // in placement order (most important first)
  std::vector<int> dropped;         // ids of the labels that did not fit anywhere
};

// Places every label of the scene. `previous` (may be null): the last layout, whose positions are preferred.
void place_labels(const LabelScene& scene, const LabelLayout* previous, LabelLayout& out);

// FNV-1a of a label's text, for LabelRequest::text_hash.
std::uint64_t label_text_hash(std::string_view text);

// Places the labels again only when their inputs changed: the labels (dots moved with the camera, texts, sizes,
// priorities: a vehicle passing a stop changes both), the panels, the canvas. The vehicles move every frame
// while the clock runs; placing again then would make labels jitter for nothing, so a vehicle counts as a change
// only when its icon now touches a label (the labels then step aside).
class LabelPlacer {
 public:
  // True when it placed the labels again.
  bool update(const LabelScene& scene);
  // Whether update() would place again: the caller may then fill in what only placement needs (the routes).
  bool changed(const LabelScene& scene) const { return !same_inputs(scene); }
  const LabelLayout& layout() const { return layout_; }
  long long runs() const { return runs_; }  // how many times it placed (for tests: not every frame)
  void reset() {
    have_ = false;
    history_count_ = 0;
  }

 private:
  bool same_inputs(const LabelScene& scene) const;
  LabelScene last_;
  LabelLayout layout_, next_;
  // The last layouts before the current one, with the panels each was placed among (a ring).
  struct Remembered {
    std::vector<ScreenRect> panels;
    LabelLayout layout;
  };
  static constexpr std::size_t kHistory = 4;
  Remembered history_[kHistory];
  std::size_t history_next_ = 0, history_count_ = 0;
  bool have_ = false;
  long long runs_ = 0;
};

}  // namespace core
