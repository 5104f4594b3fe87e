#!/usr/bin/env python3
"""Checks, for every preset architecture, that the PyTorch class the page shows runs, that
`model.load_state_dict(safetensors.torch.load_file(path), strict=True)` accepts the file the
page exports (architecture in its metadata), and that PyTorch's logits equal convlab's.

    /tmp/torchvenv/bin/python tools/check_export.py
"""
import json
import os
import subprocess
import sys
import tempfile

import torch
from safetensors import safe_open
from safetensors.torch import load_file

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRESETS = ["seed", "tiny", "lenet", "allconv", "dilated"]
worst = 0.0
with tempfile.TemporaryDirectory() as d:
    subprocess.run(["cargo", "run", "--quiet", "--release", "--example", "export_check", "--", d],
                   cwd=ROOT, check=True)
    for key in PRESETS:
        scope = {}
        with open(os.path.join(d, key + ".py")) as f:
            exec(f.read(), scope)
        model = scope["MnistCNN"]()
        weights = os.path.join(d, key + ".safetensors")
        model.load_state_dict(load_file(weights), strict=True)
        with safe_open(weights, "pt") as f:
            arch = json.loads(f.metadata()["convlab.arch"])
        model.eval()
        c = load_file(os.path.join(d, key + ".check.safetensors"))
        with torch.no_grad():
            logits = model(c["input"])
        diff = (logits - c["logits"]).abs().max().item()
        worst = max(worst, diff)
        params = sum(p.numel() for p in model.parameters())
        print("%-8s %d blocks, hidden %d: %d parameters, max |logit difference| = %.3g"
              % (key, len(arch["blocks"]), arch["hidden"], params, diff))
sys.exit(0 if worst < 1e-4 else 1)
