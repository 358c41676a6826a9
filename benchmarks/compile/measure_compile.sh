#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The compile cost of using TheraCore, against the same work done with nlohmann/json and
# SQLiteCpp directly (target: within 3x the time and 3x the peak memory; docs/performance.md).
#
#   benchmarks/compile/measure_compile.sh <install prefix> [runs]
#
# <install prefix> is where `cmake --install <build dir> --prefix …` put TheraCore. Each unit is
# compiled (and linked and run once, to show it does the work) with CMake's default
# RelWithDebInfo flags, `runs` times (default 5) alternating the two; the medians and their
# ratios are printed. Compilation is timed alone (-c), so linking does not blur the figure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="$(cd "${1:?usage: measure_compile.sh <install prefix> [runs]}" && pwd)"
runs="${2:-5}"
cxx="${CXX:-c++}"
flags=(-std=c++17 -O2 -g -DNDEBUG)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
libdir="$(dirname "$(find "$prefix" -name 'libtheracore_core.*' | head -n1)")"

compile() {  # <name> <source> [flags…]: appends "seconds kilobytes" to $work/<name>.times
    local name="$1" src="$2"
    shift 2
    /usr/bin/time -f "%e %M" -a -o "$work/$name.times" "$cxx" "${flags[@]}" "$@" -c "$src" \
        -o "$work/$name.o"
}

for ((i = 0; i < runs; ++i)); do
    compile theracore "$here/theracore_roundtrip.cpp" -I"$prefix/include"
    compile raw "$here/raw_roundtrip.cpp"
done

# Both programs must link and do the round trip.
"$cxx" "$work/theracore.o" -o "$work/theracore" -L"$libdir" -Wl,-rpath,"$libdir" \
    -ltheracore_sqlite -ltheracore_core -lSQLiteCpp -lsqlite3 -lpthread
"$cxx" "$work/raw.o" -o "$work/raw" -lSQLiteCpp -lsqlite3 -lpthread
"$work/theracore" | tail -n1 | grep -qx ok
"$work/raw" | tail -n1 | grep -qx ok

median() {  # <file> <column>
    sort -n -k"$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {print v[int((NR + 1) / 2)]}'
}
t_tc="$(median "$work/theracore.times" 1)"
m_tc="$(median "$work/theracore.times" 2)"
t_raw="$(median "$work/raw.times" 1)"
m_raw="$(median "$work/raw.times" 2)"
awk -v a="$t_tc" -v b="$t_raw" -v c="$m_tc" -v d="$m_raw" -v n="$runs" -v cxx="$("$cxx" --version | head -n1)" 'BEGIN {
    printf "compile cost, median of %d runs (%s, -O2 -g)\n", n, cxx
    printf "  theracore_roundtrip.cpp  %6.2f s  %7.0f MB\n", a, c / 1024
    printf "  raw_roundtrip.cpp        %6.2f s  %7.0f MB\n", b, d / 1024
    printf "  ratio                    %6.2fx   %7.2fx   (target: at most 3x and 3x)\n", a / b, c / d
}'
