#include "render/snapshot.hpp"

#include <GLES3/gl3.h>

#include <cstring>

namespace render {

std::vector<std::uint8_t> read_pixels_top_down(int w, int h) {
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  if (glGetError() != GL_NO_ERROR) return {};
  // GL's rows start at the bottom; images' and videos' at the top.
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
  return rgba;
}

}  // namespace render
