// Small WebGL2 helpers shared by the renderers: shader programs, and buffers filled once.
#pragma once
#include <GLES3/gl3.h>

#include <string>

namespace render {

// Compiles and links a program; on failure returns 0 and puts the driver's log in *error.
GLuint make_program(const char* vertex_source, const char* fragment_source, std::string* error);

// A static buffer (GL_STATIC_DRAW): geometry that is uploaded once and drawn every frame.
GLuint make_static_buffer(GLenum target, const void* data, size_t bytes);

}  // namespace render
