#!/bin/sh
# Rebuilds the bundled fonts in this folder from Debian packages (see docs/fonts.md).
# Needs root (apt-get) or the packages already installed. Takes about 3 minutes.
#
#   sh resources/fonts/build-fonts.sh
#
# What it does, and why:
#   - Noto Serif/Sans CJK ship as .ttc collections (JP, KR, SC, TC, HK faces sharing
#     one glyph table). We only need the Simplified-Chinese (SC, index 2) face, so we
#     save that face alone as an .otf.
#   - The CFF outlines are then desubroutinized. pdfkit (fontkit) subsets CFF fonts by
#     keeping every subroutine slot (unused ones become 1-byte stubs); Noto CJK has
#     ~30 000 local subroutines, so each embedded subset weighed ~95 KB and took ~20 ms
#     to encode. Without subroutines a subset is ~7 KB and encodes in ~1 ms. Glyph
#     outlines are unchanged; files grow ~12 %.
#   - HanaMinA/HanaMinB are copied unchanged.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

if ! dpkg -s fonts-noto-cjk fonts-hanazono python3-fonttools >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
    fonts-noto-cjk fonts-hanazono python3-fonttools
fi

# Debian's python3 (with python3-fonttools), not a pyenv/venv python that lacks it.
/usr/bin/python3 - "$here" <<'PY'
import sys, os
from fontTools.ttLib import TTCollection
import fontTools.subset  # registers CFFFontSet.desubroutinize()

out_dir = sys.argv[1]
NOTO = '/usr/share/fonts/opentype/noto'
jobs = [
    ('NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular.otf'),
    ('NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular.otf'),
    ('NotoSansCJK-Bold.ttc', 'NotoSansCJKsc-Bold.otf'),
]
for src, out in jobs:
    # recalcTimestamp=False keeps head.modified, so rebuilds are byte-identical.
    coll = TTCollection(os.path.join(NOTO, src), recalcTimestamp=False)
    # Pick the face by its PostScript name rather than trusting the index order.
    want = out[:-len('.otf')]
    face = next(f for f in coll.fonts if f['name'].getDebugName(6) == want)
    face['CFF '].desubroutinize()
    face.save(os.path.join(out_dir, out))
    print('wrote', out)
PY

cp /usr/share/fonts/truetype/hanazono/HanaMinA.ttf "$here/HanaMinA.ttf"
cp /usr/share/fonts/truetype/hanazono/HanaMinB.ttf "$here/HanaMinB.ttf"
cp /usr/share/doc/fonts-noto-cjk/copyright "$here/LICENSE-NotoCJK.txt"
cp /usr/share/doc/fonts-hanazono/copyright "$here/LICENSE-Hanazono.txt"
ls -l "$here"
