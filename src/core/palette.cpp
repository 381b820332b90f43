#include "core/palette.hpp"

#include <algorithm>
#include <cmath>

namespace core {

// WCAG 2.x: each sRGB channel linearised, then 0.2126 R + 0.7152 G + 0.0722 B.
double relative_luminance(const float rgba[4]) {
  const auto linear = [](double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
  return 0.2126 * linear(rgba[0]) + 0.7152 * linear(rgba[1]) + 0.0722 * linear(rgba[2]);
}

double contrast_ratio(const float a[4], const float b[4]) {
  const double la = relative_luminance(a), lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

}  // namespace core
