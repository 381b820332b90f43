// "Save image" and "Export video": a drawn frame read back, top row first (the page encodes it: a PNG by the
// browser's canvas, a video by WebCodecs).
#pragma once
#include <GLES3/gl3.h>

#include <cstdint>
#include <vector>

namespace render {

// The bound framebuffer's w × h pixels, RGBA, top row first, opaque (a frame has no transparency). Empty on
// failure. Waits for the GPU to finish the frame (Export video: the page waits for each frame anyway).
std::vector<std::uint8_t> read_pixels_top_down(int w, int h);

// The same without waiting (Save image): the pixels are copied into a buffer on the GPU's side behind the frame's
// drawing, and taken in a later frame once a fence says the GPU is done. With SwiftShader the wait was 30-50 ms of
// a save's 75-140 ms task on the page's main thread.
struct PendingRead {
  GLuint buffer = 0;
  GLsync fence = nullptr;
  int width = 0, height = 0;
  explicit operator bool() const { return buffer != 0; }
};
PendingRead begin_read_pixels(int w, int h);      // of the bound framebuffer; empty on failure
bool read_pixels_ready(const PendingRead& read);  // never waits
// The pixels as read_pixels_top_down gives them, and the buffer freed. Call once read_pixels_ready.
std::vector<std::uint8_t> finish_read_pixels(PendingRead& read);
void forget_read(PendingRead& read, bool context_lost);

}  // namespace render
