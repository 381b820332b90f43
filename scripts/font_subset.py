"""The one way our font subsets are cut (scripts/make_fonts.py: the Latin faces; scripts/make_cjk_fonts.py: the
other languages' and the local names'): only the given characters, no hinting and no OpenType layout (ImGui 1.86
draws each character's glyph with stb_truetype's advance: it reads neither hinting nor kerning, ligatures or
localised forms, so GPOS, GSUB and GDEF, and the ligature glyphs they pull in, were bytes no reader saw), plain
outlines, the naming records that carry the copyright, version and licence."""
import os

from fontTools import subset


def cut(src, out, chars, font_number=None, root=None):
    options = subset.Options()
    if font_number is not None:
        options.font_number = font_number
    options.layout_features = []
    options.drop_tables += ['GSUB', 'GPOS', 'GDEF', 'kern']
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]  # keeps the copyright, version and licence
    font = subset.load_font(src, options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=chars)
    subsetter.subset(font)
    subset.save_font(font, out, options)
    shown = os.path.relpath(out, root) if root else out
    print(f'{shown}: {len(chars)} characters, {os.path.getsize(out)} bytes')
