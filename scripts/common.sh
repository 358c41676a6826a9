# SPDX-License-Identifier: Apache-2.0
# Shared by demo.sh and test.sh (sourced, not run).
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jobs="$(nproc 2>/dev/null || echo 2)"
# Debian's interpreter, where apt's python3-* packages live; another python3 (pyenv) may come
# first on PATH and has none of them.
debian_python=/usr/bin/python3

# Each step is announced with the time since the script started ([mm:ss]), so a run's log shows
# where its time went.
step() { printf '\n==> [%02d:%02d] %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*" >&2; }

# Ninja (bootstrap.sh installs it) keeps every core busy to the end of a build, which make's
# recursive targets do not; a build directory made by another generator keeps it.
generator=()
if command -v ninja >/dev/null; then
    generator=(-G Ninja)
fi

configure_and_build() {  # <build dir> [cmake args…]
    local dir="$1"
    shift
    local gen=("${generator[@]}")
    if [[ -f "$dir/CMakeCache.txt" ]]; then
        gen=()
    fi
    cmake "${gen[@]}" -S "$repo_root" -B "$dir" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
        -DPython3_EXECUTABLE="$debian_python" "$@" >/dev/null
    cmake --build "$dir" -j "$jobs"
}
