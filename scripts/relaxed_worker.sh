#!/usr/bin/env bash
# Trunk post-build hook: a second build of the training worker with relaxed SIMD, whose fused
# multiply-add makes matrixmultiply's wasm GEMM kernel faster. Browsers without relaxed SIMD
# (Safari today) cannot even load such a module, so the page checks with WebAssembly.validate
# and falls back to the plain simd128 worker that trunk builds.
set -euo pipefail
cd "$TRUNK_SOURCE_DIR"
target_dir="target/relaxed-simd"
RUSTFLAGS="-C target-feature=+simd128,+relaxed-simd" \
  cargo build --locked --release --no-default-features --target wasm32-unknown-unknown --bin worker --target-dir "$target_dir"
wasm-bindgen --target no-modules --no-typescript --out-dir "$TRUNK_STAGING_DIR" --out-name worker_relaxed \
  "$target_dir/wasm32-unknown-unknown/release/worker.wasm"
# The same optimisation trunk gives the other wasm files (binaryen 132 from npm, on PATH), with
# the features rustc enables for wasm32 plus SIMD.
wasm-opt -O3 --enable-simd --enable-relaxed-simd --enable-bulk-memory --enable-multivalue \
  --enable-mutable-globals --enable-nontrapping-float-to-int --enable-reference-types --enable-sign-ext \
  -o "$TRUNK_STAGING_DIR/worker_relaxed_bg.wasm" "$TRUNK_STAGING_DIR/worker_relaxed_bg.wasm"
# wasm-bindgen's init takes one object; a bare path still works but warns in the console.
printf 'importScripts("./worker_relaxed.js");wasm_bindgen({module_or_path: "./worker_relaxed_bg.wasm"});' \
  > "$TRUNK_STAGING_DIR/worker_relaxed_loader.js"
# Trunk's own shim for the plain worker passes the bare path; the same call, without the warning.
if [ -f "$TRUNK_STAGING_DIR/worker_loader.js" ]; then
  printf 'importScripts("./worker.js");wasm_bindgen({module_or_path: "./worker_bg.wasm"});' \
    > "$TRUNK_STAGING_DIR/worker_loader.js"
fi
echo "relaxed_worker.sh: worker_relaxed_loader.js written"
