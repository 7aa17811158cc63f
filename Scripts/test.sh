#!/usr/bin/env bash
# The test command (README, .ci/run): installs missing system libraries, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift test 2>&1
