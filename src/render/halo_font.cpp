#include "render/halo_font.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/halo.hpp"
#include "imgui.h"

namespace render {

int halo_padding(float radius_px) { return 2 * core::halo_margin(radius_px) + 1; }

void bake_halo_font(ImFontAtlas* atlas, ImFont* halo, float radius_px) {
  if (!atlas || !halo || radius_px <= 0) return;
  unsigned char* pixels = nullptr;
  int tex_w = 0, tex_h = 0;
  atlas->GetTexDataAsAlpha8(&pixels, &tex_w, &tex_h);
  if (!pixels) return;
  const int m = core::halo_margin(radius_px);
  std::vector<std::uint8_t> grown, scratch;  // once per atlas build, not per frame
  for (ImFontGlyph& g : halo->Glyphs) {
    if (!g.Visible) continue;
    const int x0 = static_cast<int>(std::lround(g.U0 * tex_w)), y0 = static_cast<int>(std::lround(g.V0 * tex_h));
    const int x1 = static_cast<int>(std::lround(g.U1 * tex_w)), y1 = static_cast<int>(std::lround(g.V1 * tex_h));
    const int w = x1 - x0, h = y1 - y0;
    if (w <= 0 || h <= 0) continue;
    const int ow = w + 2 * m, oh = h + 2 * m;
    grown.resize(static_cast<std::size_t>(ow) * oh);
    scratch.resize(static_cast<std::size_t>(ow) * h);
    core::dilate_alpha(pixels + static_cast<std::size_t>(y0) * tex_w + x0, w, h, tex_w, radius_px, grown.data(),
                       scratch.data());
    // A glyph packed against the texture's edge has no room on that side: its halo is cut there.
    const int left = std::min(m, x0), top = std::min(m, y0);
    const int right = std::min(m, tex_w - x1), bottom = std::min(m, tex_h - y1);
    for (int y = -top; y < h + bottom; ++y)
      std::memcpy(pixels + static_cast<std::size_t>(y0 + y) * tex_w + (x0 - left),
                  grown.data() + static_cast<std::size_t>(y + m) * ow + (m - left),
                  static_cast<std::size_t>(left + w + right));
    // The quad grows with the pixels (glyph units per atlas pixel: 1 without oversampling).
    const float sx = (g.X1 - g.X0) / w, sy = (g.Y1 - g.Y0) / h;
    g.X0 -= left * sx, g.X1 += right * sx, g.Y0 -= top * sy, g.Y1 += bottom * sy;
    g.U0 -= static_cast<float>(left) / tex_w, g.U1 += static_cast<float>(right) / tex_w;
    g.V0 -= static_cast<float>(top) / tex_h, g.V1 += static_cast<float>(bottom) / tex_h;
  }
}

}  // namespace render
