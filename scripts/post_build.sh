#!/usr/bin/env bash
# Trunk post-build hook, in order: the page's Content-Security-Policy (csp.py), the relaxed-SIMD
# worker (relaxed_worker.sh), and last the service worker that lists every built file (sw.py).
set -euo pipefail
cd "$TRUNK_SOURCE_DIR"
python3 scripts/csp.py
bash scripts/relaxed_worker.sh
python3 scripts/sw.py
