#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up, builds and runs every test:
#   1. formatting check;
#   2. normal build (tests as C++20, -Werror, Python module): ctest (unit, compile-fail), then
#      pytest with Debian's python3, then the package-consumer tests (find_package,
#      add_subdirectory as shared libraries, pkg-config, pip install);
#   3. sanitizer build (ASan + UBSan, tests as C++17, every component a shared library): the
#      unit, compile-fail and example tests again. Each test links the .so files, so every
#      symbol a test uses must be exported; each test executable runs its cases in one process
#      (THERACORE_TEST_PER_CASE=OFF), as step 2 already ran them one by one. Without the Python
#      module (an ASan-instrumented extension cannot load into an uninstrumented interpreter)
#      and without the package tests (they check how the library is installed and found, not
#      its memory safety, and already ran in step 2).
# The storage tests run against a throw-away PostgreSQL server (scripts/postgres-test-server.sh)
# started here and stopped on exit. Without one, its tests report themselves skipped; under
# CI=true that — or any skipped test — fails the run.
# CI runs exactly this (.ci/run). THERACORE_SKIP_SANITIZE=1 skips step 3 locally; it is
# ignored when CI=true.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$repo_root"

# Runs ctest in <build dir> with [args…]; under CI=true, fails when a test was skipped.
run_ctest() {
    local dir="$1"
    shift
    local log
    log="$(mktemp)"
    (cd "$dir" && ctest "$@") 2>&1 | tee "$log"
    if grep -q '(Skipped)' "$log"; then
        if [[ "${CI:-}" == true ]]; then
            echo "test.sh: tests were skipped under CI (above); the PostgreSQL server must run" >&2
            rm -f "$log"
            exit 1
        fi
        echo "test.sh: note: some tests were skipped (above)" >&2
    fi
    rm -f "$log"
}

step "bootstrap (apt-get install of missing Debian packages)"
./scripts/bootstrap.sh

step "format and licence headers"
./scripts/check_format.sh

# The normal build is optimised as a release is (-O2) but without debug information, which
# only costs compile time and disk here; the sanitizer build keeps line tables (-g1) for its
# stack traces.
step "build (C++20 tests, warnings as errors, Python module)"
configure_and_build build/test -DTHERACORE_WERROR=ON -DTHERACORE_TEST_CXX_STANDARD=20 \
    -DTHERACORE_BUILD_PYTHON=ON "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -DNDEBUG"

step "PostgreSQL test server (a throw-away cluster for the storage tests)"
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/theracore-pg.XXXXXX")"
stop_postgres() { "$repo_root/scripts/postgres-test-server.sh" stop "$pg_dir" || true; }
trap stop_postgres EXIT
if ./scripts/postgres-test-server.sh start "$pg_dir"; then
    THERACORE_TEST_POSTGRES_DSN="$(cat "$pg_dir/dsn")"
    export THERACORE_TEST_POSTGRES_DSN
elif [[ "${CI:-}" == true ]]; then
    echo "test.sh: cannot start PostgreSQL, and CI must run its tests" >&2
    exit 1
else
    echo "test.sh: no PostgreSQL server: its tests will report themselves skipped" >&2
fi

step "ctest: unit and compile-fail tests"
run_ctest build/test -j "$jobs" --output-on-failure -LE package

step "pytest (Debian's python3, warnings as errors)"
PYTHONPATH="$repo_root/build/test/python" "$debian_python" -m pytest -p no:cacheprovider

step "ctest: package-consumer tests (find_package, add_subdirectory + shared, pkg-config, pip install)"
(cd build/test && ctest --output-on-failure -L package)

if [[ "${THERACORE_SKIP_SANITIZE:-0}" == 1 && "${CI:-}" != true ]]; then
    step "sanitizer build skipped (THERACORE_SKIP_SANITIZE=1)"
else
    step "build with AddressSanitizer + UndefinedBehaviorSanitizer (C++17 tests, shared libraries)"
    BUILD_TYPE=Debug configure_and_build build/sanitize -DTHERACORE_WERROR=ON \
        -DTHERACORE_TEST_CXX_STANDARD=17 -DTHERACORE_SANITIZE=address,undefined -DBUILD_SHARED_LIBS=ON \
        -DTHERACORE_BUILD_PYTHON=OFF -DTHERACORE_TEST_PER_CASE=OFF -DCMAKE_CXX_FLAGS_DEBUG=-g1
    step "ctest under sanitizers"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        run_ctest build/sanitize -j "$jobs" --output-on-failure -LE package
fi

step "all tests passed"
