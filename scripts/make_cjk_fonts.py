#!/usr/bin/python3
"""Cuts the fonts the other languages need from Noto Sans CJK (SIL Open Font License 1.1, Debian package
fonts-noto-cjk) down to exactly the characters our texts use, so a language costs only its own glyphs and the
English page loads none of them:

  assets/fonts/NotoSansCJK-<code>.otf   every character of assets/lang/<code>.json (the UI and the trip data in
                                        that language, and its own name) that the Latin subset
                                        (NotoSans-Regular.ttf) lacks, cut from the face the catalogue names in
                                        {"language": {"font": ...}} (Korean: "Noto Sans CJK KR"; one of the faces
                                        of fonts-noto-cjk: KR, JP, SC, TC, HK)
  assets/fonts/NotoSansCJK-<code>-bold.otf  the same characters from the Bold weight, for the headings and the
                                        bold labels (beside NotoSans-Bold.ttf's Latin)
  assets/fonts/NotoSansCJK-local.otf    the local names (assets/lang/local-names.json: 北京, Владивосток), cut
                                        from the SC face, as most of them are Chinese and Han shapes differ by locale

Run it after adding or editing a catalogue or the local names (tests/ui/test_glyphs.cpp fails on any character a
font lacks). Needs fonts-noto-cjk and python3-fonttools (both installed by emsdk-setup.sh). Output is committed.

  scripts/make_cjk_fonts.py [LANG_DIR FONTS_DIR]   (default: assets/lang assets/fonts)
"""
import glob
import json
import os
import sys

import font_subset
from fontTools.ttLib import TTCollection, TTFont

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CJK = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
CJK_BOLD = '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'
LOCAL_FACE = 'Noto Sans CJK SC'


def face(collection, name):
    for i, font in enumerate(TTCollection(collection).fonts):
        if font['name'].getDebugName(1) == name:
            return i
    sys.exit(f'{collection}: no face "{name}"')


def cut(texts, face_name, out, collection=CJK):
    latin = set(TTFont(os.path.join(HERE, 'assets/fonts/NotoSans-Regular.ttf')).getBestCmap())
    chars = sorted({ord(c) for t in texts for c in t if ord(c) >= 0x20} - latin)
    font_subset.cut(collection, out, chars, face(collection, face_name), root=HERE)


def main():
    lang_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, 'assets/lang')
    fonts_dir = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, 'assets/fonts')
    for path in sorted(glob.glob(os.path.join(lang_dir, '*.json'))):
        code = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding='utf-8') as f:
            data = json.load(f)
        if code == 'local-names':
            cut(data['names'].values(), LOCAL_FACE, os.path.join(fonts_dir, 'NotoSansCJK-local.otf'))
            continue
        language = data.get('language', {})
        if not language.get('name') or not language.get('font'):
            sys.exit(f'{path}: needs "language": {{"name": its name in itself, "font": a face of {CJK}}}')
        texts = [language['name']] + list(data.get('ui', {}).values()) + list(data.get('data', {}).values())
        cut(texts, language['font'], os.path.join(fonts_dir, f'NotoSansCJK-{code}.otf'))
        cut(texts, language['font'], os.path.join(fonts_dir, f'NotoSansCJK-{code}-bold.otf'), CJK_BOLD)


main()
