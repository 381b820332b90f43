#include "render/gl_util.hpp"

namespace render {

static GLuint start_compile(GLenum type, const char* source) {
  GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  return shader;
}

ProgramBuild begin_program(const char* vertex_source, const char* fragment_source) {
  ProgramBuild b;
  b.vertex = start_compile(GL_VERTEX_SHADER, vertex_source);
  b.fragment = start_compile(GL_FRAGMENT_SHADER, fragment_source);
  b.program = glCreateProgram();
  glAttachShader(b.program, b.vertex);
  glAttachShader(b.program, b.fragment);
  glLinkProgram(b.program);
  return b;
}

static std::string shader_log(GLuint shader, const char* what) {
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok) return {};
  char log[1024] = {};
  glGetShaderInfoLog(shader, sizeof log, nullptr, log);
  return std::string(what) + " shader: " + log;
}

GLuint finish_program(ProgramBuild& b, std::string* error) {
  GLint ok = 0;
  glGetProgramiv(b.program, GL_LINK_STATUS, &ok);
  if (!ok) {  // say why: a shader that did not compile, or the link's own log
    std::string why = shader_log(b.vertex, "vertex");
    if (why.empty()) why = shader_log(b.fragment, "fragment");
    if (why.empty()) {
      char log[1024] = {};
      glGetProgramInfoLog(b.program, sizeof log, nullptr, log);
      why = std::string("program link: ") + log;
    }
    *error = why;
    glDeleteProgram(b.program);
    b.program = 0;
  }
  glDeleteShader(b.vertex);
  glDeleteShader(b.fragment);
  const GLuint program = b.program;
  b = ProgramBuild{};
  return program;
}

void forget_program_build(ProgramBuild& b, bool context_lost) {
  if (!context_lost && b.program) {
    glDeleteShader(b.vertex);
    glDeleteShader(b.fragment);
    glDeleteProgram(b.program);
  }
  b = ProgramBuild{};
}

GLuint make_program(const char* vertex_source, const char* fragment_source, std::string* error) {
  ProgramBuild b = begin_program(vertex_source, fragment_source);
  return finish_program(b, error);
}

WarmUpTarget begin_warm_up(bool canvas_alpha) {
  WarmUpTarget t;
  glGenRenderbuffers(1, &t.colour);
  glBindRenderbuffer(GL_RENDERBUFFER, t.colour);
  glRenderbufferStorage(GL_RENDERBUFFER, canvas_alpha ? GL_RGBA8 : GL_RGB8, 4, 4);
  glGenFramebuffers(1, &t.framebuffer);
  glBindFramebuffer(GL_FRAMEBUFFER, t.framebuffer);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.colour);
  glViewport(0, 0, 4, 4);
  return t;
}

void end_warm_up(WarmUpTarget& t) {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDeleteFramebuffers(1, &t.framebuffer);
  glDeleteRenderbuffers(1, &t.colour);
  t = WarmUpTarget{};
  // A fence makes the GPU process hand the draws to the driver now, and the flush sends them there: without it the
  // work (the pipelines' compile) waits for the first read-back, the canvas's commit, on the page's main thread.
  GLsync fence = glFenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
  glFlush();
  glDeleteSync(fence);  // (deleted once signalled; nobody waits on it)
}

GLuint make_static_buffer(GLenum target, const void* data, size_t bytes) {
  GLuint buffer = 0;
  glGenBuffers(1, &buffer);
  glBindBuffer(target, buffer);
  glBufferData(target, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
  return buffer;
}

}  // namespace render
