// Vehicle icons (assets/icons/*.png) in GL textures, drawn by the journey layer. The browser decodes the PNGs
// (web/page.js, createImageBitmap: off the main thread, and no PNG decoder in the wasm); the page puts the pixels
// into the texture made here (app/page_bridge.cpp page_upload_icon).
#pragma once
#include <GLES3/gl3.h>

namespace render {

struct Icon {
  GLuint texture = 0;
  int width = 0, height = 0;
};

// A texture for an icon of that size, bound, for the page to fill; then finish_icon makes its mipmaps.
Icon begin_icon(int width, int height);
void finish_icon(const Icon& icon);
void destroy_icon(Icon& icon, bool context_lost);

}  // namespace render
