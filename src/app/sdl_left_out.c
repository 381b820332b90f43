/* Parts of SDL2 this page never uses, left out of the link (sizes: src/app/CMakeLists.txt's size comment).
 *
 * Each function below is defined here so that the linker never extracts the SDL object file that defines it (and
 * everything that file pulls in). Each does what SDL itself does in this page's situation, so nothing behaves
 * differently. If a future SDL defines another symbol in one of those files that something needs, the link fails
 * with a duplicate symbol, loudly, rather than silently.
 *
 * Software blitting (SDL_blit.c and its pixel-format tables, about 183 KB of wasm): SDL links every blitter because
 * its Emscripten driver can turn an SDL_Surface into a colour cursor or a window framebuffer, and both paths reach
 * SDL_CalculateBlit. This app draws only through WebGL and uses system cursors (ImGui's SDL backend), so no surface
 * is ever blitted: an SDL_BlitSurface call fails with SDL's usual error instead (SDL_GetError says why).
 *
 * RLE-accelerated surfaces (SDL_RLEaccel.c, its blitters RLEClipBlit, SDL_RLEBlit, RLEAlphaSurface, ...): a surface
 * is RLE-encoded only by SDL_CalculateBlit (above) or by SDL_UnlockSurface of a surface already RLE-encoded, so
 * no surface here ever is: SDL_RLESurface reports that, and there is never anything to decode.
 *
 * Game controllers (SDL_gamecontroller.c and its mapping database and parsers): only ImGui's SDL backend calls
 * them, to read a gamepad when the app enables gamepad navigation (it does not). SDL is built without joystick
 * support (emsdk-setup.sh: -DSDL_JOYSTICK=OFF), so SDL_GameControllerOpen always fails there too.
 *
 * The dummy and offscreen video drivers (SDL_nullvideo.c, SDL_offscreenvideo.c, their framebuffers' BMP writing
 * SDL_SaveBMP_RW and SDL_RWFromFile, and SDL_egl.c): SDL_VideoInit tries its drivers in order and the Emscripten
 * driver, first in the list, always creates its device in a browser; the dummy driver is only ever created when the
 * SDL_VIDEODRIVER hint names it. Here both decline, as SDL's own do when not asked for. */
#include <SDL_error.h>
#include <SDL_gamecontroller.h>

/* SDL_sysvideo.h's VideoBootStrap (SDL 2.26.5, pinned by emsdk-setup.sh): not an installed header. */
struct VideoBootStrap {
  const char* name;
  const char* desc;
  void* (*create)(void);
};

struct SDL_Surface;
int SDL_CalculateBlit(struct SDL_Surface* surface);
int SDL_RLESurface(struct SDL_Surface* surface);
void SDL_UnRLESurface(struct SDL_Surface* surface, int recode);

int SDL_CalculateBlit(struct SDL_Surface* surface) {
  (void)surface;
  return SDL_SetError("software blitting is not built into this page (src/app/sdl_left_out.c)");
}

int SDL_RLESurface(struct SDL_Surface* surface) {
  (void)surface;
  return SDL_SetError("RLE surfaces are not built into this page (src/app/sdl_left_out.c)");
}

void SDL_UnRLESurface(struct SDL_Surface* surface, int recode) {
  (void)surface;
  (void)recode;
}

SDL_GameController* SDL_GameControllerOpen(int joystick_index) {
  (void)joystick_index;
  SDL_SetError("game controllers are not built into this page (src/app/sdl_left_out.c)");
  return NULL;
}

Uint8 SDL_GameControllerGetButton(SDL_GameController* gamecontroller, SDL_GameControllerButton button) {
  (void)gamecontroller;
  (void)button;
  return 0;
}

Sint16 SDL_GameControllerGetAxis(SDL_GameController* gamecontroller, SDL_GameControllerAxis axis) {
  (void)gamecontroller;
  (void)axis;
  return 0;
}

static void* no_video_device(void) {
  SDL_SetError("this video driver is not built into this page (src/app/sdl_left_out.c)");
  return NULL;
}

