#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds and runs examples/progress_report.cpp, then screenshots the sample report with headless
# Chromium (Debian package `chromium`) into docs/images/progress-report.png, trimmed with Pillow
# (python3-pil, a dependency of python3-matplotlib). Chromium runs with
# networking features off and a throw-away profile: the report needs no network.
#   scripts/render_report_png.sh [build dir]   (default build/dev)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$repo_root"

build="${1:-build/dev}"
[[ -d "$build" ]] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j "$jobs" --target theracore_progress_report >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$build/examples/theracore_progress_report" "$work/report.html" >/dev/null
/usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$work/profile" --screenshot="$work/report.png" --window-size=1024,3000 \
    "file://$work/report.html" >/dev/null 2>&1
mkdir -p docs/images
# Trim the empty page below the report (Chromium captures the whole window).
"$debian_python" - "$work/report.png" docs/images/progress-report.png <<'PY'
import sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
px, (w, h) = im.load(), im.size
background = px[w - 1, h - 1]
last = max((y for y in range(h) if any(px[x, y] != background for x in range(0, w, 4))), default=h - 1)
im.crop((0, 0, w, min(h, last + 24))).save(sys.argv[2], optimize=True)
PY
echo "wrote docs/images/progress-report.png" >&2
