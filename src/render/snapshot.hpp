// "Save image": the drawing buffer read back and encoded as PNG with stb_image_write, for slides.
#pragma once
#include <cstdint>
#include <vector>

namespace render {

// Reads the current drawing buffer (w × h, after the frame is drawn) and returns it as PNG bytes, top row
// first. Empty on failure.
std::vector<std::uint8_t> snapshot_png(int w, int h);

}  // namespace render
