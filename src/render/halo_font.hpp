// The map labels' halo as a font: a second copy of the label font in the ImGui atlas whose glyphs are grown by
// the halo's width (core::dilate_alpha), drawn once under the text in the halo colour. Eight offset copies of
// the text did the same at nine times the vertices; with the whole region on screen that was ~430 KB of
// vertices uploaded a frame.
#pragma once

struct ImFont;
struct ImFontAtlas;

namespace render {

// Grows every visible glyph of `halo` by radius_px atlas pixels, in the atlas's pixels and in the glyph's quad.
// Call after atlas->Build() and before the texture is uploaded; the atlas's TexGlyphPadding must have been at
// least halo_padding(radius_px) when it was built, so neighbouring glyphs keep clear.
void bake_halo_font(ImFontAtlas* atlas, ImFont* halo, float radius_px);
int halo_padding(float radius_px);

}  // namespace render
