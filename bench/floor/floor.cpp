// The floor of our stack: the smallest Dear ImGui + SDL2 + WebGL2 page (one window, one line of text), built by
// bench/run.mjs with the app's compiler and link flags. Its first frame is what any page on this stack pays; the
// explainer's first frame over this one is what is ours.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

static SDL_Window* window;
static int frames;

// JavaScript inside: kept out of the C++ formatter.
// clang-format off
// Presented: the first task after the animation frame that drew it (that task ends with the browser taking the
// canvas's picture), the same rule as the explainer's marks (web/page.js, afterThisFrame).
EM_JS(void, floor_first_frame, (), {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { window.__floorPresentedAt = performance.now(); };
  channel.port2.postMessage(0);
  if (window.floor && window.floor.resolve) window.floor.resolve();
});
// clang-format on

static void frame() {
  SDL_Event e;
  while (SDL_PollEvent(&e)) ImGui_ImplSDL2_ProcessEvent(&e);
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window, &w, &h);
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
  ImGui::Begin("Floor");
  ImGui::TextUnformatted("Hello from the floor of the stack");
  ImGui::End();
  ImGui::Render();
  glViewport(0, 0, w, h);
  glClearColor(0.80f, 0.87f, 0.91f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (++frames == 1) floor_first_frame();
}

int main() {
  SDL_SetMainReady();
  SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  window =
      SDL_CreateWindow("floor", 0, 0, 800, 600, SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  SDL_GLContext gl = SDL_GL_CreateContext(window);
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  ImGui_ImplSDL2_InitForOpenGL(window, gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_main_loop(frame, 0, false);
  return 0;
}