struct VideoBootStrap DUMMY_bootstrap = {"dummy", "SDL dummy video driver (not built in)", no_video_device};
struct VideoBootStrap OFFSCREEN_bootstrap = {"offscreen", "SDL offscreen video driver (not built in)", no_video_device};

/* Not SDL: libc's sscanf (vfscanf and its integer scanner, about 5 KB of wasm). Its only caller is Dear ImGui's
 * .ini settings parser (window and table settings), which runs only when settings are loaded from an .ini file
 * or from memory; the page has no .ini file (io.IniFilename is null, IMGUI_DISABLE_FILE_FUNCTIONS) and never loads
 * settings. Should anything call it after all, the page stops with this message rather than misreading input. */
#include <stdio.h>
#include <stdlib.h>

int sscanf(const char* restrict text, const char* restrict format, ...) {
  (void)text;
  fprintf(stderr, "sscanf(\"%s\") is not built into this page (src/app/sdl_left_out.c)\n", format);
  abort();
}

/* Not SDL: libc's atof, and with it strtod (musl's reads in 128-bit long double, emulated in software on wasm:
 * 14.5 KB of wasm, 7.4 KB gzip). SDL_atof calls it, only to read two mouse hints (SDL_MOUSE_NORMAL_SPEED_SCALE,
 * SDL_MOUSE_RELATIVE_SPEED_SCALE) that the page never sets. The core reads every other number with its own
 * correctly rounded reader (src/core/decimal.hpp), and so does this: plain decimals, after any leading spaces as
 * atof skips them; anything else reads as 0, as in atof. */
#include <string.h>

double journeys_read_decimal(const char* text, size_t length, size_t* used);

double atof(const char* text) {
  while (*text == ' ' || (*text >= '\t' && *text <= '\r')) ++text;
  return journeys_read_decimal(text, strlen(text), NULL);
}

/* Not SDL: printf's floating-point formats (musl's fmt_fp and its long-double arguments: 4 KB of wasm, 2.4 KB
 * gzip). The core writes every number with a fraction itself (core::format_general and format_fixed,
 * src/core/decimal.hpp), so the page's printf needs only whole numbers and texts: the link wraps vsnprintf (through
 * which snprintf, SDL's and ImGui's formatting all go) to Emscripten's integer-only vsniprintf
 * (src/app/CMakeLists.txt: --wrap=vsnprintf). A floating-point format reaching it would print nothing useful, so the
 * page stops with this message instead, as the tests would show. */
#include <stdarg.h>

int vsniprintf(char* restrict out, size_t size, const char* restrict format, va_list args);

int __wrap_vsnprintf(char* restrict out, size_t size, const char* restrict format, va_list args) {
  for (const char* c = format; *c; ++c) {
    if (*c != '%') continue;
    ++c;
    while (*c && strchr("-+ #'0123456789.*hljztL", *c)) ++c; /* flags, width, precision, length */
    if (*c && strchr("aAeEfFgG", *c)) {
      fprintf(stderr,
              "vsnprintf(\"%s\"): floating-point formats are not built into this page (src/app/sdl_left_out.c)\n",
              format);
      abort();
    }
    if (!*c) break;
  }
  return vsniprintf(out, size, format, args);
}

/* Looking up GL functions by name (emscripten's libprocaddr.c and libGL's tables, webgl1.c and webgl2.c): the app
 * calls WebGL's functions directly and never asks SDL for one by name. SDL would ask only through
 * SDL_GL_GetProcAddress (never called here) or SDL_GL_ExtensionSupported (SDL_EGL_CreateContext calls it only when
 * EGL names the surfaceless-context extension, and emscripten's EGL names none). But SDL's Emscripten driver keeps a
 * pointer to eglGetProcAddress, and the tables behind it reference every one of WebGL's ~300 entry points, so
 * journeys.js carried the JavaScript of all of them. Here a lookup finds nothing, which SDL reports as it does for a
 * name it does not know. */
void* eglGetProcAddress(const char* name) {
  SDL_SetError("GL functions are not looked up by name in this page (src/app/sdl_left_out.c): %s", name);
  return NULL;
}
