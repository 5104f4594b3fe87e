#!/usr/bin/env python3
"""Times one training step of the seed model (batch 64) in convlab (native, release) and, when
torch is importable, in PyTorch on the CPU with 1 thread and with all threads, in the same run,
and prints images per second with convlab's ratio to each.

    python3 tools/bench_compare.py            # convlab only if torch is missing
    /tmp/torchvenv/bin/python tools/bench_compare.py [seconds per figure]

Figures are medians of repeated steps; run on a quiet machine and compare only within one run.
"""
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
BATCH = 64


def convlab():
    out = subprocess.run(
        ["cargo", "run", "--quiet", "--release", "--example", "step_throughput", "--", str(SECONDS)],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return {r["what"]: r["images_per_s"] for r in map(json.loads, out.strip().splitlines())}


def torch_figures(threads):
    import torch
    import torch.nn as nn
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3), nn.ReLU(), nn.MaxPool2d(2, 2, padding=1),
        nn.Conv2d(16, 32, 3), nn.ReLU(), nn.MaxPool2d(2, 2, padding=1),
        nn.Flatten(), nn.Linear(1568, 32), nn.ReLU(), nn.Dropout(0.3), nn.Linear(32, 10))
    x = torch.rand(BATCH, 1, 28, 28)
    y = torch.arange(BATCH) % 10
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    grad = torch.randn(BATCH, 10) * 0.01

    def forward():
        model.eval()
        with torch.no_grad():
            model(x)

    def forward_backward():
        model.train()
        opt.zero_grad()
        model(x).backward(grad)

    def step():
        model.train()
        opt.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        opt.step()

    figures = {}
    for name, f in (("forward", forward), ("forward_backward", forward_backward), ("adam_step", step)):
        for _ in range(5):
            f()
        samples, start = [], time.perf_counter()
        while time.perf_counter() - start < SECONDS or len(samples) < 10:
            t = time.perf_counter()
            f()
            samples.append(time.perf_counter() - t)
        samples.sort()
        figures[name] = BATCH / samples[len(samples) // 2]
    return figures


def main():
    ours = convlab()
    peers = {}
    try:
        import torch  # noqa: F401
        peers["PyTorch CPU, 1 thread"] = torch_figures(1)
        peers["PyTorch CPU, %d threads" % os.cpu_count()] = torch_figures(os.cpu_count())
    except ImportError:
        print("(torch is not importable here: showing convlab alone)")
    print("%-18s %14s" % ("images/s", "convlab") + "".join(" %28s" % p for p in peers))
    for what in ("forward", "forward_backward", "adam_step"):
        row = "%-18s %14.0f" % (what, ours[what])
        for p in peers.values():
            row += " %17.0f (ours %4.2fx)" % (p[what], ours[what] / p[what])
        print(row)


if __name__ == "__main__":
    main()
