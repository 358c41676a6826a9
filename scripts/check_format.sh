#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fails when a tracked C++ file differs from .clang-format, or lacks its SPDX line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files -- '*.hpp' '*.cpp' ':!:tests/compile_fail/*.fail.cpp')
status=0
if ((${#files[@]})); then
    clang-format --dry-run --Werror "${files[@]}" || status=1
fi
mapfile -t sources < <(git ls-files -- '*.hpp' '*.cpp' '*.hpp.in' '*.py' '*.sh' '*.cmake' 'CMakeLists.txt' '**/CMakeLists.txt' '*.pyi')
for f in "${sources[@]}"; do
    head -n 3 "$f" | grep -q 'SPDX-License-Identifier: Apache-2.0' || { echo "missing SPDX line: $f" >&2; status=1; }
done
exit $status
