#!/usr/bin/env python3
"""Trunk post_build hook: adds a Content-Security-Policy <meta> to the staged index.html.

The policy allows only the app's own origin, WebAssembly compilation ('wasm-unsafe-eval') and,
by SHA-256 hash, the inline module script trunk writes to start the app. Run by trunk with
TRUNK_STAGING_DIR set; a policy already present is replaced, so rebuilding is idempotent.
"""
import base64
import hashlib
import os
import re
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
if not staging:
    sys.exit("csp.py: TRUNK_STAGING_DIR is not set (run it as a trunk hook)")
path = os.path.join(staging, "index.html")
html = open(path, encoding="utf-8").read()
html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)

hashes = []
for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
    digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
    hashes.append("'sha256-%s'" % base64.b64encode(digest).decode("ascii"))

policy = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
    "style-src 'self'",
    # plotters measures chart text with a temporary <span style="font-…">; style attributes
    # cannot run code, and <style> elements stay limited to our own files.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
])
meta = '<meta http-equiv="Content-Security-Policy" content="%s">' % policy
html, n = re.subn(r'(<meta charset="utf-8">)', r"\1\n    " + meta.replace("\\", "\\\\"), html, count=1)
if n != 1:
    sys.exit("csp.py: no <meta charset=\"utf-8\"> to place the policy after")
open(path, "w", encoding="utf-8").write(html)
print("csp.py: policy with %d script hash(es) written" % len(hashes))
