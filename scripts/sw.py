#!/usr/bin/env python3
"""Trunk post_build hook: writes sw.js (the service worker) into the staged build.

Its file list is every file of the build except itself, and its version a hash of all of them,
so a new build installs as a new version. Run last, after the other hooks have added files.
"""
import hashlib
import json
import os
import sys

staging = os.environ.get("TRUNK_STAGING_DIR")
source = os.environ.get("TRUNK_SOURCE_DIR", os.path.dirname(os.path.dirname(__file__)))
if not staging:
    sys.exit("sw.py: TRUNK_STAGING_DIR is not set (run it as a trunk hook)")
files = []
digest = hashlib.sha256()
for root, _, names in os.walk(staging):
    for name in sorted(names):
        path = os.path.join(root, name)
        rel = os.path.relpath(path, staging).replace(os.sep, "/")
        if rel == "sw.js":
            continue
        files.append(rel)
for rel in sorted(files):
    digest.update(rel.encode("utf-8"))
    with open(os.path.join(staging, rel), "rb") as f:
        digest.update(f.read())
template = open(os.path.join(source, "scripts", "sw.js"), encoding="utf-8").read()
urls = ["./" + rel for rel in sorted(files)]
body = template.replace("'__VERSION__'", json.dumps(digest.hexdigest()[:16])).replace(
    "__FILES__", json.dumps(urls, indent=0).replace("\n", " "))
open(os.path.join(staging, "sw.js"), "w", encoding="utf-8").write(body)
print("sw.py: sw.js lists %d files, version %s" % (len(urls), digest.hexdigest()[:16]))
