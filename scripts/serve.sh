#!/usr/bin/env bash
# Builds convlab (release, so training runs at full speed) and serves it on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
cd "$ROOT"
say "serving on http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --release --offline=true "$@"
