/* SDL2's software blitters, left out of the page: about 183 KB of wasm (29 KB gzip, a sixth of journeys.wasm).
 *
 * SDL links every pixel-format blitter because its Emscripten driver can turn an SDL_Surface into a colour
 * cursor or a window framebuffer, and both paths reach SDL_CalculateBlit, which picks a blitter from tables
 * that name them all. This app draws only through WebGL and uses system cursors (ImGui's SDL backend), so no
 * surface is ever blitted. Defining SDL_CalculateBlit here keeps the linker from extracting SDL_blit.o and, with
 * it, the tables: an SDL_BlitSurface call fails with SDL's usual error instead (SDL_GetError says why).
 * If a future SDL defines another symbol in SDL_blit.c that something needs, the link fails with a duplicate
 * symbol, loudly, rather than silently. */
#include <SDL_error.h>

struct SDL_Surface;
int SDL_CalculateBlit(struct SDL_Surface* surface);

int SDL_CalculateBlit(struct SDL_Surface* surface) {
  (void)surface;
  return SDL_SetError("software blitting is not built into this page (src/app/sdl_no_blit.c)");
}
