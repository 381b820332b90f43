// Text halos baked once into the font atlas: each glyph's coverage grown by a radius, so a label's halo is one
// extra text draw instead of eight offset copies (which made most of the per-frame vertex upload).
#pragma once
#include <cstdint>

namespace core {

// The margin a dilation of `radius` pixels adds on each side of a glyph: ceil(radius).
int halo_margin(float radius);

// Writes into dst ((w + 2m) x (h + 2m) pixels, m = halo_margin(radius), rows of w + 2m bytes) the coverage of
// the w x h alpha image src (rows of src_stride bytes) grown by `radius` pixels: each output pixel is the
// maximum of the source pixels around it, weighted by how far they are (1 within radius - 0.5, falling to 0 at
// radius + 0.5, for a soft edge). Separable (a row pass, then a column pass), so the corners are a little
// squarer than a disc; at the 1-5 px of a halo it does not show. `scratch` needs (w + 2m) * h bytes.
void dilate_alpha(const std::uint8_t* src, int w, int h, int src_stride, float radius, std::uint8_t* dst,
                  std::uint8_t* scratch);

}  // namespace core
