#!/usr/bin/env bash
# Regenerates assets/fonts/*.ttf: Noto Sans (SIL Open Font License 1.1, Debian package fonts-noto-core)
# cut down to the characters the explainer writes (Latin with diacritics for Vietnamese, Korean and Russian
# romanisations, figures, punctuation, arrows), so the first load of the page stays small.
# Needs: fonts-noto-core, python3-fonttools (both installed by emsdk-setup.sh). Output is committed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
src=/usr/share/fonts/truetype/noto
out="$here/assets/fonts"
mkdir -p "$out"
# Basic Latin, Latin-1, Latin Extended-A, the Vietnamese letters (Hà Nội, Đồng Đăng), general
# punctuation (– — ‘ ’ “ ” • … ′ ″), degree, multiplication, arrows, en/em spaces.
unicodes="U+0020-007E,U+00A0-017F,U+01A0-01B0,U+1EA0-1EF9,U+2010-2027,U+2030-203A,U+20AC,U+2212,U+2116"
for face in Regular Bold; do
  /usr/bin/python3 -m fontTools.subset "$src/NotoSans-$face.ttf" --unicodes="$unicodes" \
    --layout-features='kern,liga' --no-hinting --desubroutinize --output-file="$out/NotoSans-$face.ttf"
  echo "assets/fonts/NotoSans-$face.ttf: $(stat -c %s "$out/NotoSans-$face.ttf") bytes"
done
cp /usr/share/doc/fonts-noto-core/copyright "$out/NotoSans-LICENSE.txt"
