// "Save image" and "Export video": a drawn frame read back (top row first) and, for the image, encoded as PNG
// with stb_image_write.
#pragma once
#include <cstdint>
#include <vector>

namespace render {

// The bound framebuffer's w × h pixels, RGBA, top row first, opaque (a frame has no transparency). Empty on
// failure.
std::vector<std::uint8_t> read_pixels_top_down(int w, int h);
// RGBA pixels (top row first) as PNG bytes. Empty on failure.
std::vector<std::uint8_t> png_from_rgba(const std::vector<std::uint8_t>& rgba, int w, int h);

}  // namespace render
