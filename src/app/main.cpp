// Platform wiring and nothing else: an SDL2 window and WebGL2 context on the page's canvas, Dear ImGui on
// top, one frame per browser animation frame. What is drawn is decided by ui/ (and render/) from the state.
#include <GLES3/gl3.h>
#include <SDL.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>

#include "app/app.hpp"

static App app;
App& the_app() { return app; }

// The atlas is rasterised at the device pixel ratio and scaled back by FontGlobalScale, so text is crisp at
// 1x, 2x and 3x. Rebuilt only when the ratio changes (browser zoom, moving the window to another screen).
static void rebuild_fonts_if_needed(float pixel_ratio) {
  if (pixel_ratio == app.font_pixel_ratio) return;
  app.font_pixel_ratio = pixel_ratio;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes stay in app.assets
  auto add = [&](std::vector<std::uint8_t>& ttf, float size_px) -> ImFont* {
    if (ttf.empty()) {  // the page reported the failed download; fall back to ImGui's built-in font
      ImFontConfig fallback;
      fallback.SizePixels = 13.0f * pixel_ratio;
      return io.Fonts->AddFontDefault(&fallback);
    }
    return io.Fonts->AddFontFromMemoryTTF(ttf.data(), static_cast<int>(ttf.size()), size_px * pixel_ratio, &config);
  };
  app.fonts.body = add(app.assets.font_regular, ui::kBodyFontPx);
  app.fonts.heading = add(app.assets.font_bold.empty() ? app.assets.font_regular : app.assets.font_bold,
                          ui::kHeadingFontPx);
  io.FontGlobalScale = 1.0f / pixel_ratio;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

static void update_status() {
  int w = 0, h = 0, pw = 0, ph = 0;
  SDL_GetWindowSize(app.window, &w, &h);
  SDL_GL_GetDrawableSize(app.window, &pw, &ph);
  app.status.canvas_css_width = w;
  app.status.canvas_css_height = h;
  app.status.canvas_pixel_width = pw;
  app.status.canvas_pixel_height = ph;
  app.status.pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
}

static void frame() {
  SDL_Event event;
  while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);

  update_status();
  rebuild_fonts_if_needed(app.status.pixel_ratio);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  if (ImGui::GetIO().DeltaTime <= 0.0f) ImGui::GetIO().DeltaTime = 1.0f / 60.0f;  // two frames, one timestamp
  ImGui::NewFrame();
  ui::draw(app.state, app.status, app.fonts);
  ImGui::Render();

  glViewport(0, 0, app.status.canvas_pixel_width, app.status.canvas_pixel_height);
  glClearColor(0.80f, 0.87f, 0.92f, 1.0f);  // sea
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

  if (++app.status.frames_drawn == 1) notify_first_frame();
}

void start_app() {
  if (app.started) return;
  app.started = true;
  SDL_SetMainReady();
  // Keys go to the canvas only when it has focus, so the page around it (and an embedding article) keeps
  // its own keyboard: Tab, arrows and scrolling.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    report_to_page(2, std::string("Could not start the graphics: ") + SDL_GetError());
    return;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  // The canvas is sized by the page's CSS (it fills its container); SDL follows it and the pixel ratio.
  app.window = SDL_CreateWindow("Kim Jong-un's journeys abroad", SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                800, 600, SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (app.window) app.gl = SDL_GL_CreateContext(app.window);
  if (!app.window || !app.gl) {
    report_to_page(2, std::string("Could not create a WebGL2 context: ") + SDL_GetError());
    return;
  }
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no file system in the page: nothing to save
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ui::apply_style();
  ImGui_ImplSDL2_InitForOpenGL(app.window, app.gl);
  ImGui_ImplOpenGL3_Init("#version 300 es");

  emscripten_set_main_loop(frame, 0, false);
}
