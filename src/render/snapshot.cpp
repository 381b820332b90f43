#include "render/snapshot.hpp"

#include <GLES3/gl3.h>

#include <cstring>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

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

std::vector<std::uint8_t> png_from_rgba(const std::vector<std::uint8_t>& rgba, int w, int h) {
  std::vector<std::uint8_t> png;
  if (rgba.size() != static_cast<std::size_t>(w) * h * 4) return png;
  stbi_write_png_to_func(
      [](void* context, void* data, int size) {
        auto* out = static_cast<std::vector<std::uint8_t>*>(context);
        out->insert(out->end(), static_cast<std::uint8_t*>(data), static_cast<std::uint8_t*>(data) + size);
      },
      &png, w, h, 4, rgba.data(), w * 4);
  return png;
}

}  // namespace render
