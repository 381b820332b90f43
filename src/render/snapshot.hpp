// "Save image" and "Export video": a drawn frame read back, top row first (the page encodes it: a PNG by the
// browser's canvas, a video by WebCodecs).
#pragma once
#include <cstdint>
#include <vector>

namespace render {

// The bound framebuffer's w × h pixels, RGBA, top row first, opaque (a frame has no transparency). Empty on
// failure.
std::vector<std::uint8_t> read_pixels_top_down(int w, int h);

}  // namespace render
