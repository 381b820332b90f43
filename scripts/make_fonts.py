#!/usr/bin/python3
"""Cuts assets/fonts/NotoSans-Regular.ttf and NotoSans-Bold.ttf (Noto Sans, SIL Open Font License 1.1, Debian package
fonts-noto-core) down to exactly the Latin characters our texts use, so the first visit carries no glyph that no
text can show:

  * every string literal of the app's code (src/: the core's words, the panels' symbols, the formats);
  * every string of the trip data and the base map's place names (assets/trips.json, assets/places.json);
  * every text of every catalogue (assets/lang/<code>.json: its English keys and its translations), so the Latin
    letters, figures and punctuation inside a translation come from these faces as before and the other languages'
    subsets (scripts/make_cjk_fonts.py: "the characters the Latin subset lacks") stay what they are;
  * printable ASCII (figures, a file name or an error's detail inside a message) and the ellipsis ImGui clips with.

Only characters of the Latin ranges below are cut from these faces (Latin with the diacritics of Vietnamese, Korean
and Russian romanisations, punctuation, arrows); anything else (Hangul, Han, Cyrillic) is the other subsets'.
Run it after adding a text with a new character (tests/ui/test_glyphs.cpp "every English text ..." fails on any
character these faces lack), then scripts/make_cjk_fonts.py. Needs fonts-noto-core and python3-fonttools (both
installed by emsdk-setup.sh). Output is committed.

  scripts/make_fonts.py
"""
import glob
import json
import os
import re

import font_subset
from fontTools.ttLib import TTFont

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTO = '/usr/share/fonts/truetype/noto'
# The Latin faces' share of Unicode: Basic Latin, Latin-1, Latin Extended-A, the Vietnamese letters (Hà Nội, Đồng
# Đăng), general punctuation, the euro, the numero sign, the minus (the ranges of the earlier fixed subset).
LATIN_RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x1A0, 0x1B0), (0x1EA0, 0x1EF9), (0x2010, 0x2027), (0x2030, 0x203A),
                (0x20AC, 0x20AC), (0x2116, 0x2116), (0x2212, 0x2212)]
ALWAYS = {*range(0x20, 0x7F), 0x2026}  # printable ASCII; … (ImGui's ellipsis for clipped text)


def code_strings(path):
    """The string literals of a C++ source, decoded (\\xNN byte escapes and UTF-8 alike), comments skipped."""
    src = open(path, encoding='utf-8').read()
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            i = src.find('\n', i) if src.find('\n', i) >= 0 else n
        elif src.startswith('/*', i):
            i = src.index('*/', i) + 2
        elif c == 'R' and src.startswith('R"', i) and not (src[i - 1].isalnum() or src[i - 1] == '_'):
            delim = src[i + 2:src.index('(', i)]
            end = src.index(')' + delim + '"', i)
            out.append(src[src.index('(', i) + 1:end])
            i = end + len(delim) + 2
        elif c in '"\'':
            j, raw = i + 1, bytearray()
            while src[j] != c:
                if src[j] == '\\':
                    m = re.match(r'x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{4})|(.)', src[j + 1:], re.S)
                    if m.group(1):
                        raw.append(int(m.group(1), 16))
                    elif m.group(2):
                        raw += chr(int(m.group(2), 16)).encode()
                    else:
                        raw += {'n': b'\n', 't': b'\t'}.get(m.group(3), m.group(3).encode())
                    j += 1 + len(m.group(0))
                else:
                    raw += src[j].encode()
                    j += 1
            out.append(raw.decode('utf-8', errors='replace'))
            i = j + 1
        else:
            i += 1
    return out


def json_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from json_strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from json_strings(v)


def texts():
    for pattern in ('src/**/*.cpp', 'src/**/*.hpp', 'src/**/*.c'):
        for path in sorted(glob.glob(os.path.join(HERE, pattern), recursive=True)):
            yield from code_strings(path)
    for path in ['assets/trips.json', 'assets/places.json'] + sorted(
            os.path.relpath(p, HERE) for p in glob.glob(os.path.join(HERE, 'assets/lang/*.json'))):
        if os.path.basename(path) == 'local-names.json':
            continue  # their own script's subset (NotoSansCJK-local.otf); their English keys are place names above
        with open(os.path.join(HERE, path), encoding='utf-8') as f:
            yield from json_strings(json.load(f))


def main():
    latin = {c for lo, hi in LATIN_RANGES for c in range(lo, hi + 1)}
    used = {ord(c) for t in texts() for c in t} | ALWAYS
    chars = sorted(used & latin)
    for face in ('Regular', 'Bold'):
        src = os.path.join(NOTO, f'NotoSans-{face}.ttf')
        out = os.path.join(HERE, f'assets/fonts/NotoSans-{face}.ttf')
        missing = [c for c in chars if c not in TTFont(src).getBestCmap()]
        if missing:
            raise SystemExit(f'{src} lacks ' + ' '.join(f'U+{c:04X}' for c in missing))
        font_subset.cut(src, out, chars, root=HERE)
    print('non-ASCII:', ''.join(chr(c) for c in chars if c > 0x7E))


main()
