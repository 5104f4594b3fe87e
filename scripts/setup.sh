#!/usr/bin/env bash
# Installs, once, whatever the build and the tests need and is missing; sourced by serve.sh and
# test.sh. Every step checks first, so running it again costs seconds. Nothing here runs while the
# app is served: trunk is offline and its tools are pinned in Trunk.toml.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
# The newest geckodriver that builds with our stable Rust; only the Firefox smoke test uses it.
GECKODRIVER_VERSION="0.37.1"

# cargo install puts tools here; a fresh shell may not have it on PATH yet.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

say() { printf '\033[1m[convlab setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "installing Debian packages: $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# The wasm-bindgen CLI must equal the wasm-bindgen crate version that Cargo.lock pins.
lock_version() {
  awk -v want="$1" '$1 == "name" && $3 == "\"" want "\"" { getline; gsub(/"/, "", $3); print $3; exit }' "$ROOT/Cargo.lock"
}

ensure_rust() {
  command -v cargo >/dev/null || { echo "convlab needs Rust (rustup) installed first" >&2; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "building trunk $TRUNK_VERSION (about 10 minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local want
  want="$(lock_version wasm-bindgen)"
  [ -n "$want" ] || { echo "wasm-bindgen is missing from Cargo.lock" >&2; exit 1; }
  grep -q "wasm_bindgen = \"$want\"" "$ROOT/Trunk.toml" || {
    echo "Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $want" >&2; exit 1; }
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ] \
    || [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $want" ]; then
    say "building wasm-bindgen-cli $want (a few minutes, once)"
    # Not --locked: one crate version in its lock file is not on the registry.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# wasm-opt from the npm package binaryen@132 (Debian's binaryen 108 breaks wasm-bindgen's
# externref table) and playwright-core for the end-to-end tests, both pinned in package-lock.json.
ensure_node_tools() {
  if ! command -v npm >/dev/null; then apt_install nodejs npm; fi
  if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
    || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    say "installing the pinned npm dev tools (wasm-opt, playwright-core)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  export PATH="$ROOT/node_modules/.bin:$PATH"
}

ensure_python() {
  command -v python3 >/dev/null || apt_install python3
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    apt_install chromium chromium-driver
  fi
}

# Debian's firefox-esr and geckodriver, for the Firefox smoke test only. Debian has no
# geckodriver package, so it is built from crates.io like trunk.
ensure_firefox() {
  [ -x /usr/bin/firefox-esr ] || apt_install firefox-esr
  if [ "$(geckodriver --version 2>/dev/null | head -n1)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    say "building geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
}

setup_build() {
  ensure_rust
  ensure_python
  ensure_node_tools
  ensure_trunk
  ensure_wasm_bindgen
}

setup_tests() {
  setup_build
  ensure_chromium
  ensure_firefox
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt
}
