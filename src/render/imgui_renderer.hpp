// Draws Dear ImGui's draw lists (the panels, the labels, the vehicle icons) with WebGL2.
//
// In place of ImGui's example GL backend, which reads back about twenty pieces of GL state every frame so it
// can restore them afterwards. In Chrome those reads (glGetIntegerv of the scissor box and of the blend
// functions) are synchronous calls into the GPU process: bench/run.mjs measured 1.5-2 ms of every frame in them
// under SwiftShader, the whole per-frame budget. The app owns all GL state, so this renderer sets what it needs
// and leaves a known state behind: blending on (premultiplied-free "over"), scissor test off.
#pragma once
#include <GLES3/gl3.h>

#include <string>

#include "render/gl_util.hpp"

struct ImDrawData;

namespace render {

struct ImGuiRenderer {
  ProgramBuild build;  // asked for at start, finished by imgui_renderer_create
  GLuint program = 0, vao = 0, vertices = 0, indices = 0, font_texture = 0;
  GLint u_projection = -1;
};

// Asks the driver for the program (compiled while the page goes on: gl_util.hpp).
void imgui_renderer_begin(ImGuiRenderer& r);
// Program (begun first if need be), vertex array and the two stream buffers. On failure returns false and sets
// *error.
bool imgui_renderer_create(ImGuiRenderer& r, std::string* error);
// Draws a triangle the way the panels are drawn, off-screen (gl_util.hpp's WarmUpTarget), so that the driver
// prepares the pipeline while the page goes on (created first).
void imgui_renderer_warm_up(const ImGuiRenderer& r, bool canvas_alpha);
// (Re)uploads ImGui's font atlas (after the fonts were built for a new pixel ratio) and gives ImGui its id.
void imgui_renderer_upload_fonts(ImGuiRenderer& r);
// Draws one frame's draw data into the bound framebuffer, whose size in pixels is data's DisplaySize times
// its FramebufferScale.
void imgui_renderer_draw(const ImGuiRenderer& r, const ImDrawData* data);
// After a lost context the handles are already gone: only forget them.
void imgui_renderer_destroy(ImGuiRenderer& r, bool context_lost);

}  // namespace render
