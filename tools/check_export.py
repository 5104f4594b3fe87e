#!/usr/bin/env python3
"""Checks that a model exported by convlab loads into the seed's PyTorch class with
`model.load_state_dict(safetensors.torch.load_file(path))` (strict) and gives the same logits.

    /tmp/torchvenv/bin/python tools/check_export.py
"""
import os
import subprocess
import sys
import tempfile

import torch
from safetensors.torch import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from torch_reference import MnistCNN  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with tempfile.TemporaryDirectory() as d:
    weights, check = os.path.join(d, "model.safetensors"), os.path.join(d, "check.safetensors")
    subprocess.run(["cargo", "run", "--quiet", "--release", "--example", "export_check", "--", weights, check],
                   cwd=ROOT, check=True)
    model = MnistCNN()
    model.load_state_dict(load_file(weights))
    model.eval()
    c = load_file(check)
    with torch.no_grad():
        logits = model(c["input"])
    diff = (logits - c["logits"]).abs().max().item()
    print("PyTorch loaded convlab's file; max |logit difference| = %.3g" % diff)
    sys.exit(0 if diff < 1e-4 else 1)
