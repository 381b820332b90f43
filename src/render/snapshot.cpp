#include "render/snapshot.hpp"

#include <webgl/webgl2.h>  // glGetBufferSubData: WebGL 2 has it, GLES 3.0 does not

#include <cstring>

namespace render {

// GL's rows start at the bottom; images' and videos' at the top. A frame has no transparency.
static void make_top_down_opaque(std::vector<std::uint8_t>& rgba, int w, int h) {
  const std::size_t row = static_cast<std::size_t>(w) * 4;
  std::vector<std::uint8_t> line(row);
  for (int y = 0; y < h / 2; ++y) {
    std::uint8_t* a = rgba.data() + row * y;
    std::uint8_t* b = rgba.data() + row * (h - 1 - y);
    std::memcpy(line.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, line.data(), row);
  }
  for (std::size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
}

std::vector<std::uint8_t> read_pixels_top_down(int w, int h) {
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  if (glGetError() != GL_NO_ERROR) return {};
  make_top_down_opaque(rgba, w, h);
  return rgba;
}

PendingRead begin_read_pixels(int w, int h) {
  PendingRead read;
  read.width = w;
  read.height = h;
  glGenBuffers(1, &read.buffer);
  glBindBuffer(GL_PIXEL_PACK_BUFFER, read.buffer);
  glBufferData(GL_PIXEL_PACK_BUFFER, static_cast<GLsizeiptr>(w) * h * 4, nullptr, GL_STREAM_READ);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);  // into the buffer
  glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
  read.fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
  glFlush();  // the GPU starts now, not at the end of the frame
  if (glGetError() != GL_NO_ERROR || !read.fence) forget_read(read, false);
  return read;
}

bool read_pixels_ready(const PendingRead& read) {
  if (!read.fence) return true;
  const GLenum status = glClientWaitSync(read.fence, 0, 0);
  return status == GL_ALREADY_SIGNALED || status == GL_CONDITION_SATISFIED || status == GL_WAIT_FAILED;
}

std::vector<std::uint8_t> finish_read_pixels(PendingRead& read) {
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(read.width) * read.height * 4);
  glBindBuffer(GL_PIXEL_PACK_BUFFER, read.buffer);
  glGetBufferSubData(GL_PIXEL_PACK_BUFFER, 0, static_cast<GLsizeiptr>(rgba.size()), rgba.data());
  glBindBuffer(GL_PIXEL_PACK_BUFFER, 0);
  const bool ok = glGetError() == GL_NO_ERROR;
  const int w = read.width, h = read.height;
  forget_read(read, false);
  if (!ok) return {};
  make_top_down_opaque(rgba, w, h);
  return rgba;
}

void forget_read(PendingRead& read, bool context_lost) {
  if (!context_lost) {
    if (read.fence) glDeleteSync(read.fence);
    if (read.buffer) glDeleteBuffers(1, &read.buffer);
  }
  read = {};
}

}  // namespace render
