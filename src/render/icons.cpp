#include "render/icons.hpp"

namespace render {

Icon begin_icon(int width, int height) {
  Icon icon;
  icon.width = width;
  icon.height = height;
  glGenTextures(1, &icon.texture);
  glBindTexture(GL_TEXTURE_2D, icon.texture);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return icon;
}

void finish_icon(const Icon& icon) {
  glBindTexture(GL_TEXTURE_2D, icon.texture);
  glGenerateMipmap(GL_TEXTURE_2D);
}

void destroy_icon(Icon& icon, bool context_lost) {
  if (!context_lost && icon.texture) glDeleteTextures(1, &icon.texture);
  icon = Icon{};
}

}  // namespace render
