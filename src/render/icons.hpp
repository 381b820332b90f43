// Vehicle icons (assets/icons/*.png) decoded with stb_image into GL textures, drawn by the journey layer.
#pragma once
#include <GLES3/gl3.h>

#include <cstdint>
#include <string>
#include <vector>

namespace render {

struct Icon {
  GLuint texture = 0;
  int width = 0, height = 0;
};

// Decodes a PNG held in memory and uploads it. On failure returns an Icon with texture 0 and sets *error.
Icon load_icon(const std::vector<std::uint8_t>& png, std::string* error);
void destroy_icon(Icon& icon, bool context_lost);

}  // namespace render
