#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up, builds and runs TheraCore's main job: the end-to-end demo.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

step "bootstrap (apt-get install of missing Debian packages)"
"$repo_root/scripts/bootstrap.sh"

step "configure and build"
configure_and_build "$repo_root/build/demo" -DTHERACORE_BUILD_TESTS=OFF

step "run the demo (database and progress report in build/demo/output)"
"$repo_root/build/demo/examples/theracore_demo" "$repo_root/build/demo/output/clinic.theracore" \
    "$repo_root/build/demo/output/progress_report.html"
