#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up, builds and runs every test:
#   1. formatting check;
#   2. normal build (tests as C++20, -Werror, Python module): ctest (unit, compile-fail), then
#      pytest with Debian's python3, then the package-consumer tests (find_package,
#      add_subdirectory, pkg-config, pip install);
#   3. sanitizer build (ASan + UBSan, tests as C++17): the whole ctest suite again (without the
#      Python module: an ASan-instrumented extension cannot load into an uninstrumented
#      interpreter).
# CI runs exactly this (.ci/run). THERACORE_SKIP_SANITIZE=1 skips step 3 locally; it is
# ignored when CI=true.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$repo_root"

step "bootstrap (apt-get install of missing Debian packages)"
./scripts/bootstrap.sh

step "format and licence headers"
./scripts/check_format.sh

step "build (C++20 tests, warnings as errors, Python module)"
configure_and_build build/test -DTHERACORE_WERROR=ON -DTHERACORE_TEST_CXX_STANDARD=20 \
    -DTHERACORE_BUILD_PYTHON=ON

step "ctest: unit and compile-fail tests"
(cd build/test && ctest -j "$jobs" --output-on-failure -LE package)

step "pytest (Debian's python3, warnings as errors)"
PYTHONPATH="$repo_root/build/test/python" "$debian_python" -m pytest -p no:cacheprovider

step "ctest: package-consumer tests (find_package, add_subdirectory, pkg-config, pip install)"
(cd build/test && ctest --output-on-failure -L package)

if [[ "${THERACORE_SKIP_SANITIZE:-0}" == 1 && "${CI:-}" != true ]]; then
    step "sanitizer build skipped (THERACORE_SKIP_SANITIZE=1)"
else
    step "build with AddressSanitizer + UndefinedBehaviorSanitizer (C++17 tests)"
    BUILD_TYPE=Debug configure_and_build build/sanitize -DTHERACORE_WERROR=ON \
        -DTHERACORE_TEST_CXX_STANDARD=17 -DTHERACORE_SANITIZE=address,undefined \
        -DTHERACORE_BUILD_PYTHON=OFF
    step "ctest under sanitizers"
    (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ctest -j "$jobs" --output-on-failure)
fi

step "all tests passed"
