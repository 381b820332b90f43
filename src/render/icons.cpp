#include "render/icons.hpp"

// Only PNG, from memory: the page has no file system.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb/stb_image.h>

namespace render {

Icon load_icon(const std::vector<std::uint8_t>& png, std::string* error) {
  Icon icon;
  if (png.empty()) {
    *error = "no data";
    return icon;
  }
  int channels = 0;
  stbi_uc* pixels =
      stbi_load_from_memory(png.data(), static_cast<int>(png.size()), &icon.width, &icon.height, &channels, 4);
  if (!pixels) {
    *error = stbi_failure_reason();
    return icon;
  }
  glGenTextures(1, &icon.texture);
  glBindTexture(GL_TEXTURE_2D, icon.texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, icon.width, icon.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  glGenerateMipmap(GL_TEXTURE_2D);
  stbi_image_free(pixels);
  return icon;
}

void destroy_icon(Icon& icon, bool context_lost) {
  if (!context_lost && icon.texture) glDeleteTextures(1, &icon.texture);
  icon = Icon{};
}

}  // namespace render
