#include "render/imgui_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "imgui.h"
#include "render/gl_util.hpp"

namespace render {

static const char* kVertex = R"(#version 300 es
uniform mat4 u_projection;
layout(location = 0) in vec2 a_pos;
layout(location = 1) in vec2 a_uv;
layout(location = 2) in vec4 a_color;
out vec2 v_uv;
out vec4 v_color;
void main() {
  v_uv = a_uv;
  v_color = a_color;
  gl_Position = u_projection * vec4(a_pos, 0.0, 1.0);
}
)";
static const char* kFragment = R"(#version 300 es
precision mediump float;
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_color;
out vec4 o_color;
void main() { o_color = v_color * texture(u_texture, v_uv); }
)";

static GLuint texture_id(ImTextureID id) { return static_cast<GLuint>(reinterpret_cast<std::intptr_t>(id)); }

void imgui_renderer_begin(ImGuiRenderer& r) {
  if (!r.build.program && !r.program) r.build = begin_program(kVertex, kFragment);
}

bool imgui_renderer_create(ImGuiRenderer& r, std::string* error) {
  imgui_renderer_begin(r);
  r.program = finish_program(r.build, error);
  if (!r.program) return false;
  r.u_projection = glGetUniformLocation(r.program, "u_projection");
  glUseProgram(r.program);
  glUniform1i(glGetUniformLocation(r.program, "u_texture"), 0);

  glGenVertexArrays(1, &r.vao);
  glGenBuffers(1, &r.vertices);
  glGenBuffers(1, &r.indices);
  glBindVertexArray(r.vao);
  glBindBuffer(GL_ARRAY_BUFFER, r.vertices);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.indices);  // part of the vertex array's state
  const GLint pos = 0, uv = 1, color = 2;            // the shader's layout locations
  const GLsizei stride = sizeof(ImDrawVert);
  glEnableVertexAttribArray(pos);
  glVertexAttribPointer(pos, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glEnableVertexAttribArray(uv);
  glVertexAttribPointer(uv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glEnableVertexAttribArray(color);
  glVertexAttribPointer(color, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);

  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "journeys_webgl2";
  // Indices are 32-bit (ImDrawIdx in src/app/CMakeLists.txt): a draw list never needs a vertex offset.
  static_assert(sizeof(ImDrawIdx) == 4, "the renderer draws with GL_UNSIGNED_INT indices");
  return true;
}

static void set_texture_sampling() {
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

void imgui_renderer_upload_fonts(ImGuiRenderer& r) {
  ImGuiIO& io = ImGui::GetIO();
  unsigned char* pixels = nullptr;
  int width = 0, height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // RGBA: the icons drawn by ImGui are RGBA too
  if (!r.font_texture) glGenTextures(1, &r.font_texture);
  glBindTexture(GL_TEXTURE_2D, r.font_texture);
  set_texture_sampling();
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(r.font_texture)));
  io.Fonts->ClearTexData();  // the GPU has it; the CPU copy is 4 bytes a pixel of nothing further
}

// The state every draw of the panels needs, for a target of fb_w x fb_h pixels showing l..r, t..b (y down).
static void set_render_state(const ImGuiRenderer& r, float fb_w, float fb_h, float l, float t, float rgt, float b) {
  // Rounded: an off-screen frame's 640 device px may come out as 639.99994 of CSS px times the ratio.
  glViewport(0, 0, static_cast<GLsizei>(std::lround(fb_w)), static_cast<GLsizei>(std::lround(fb_h)));
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);
  glUseProgram(r.program);
  // l..rgt, t..b (y down) to clip space (y up).
  const float projection[16] = {2.0f / (rgt - l),  0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (rgt + l) / (l - rgt),
                                (t + b) / (b - t), 0, 1};
  glUniformMatrix4fv(r.u_projection, 1, GL_FALSE, projection);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(r.vao);
  glBindBuffer(GL_ARRAY_BUFFER, r.vertices);
}

