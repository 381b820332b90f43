#include "core/halo.hpp"

#include <algorithm>
#include <cmath>

namespace core {

int halo_margin(float radius) { return radius > 0 ? static_cast<int>(std::ceil(radius)) : 0; }

// Weight of a source pixel d pixels away: 1 near, a linear ramp over the last pixel, 0 beyond.
static int weight_255(float radius, int d) {
  const float w = std::clamp(radius + 0.5f - static_cast<float>(std::abs(d)), 0.0f, 1.0f);
  return static_cast<int>(std::lround(w * 255.0f));
}

void dilate_alpha(const std::uint8_t* src, int w, int h, int src_stride, float radius, std::uint8_t* dst,
                  std::uint8_t* scratch) {
  const int m = halo_margin(radius), ow = w + 2 * m, oh = h + 2 * m;
  int weight[64];  // radii beyond 31 px are not halos; clamp rather than overflow
  const int mm = std::min(m, 31);
  for (int d = -mm; d <= mm; ++d) weight[d + mm] = weight_255(radius, d);
  // Rows: scratch is ow x h.
  for (int y = 0; y < h; ++y) {
    const std::uint8_t* row = src + static_cast<long>(y) * src_stride;
    for (int x = 0; x < ow; ++x) {
      int best = 0;
      for (int d = -mm; d <= mm; ++d) {
        const int sx = x - m + d;
        if (sx < 0 || sx >= w) continue;
        best = std::max(best, row[sx] * weight[d + mm]);
      }
      scratch[y * ow + x] = static_cast<std::uint8_t>((best + 127) / 255);
    }
  }
  // Columns: dst is ow x oh.
  for (int y = 0; y < oh; ++y) {
    for (int x = 0; x < ow; ++x) {
      int best = 0;
      for (int d = -mm; d <= mm; ++d) {
        const int sy = y - m + d;
        if (sy < 0 || sy >= h) continue;
        best = std::max(best, scratch[sy * ow + x] * weight[d + mm]);
      }
      dst[y * ow + x] = static_cast<std::uint8_t>((best + 127) / 255);
    }
  }
}

}  // namespace core
