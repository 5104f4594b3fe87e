#!/usr/bin/env bash
# Runs every test: native (numeric core against PyTorch, data, errors), components in headless
# Chromium (wasm-bindgen-test), end-to-end tests of the release bundle (playwright-core), and a
# smoke test of the same bundle in Firefox (geckodriver).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_tests
cd "$ROOT"

say "1/4 native tests"
cargo test --locked

say "2/4 component tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked --target wasm32-unknown-unknown --test web

say "3/4 end-to-end tests of the release bundle"
trunk build --release --offline=true
node --test tests/e2e/

say "4/4 smoke test of the release bundle in headless Firefox"
node --test tests/firefox/
say "all tests passed"
