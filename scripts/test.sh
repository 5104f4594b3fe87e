#!/usr/bin/env bash
# Runs every test: native (numeric core against PyTorch, data, errors), components in headless
# Chromium (wasm-bindgen-test), and end-to-end tests of the release bundle (playwright-core).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_tests
cd "$ROOT"

say "1/3 native tests"
cargo test --locked

say "2/3 component tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test web

say "3/3 end-to-end tests of the release bundle"
trunk build --release --offline=true
node --test tests/e2e/
say "all tests passed"
