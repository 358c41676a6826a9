#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up, builds and runs TheraCore's main job: the end-to-end demo.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

step "bootstrap (apt-get install of missing Debian packages)"
"$repo_root/scripts/bootstrap.sh"

step "configure and build"
configure_and_build "$repo_root/build/demo" -DTHERACORE_BUILD_TESTS=OFF

step "run the demo"
"$repo_root/build/demo/examples/theracore_model_roundtrip"