void imgui_renderer_warm_up(const ImGuiRenderer& r, bool canvas_alpha) {
  GLuint texture = 0;  // white, sampled as the font atlas is
  const unsigned char white[4] = {255, 255, 255, 255};
  glGenTextures(1, &texture);
  glBindTexture(GL_TEXTURE_2D, texture);
  set_texture_sampling();
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, 1, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, white);

  WarmUpTarget target = begin_warm_up(canvas_alpha);
  set_render_state(r, 4, 4, 0, 0, 4, 4);
  const ImDrawVert vertices[3] = {
      {{0, 0}, {0, 0}, 0xffffffff}, {{8, 0}, {0, 0}, 0xffffffff}, {{0, 8}, {0, 0}, 0xffffffff}};
  const ImDrawIdx indices[3] = {0, 1, 2};
  glBufferData(GL_ARRAY_BUFFER, sizeof vertices, vertices, GL_STREAM_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, sizeof indices, indices, GL_STREAM_DRAW);
  glScissor(0, 0, 4, 4);
  glBindTexture(GL_TEXTURE_2D, texture);
  glDrawElements(GL_TRIANGLES, 3, GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
  end_warm_up(target);
  glDeleteTextures(1, &texture);
}

void imgui_renderer_draw(const ImGuiRenderer& r, const ImDrawData* data) {
  const float fb_w = data->DisplaySize.x * data->FramebufferScale.x,
              fb_h = data->DisplaySize.y * data->FramebufferScale.y;
  if (fb_w <= 0 || fb_h <= 0 || data->CmdListsCount == 0) return;
  const float l = data->DisplayPos.x, t = data->DisplayPos.y;
  set_render_state(r, fb_w, fb_h, l, t, l + data->DisplaySize.x, t + data->DisplaySize.y);

  // The texture and the scissor set only when they change: each WebGL call costs the page's main thread.
  const ImVec2 clip_off = data->DisplayPos, scale = data->FramebufferScale;
  GLuint bound_texture = 0;
  GLint scissor[4] = {-1, -1, -1, -1};
  for (int n = 0; n < data->CmdListsCount; ++n) {
    const ImDrawList* list = data->CmdLists[n];
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback) {  // the app registers none; ImGui's reset marker needs nothing here
        if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(list, &cmd);
        continue;
      }
      const float x0 = (cmd.ClipRect.x - clip_off.x) * scale.x, y0 = (cmd.ClipRect.y - clip_off.y) * scale.y;
      const float x1 = (cmd.ClipRect.z - clip_off.x) * scale.x, y1 = (cmd.ClipRect.w - clip_off.y) * scale.y;
      if (x1 <= x0 || y1 <= y0) continue;
      const GLint box[4] = {static_cast<GLint>(x0), static_cast<GLint>(fb_h - y1), static_cast<GLint>(x1 - x0),
                            static_cast<GLint>(y1 - y0)};  // GL's origin is the bottom left
      if (!std::equal(box, box + 4, scissor)) {
        glScissor(box[0], box[1], box[2], box[3]);
        std::copy(box, box + 4, scissor);
      }
      const GLuint texture = texture_id(cmd.GetTexID());
      if (texture != bound_texture) {
        glBindTexture(GL_TEXTURE_2D, texture);
        bound_texture = texture;
      }
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
    }
  }
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);  // the next frame's clear must cover the whole canvas
}

void imgui_renderer_destroy(ImGuiRenderer& r, bool context_lost) {
  forget_program_build(r.build, context_lost);
  if (!context_lost) {
    glDeleteProgram(r.program);
    glDeleteVertexArrays(1, &r.vao);
    const GLuint buffers[2] = {r.vertices, r.indices};
    glDeleteBuffers(2, buffers);
    glDeleteTextures(1, &r.font_texture);
  }
  if (ImGui::GetCurrentContext()) ImGui::GetIO().Fonts->SetTexID(nullptr);
  r = ImGuiRenderer{};
}

}  // namespace render
