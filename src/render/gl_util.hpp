// Small WebGL2 helpers shared by the renderers: shader programs, and buffers filled once.
#pragma once
#include <GLES3/gl3.h>

#include <string>

namespace render {

// A program the GPU process compiles and links while the page goes on. Reading any result of it (the link
// status, a uniform's location) makes the page's main thread wait until the driver is done, so a program is
// asked for early (begin_program) and read frames later (finish_program), when it long is. Attribute locations
// are fixed in the shaders (layout(location = N)): no second link.
struct ProgramBuild {
  GLuint program = 0, vertex = 0, fragment = 0;
};
ProgramBuild begin_program(const char* vertex_source, const char* fragment_source);
// The linked program, or 0 with the driver's log in *error. The build is spent either way.
GLuint finish_program(ProgramBuild& build, std::string* error);
// A build never finished (the renderer destroyed first): its objects are deleted unless the context is gone.
void forget_program_build(ProgramBuild& build, bool context_lost);

// Compiles and links at once; on failure returns 0 and puts the driver's log in *error.
GLuint make_program(const char* vertex_source, const char* fragment_source, std::string* error);

// A 4x4 off-screen target for one draw at start. Software GL (SwiftShader, what machines without a GPU get)
// compiles a pipeline for each program and its vertex layout on its first draw, which takes 100-400 ms; drawing
// once into this target while the page's main thread parses the map moves that compile off the first frame the
// reader waits for, into the GPU process. begin binds it (and a 4x4 viewport); end binds the canvas again.
struct WarmUpTarget {
  GLuint framebuffer = 0, colour = 0;
};
WarmUpTarget begin_warm_up(bool canvas_alpha);  // the canvas's format (with alpha or not): the same pipeline
void end_warm_up(WarmUpTarget& target);

// A static buffer (GL_STATIC_DRAW): geometry that is uploaded once and drawn every frame.
GLuint make_static_buffer(GLenum target, const void* data, size_t bytes);

}  // namespace render
