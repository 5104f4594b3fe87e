#!/usr/bin/env bash
# Runs the property tests of the weights reader and the architecture settings
# (core/tests/fuzz.rs) with many more cases than CI does, in release so it stays quick:
#   tools/fuzz.sh            20,000 cases per property
#   tools/fuzz.sh 100000     any other count
# A failure prints the smallest input that fails and adds its seed to
# core/tests/fuzz.proptest-regressions, which every later run (CI's too) tries first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PROPTEST_CASES="${1:-20000}" cargo test --release -p convlab-core --test fuzz
