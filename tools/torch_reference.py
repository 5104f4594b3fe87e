#!/usr/bin/env python3
"""Generate PyTorch reference fixtures for convlab's numeric core.

convlab's Rust implementation of Conv2d, MaxPool2d, Linear, cross-entropy,
SGD and Adam must match PyTorch. This script computes reference values with
PyTorch (CPU, float32, single thread, fixed seeds) and writes them to
``tests/fixtures/`` as JSON case lists plus safetensors tensor files.
See ``tests/fixtures/README.md`` for what each file holds.

Set-up (once; CPU-only is enough, about 3 GB):

    python3 -m venv /tmp/torchvenv
    /tmp/torchvenv/bin/pip install torch safetensors numpy torchsummary

Run from the repository root:

    /tmp/torchvenv/bin/python tools/torch_reference.py            # writes tests/fixtures/
    /tmp/torchvenv/bin/python tools/torch_reference.py --out DIR  # writes elsewhere
    /tmp/torchvenv/bin/python tools/torch_reference.py --only explain  # explain.* only

The output is deterministic: running it twice with the same torch version
gives byte-identical files.
"""

import argparse
import contextlib
import io
import json
import random
from pathlib import Path

import torch
import torch.nn as nn
import torch.nn.functional as F
from safetensors.torch import save_file

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "tests" / "fixtures"


# --------------------------------------------------------------------------
# The seed model
# --------------------------------------------------------------------------
class MnistCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Sequential(nn.Conv2d(1, 16, 3), nn.ReLU(), nn.MaxPool2d(2, 2, padding=1))
        self.conv2 = nn.Sequential(nn.Conv2d(16, 32, 3), nn.ReLU(), nn.MaxPool2d(2, 2, padding=1))
        self.classifier = nn.Sequential(
            nn.Flatten(), nn.Linear(1568, 32), nn.ReLU(), nn.Dropout(0.3), nn.Linear(32, 10)
        )

    def forward(self, x):
        return self.classifier(self.conv2(self.conv1(x)))


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def setup_determinism():
    torch.set_default_dtype(torch.float32)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    torch.manual_seed(0)


def gen(seed):
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def randn(shape, g):
    return torch.randn(*shape, generator=g, dtype=torch.float32)


def out_size(size, k, s, p, d):
    """PyTorch's output size rule (ceil_mode=False)."""
    return (size + 2 * p - d * (k - 1) - 1) // s + 1


def save_tensors(tensors, path):
    clean = {}
    for k, v in tensors.items():
        v = v.detach().contiguous()
        if v.is_floating_point():
            assert v.dtype == torch.float32, (k, v.dtype)
        clean[k] = v
    save_file(clean, str(path))
    path.chmod(0o644)  # safetensors creates files 0600


def write_json(obj_list, path):
    """One case per line: compact but diff-friendly."""
    lines = [json.dumps(o, separators=(", ", ": ")) for o in obj_list]
    path.write_text("[\n" + ",\n".join("  " + l for l in lines) + "\n]\n")


def write_json_pretty(obj, path):
    path.write_text(json.dumps(obj, indent=2) + "\n")


# --------------------------------------------------------------------------
# 1. Conv2d cases
# --------------------------------------------------------------------------
def conv_cfg(cin, cout, k, s, p, d, bias, shape):
    return {
        "in_channels": cin,
        "out_channels": cout,
        "kernel": list(k),
        "stride": list(s),
        "padding": list(p),
        "dilation": list(d),
        "bias": bias,
        "input_shape": list(shape),
    }


def conv_configs():
    cfgs = [
        # conv00: 1x1 kernel
        conv_cfg(3, 4, (1, 1), (1, 1), (0, 0), (1, 1), True, (2, 3, 5, 6)),
        # conv01: kernel equal to the padded input size (output 1x1)
        conv_cfg(2, 3, (5, 4), (1, 1), (1, 1), (1, 1), True, (2, 2, 3, 2)),
        # conv02: stride larger than kernel
        conv_cfg(2, 2, (2, 2), (3, 3), (0, 0), (1, 1), True, (1, 2, 9, 8)),
        # conv03: seed model conv1 (1->16, 3x3, 28x28, batch 2)
        conv_cfg(1, 16, (3, 3), (1, 1), (0, 0), (1, 1), True, (2, 1, 28, 28)),
        # conv04: seed model conv2 (16->32, 3x3, 14x14, batch 2)
        conv_cfg(16, 32, (3, 3), (1, 1), (0, 0), (1, 1), True, (2, 16, 14, 14)),
        # conv05: stride larger than kernel, rectangular, no bias, padding > kernel
        conv_cfg(1, 2, (1, 2), (3, 2), (2, 3), (1, 1), False, (2, 1, 7, 5)),
        # conv06: dilation makes the effective kernel equal to the padded input
        conv_cfg(2, 2, (3, 2), (1, 1), (1, 0), (2, 3), True, (1, 2, 3, 4)),
        # conv07: 1x1 input, padding only
        conv_cfg(1, 3, (3, 3), (1, 2), (1, 1), (1, 1), True, (3, 1, 1, 1)),
    ]
    rng = random.Random(20240501)
    while len(cfgs) < 48:
        k = (rng.randint(1, 5), rng.randint(1, 5))
        s = (rng.randint(1, 3), rng.randint(1, 3))
        p = (rng.randint(0, 3), rng.randint(0, 3))
        d = (rng.choice([1, 1, 2, 3]), rng.choice([1, 1, 2, 3]))
        hw = (rng.randint(1, 12), rng.randint(1, 12))
        cin, cout = rng.randint(1, 4), rng.randint(1, 4)
        n = rng.randint(1, 3)
        bias = rng.random() < 0.8
        if any(out_size(hw[i], k[i], s[i], p[i], d[i]) < 1 for i in range(2)):
            continue
        cfgs.append(conv_cfg(cin, cout, k, s, p, d, bias, (n, cin) + hw))
    cases = []
    for i, c in enumerate(cfgs):
        cases.append({"name": "conv%02d" % i, **c})
    # coverage checks for the random part
    rnd = cases[8:]
    assert any(c["kernel"][0] != c["kernel"][1] for c in rnd)
    assert any(c["stride"][0] != c["stride"][1] for c in rnd)
    assert any(c["padding"][0] != c["padding"][1] for c in rnd)
    assert any(c["dilation"][0] != c["dilation"][1] for c in rnd)
    assert any(not c["bias"] for c in rnd)
    assert any(c["input_shape"][0] == 3 for c in rnd)
    return cases


def make_conv_fixtures(out):
    cases = conv_configs()
    g = gen(1)
    tensors = {}
    for c in cases:
        name = c["name"]
        cin, cout = c["in_channels"], c["out_channels"]
        kh, kw = c["kernel"]
        x = randn(c["input_shape"], g).requires_grad_(True)
        w = randn((cout, cin, kh, kw), g).requires_grad_(True)
        b = randn((cout,), g).requires_grad_(True) if c["bias"] else None
        y = F.conv2d(x, w, b, stride=c["stride"], padding=c["padding"], dilation=c["dilation"])
        # check against nn.Conv2d with the same parameters (same code path, but also checks our
        # output-size rule)
        n, _, h, wd = c["input_shape"]
        exp = [n, cout] + [
            out_size((h, wd)[i], c["kernel"][i], c["stride"][i], c["padding"][i], c["dilation"][i])
            for i in range(2)
        ]
        assert list(y.shape) == exp, (name, list(y.shape), exp)
        go = randn(y.shape, g)
        y.backward(go)
        tensors[f"{name}.input"] = x
        tensors[f"{name}.weight"] = w
        if b is not None:
            tensors[f"{name}.bias"] = b
        tensors[f"{name}.output"] = y
        tensors[f"{name}.grad_output"] = go
        tensors[f"{name}.grad_input"] = x.grad
        tensors[f"{name}.grad_weight"] = w.grad
        if b is not None:
            tensors[f"{name}.grad_bias"] = b.grad
    write_json(cases, out / "conv_cases.json")
    save_tensors(tensors, out / "conv_cases.safetensors")
    return cases


# --------------------------------------------------------------------------
# 2. MaxPool2d cases
# --------------------------------------------------------------------------
def pool_cfg(k, s, p, d, shape, negative=False):
    return {
        "kernel": list(k),
        "stride": list(s),
        "padding": list(p),
        "dilation": list(d),
        "input_shape": list(shape),
        "_negative": negative,
    }


def pool_valid(c):
    n, ch, h, w = c["input_shape"]
    for i, size in enumerate((h, w)):
        k, s, p, d = c["kernel"][i], c["stride"][i], c["padding"][i], c["dilation"][i]
        if p > k // 2:  # PyTorch: pad <= kernel_size / 2
            return False
        o = out_size(size, k, s, p, d)
        if o < 1:
            return False
        # Reject windows that lie entirely in the padding: PyTorch returns -inf there
        # (and the gradient goes nowhere useful). Valid configs only.
        for j in range(o):
            start = j * s - p
            if not any(0 <= start + t * d < size for t in range(k)):
                return False
    return True


def pool_configs():
    cfgs = [
        # pool00: classic 4x4 -> 2x2
        pool_cfg((2, 2), (2, 2), (0, 0), (1, 1), (1, 1, 4, 4)),
        # pool01: seed model pool 1 (k2 s2 p1 on 26x26)
        pool_cfg((2, 2), (2, 2), (1, 1), (1, 1), (1, 2, 26, 26)),
        # pool02: seed model pool 2 (k2 s2 p1 on 12x12)
        pool_cfg((2, 2), (2, 2), (1, 1), (1, 1), (2, 3, 12, 12)),
        # pool03: seed pool 2 geometry, all-negative input (-inf padding matters)
        pool_cfg((2, 2), (2, 2), (1, 1), (1, 1), (2, 2, 12, 12), negative=True),
        # pool04: all-negative, k3 s2 p1
        pool_cfg((3, 3), (2, 2), (1, 1), (1, 1), (1, 2, 7, 6), negative=True),
        # pool05: stride < kernel (overlapping windows: gradients accumulate)
        pool_cfg((3, 3), (1, 1), (0, 0), (1, 1), (2, 2, 6, 5)),
        # pool06: stride > kernel (some inputs never selected)
        pool_cfg((2, 2), (3, 3), (0, 0), (1, 1), (1, 2, 8, 7)),
        # pool07: rectangular kernel and stride
        pool_cfg((2, 3), (1, 2), (1, 1), (1, 1), (2, 1, 5, 9)),
        # pool08: dilation 2
        pool_cfg((2, 2), (2, 2), (0, 0), (2, 2), (1, 3, 8, 8)),
        # pool09: dilation 2 with padding, all-negative
        pool_cfg((3, 2), (1, 2), (1, 1), (2, 2), (2, 1, 7, 8), negative=True),
        # pool10: all-negative, rectangular, padding on one axis only
        pool_cfg((4, 2), (2, 1), (2, 0), (1, 1), (1, 2, 9, 5), negative=True),
    ]
    rng = random.Random(20240502)
    while len(cfgs) < 32:
        k = (rng.randint(1, 4), rng.randint(1, 4))
        s = (rng.randint(1, 3), rng.randint(1, 3))
        p = (rng.randint(0, k[0] // 2), rng.randint(0, k[1] // 2))
        d = (rng.choice([1, 1, 2, 3]), rng.choice([1, 1, 2, 3]))
        hw = (rng.randint(1, 12), rng.randint(1, 12))
        n, ch = rng.randint(1, 3), rng.randint(1, 3)
        negative = rng.random() < 0.3
        c = pool_cfg(k, s, p, d, (n, ch) + hw, negative)
        if pool_valid(c):
            cfgs.append(c)
    for c in cfgs:
        assert pool_valid(c), c
    return [{"name": "pool%02d" % i, **c} for i, c in enumerate(cfgs)]


def make_pool_fixtures(out):
    cases = pool_configs()
    g = gen(2)
    tensors = {}
    for c in cases:
        name = c["name"]
        negative = c.pop("_negative")
        x = randn(c["input_shape"], g)
        if negative:
            x = -x.abs() - 1.0
        x.requires_grad_(True)
        y = F.max_pool2d(
            x, c["kernel"], c["stride"], c["padding"], c["dilation"], ceil_mode=False
        )
        assert torch.isfinite(y).all(), name
        # no exact ties within the input (so argmax is unambiguous)
        assert x.detach().flatten().unique().numel() == x.numel(), name
        go = randn(y.shape, g)
        y.backward(go)
        tensors[f"{name}.input"] = x
        tensors[f"{name}.output"] = y
        tensors[f"{name}.grad_output"] = go
        tensors[f"{name}.grad_input"] = x.grad
        c["all_negative_input"] = negative
    write_json(cases, out / "pool_cases.json")
    save_tensors(tensors, out / "pool_cases.safetensors")
    return cases


# --------------------------------------------------------------------------
# 3. Linear cases
# --------------------------------------------------------------------------
def make_linear_fixtures(out):
    shapes = [(1, 1, 1, True), (5, 3, 2, True), (12, 7, 4, True), (3, 10, 1, False),
              (16, 4, 3, True), (9, 9, 5, True)]
    g = gen(3)
    cases, tensors = [], {}
    for i, (fin, fout, batch, bias) in enumerate(shapes):
        name = "linear%02d" % i
        cases.append({"name": name, "in_features": fin, "out_features": fout,
                      "bias": bias, "batch": batch})
        x = randn((batch, fin), g).requires_grad_(True)
        w = randn((fout, fin), g).requires_grad_(True)
        b = randn((fout,), g).requires_grad_(True) if bias else None
        y = F.linear(x, w, b)
        go = randn(y.shape, g)
        y.backward(go)
        tensors[f"{name}.input"] = x
        tensors[f"{name}.weight"] = w
        if bias:
            tensors[f"{name}.bias"] = b
        tensors[f"{name}.output"] = y
        tensors[f"{name}.grad_output"] = go
        tensors[f"{name}.grad_input"] = x.grad
        tensors[f"{name}.grad_weight"] = w.grad
        if bias:
            tensors[f"{name}.grad_bias"] = b.grad
    write_json(cases, out / "linear_cases.json")
    save_tensors(tensors, out / "linear_cases.safetensors")
    return cases


# --------------------------------------------------------------------------
# 4. Seed model and seed batch
# --------------------------------------------------------------------------
SEED_LABELS = [3, 1, 4, 1, 5, 9, 2, 6]


def seed_model():
    torch.manual_seed(0)
    return MnistCNN()


def seed_batch_inputs():
    g = gen(4)
    x = torch.rand(8, 1, 28, 28, generator=g, dtype=torch.float32)
    labels = torch.tensor(SEED_LABELS, dtype=torch.int64)
    return x, labels


def make_seed_fixtures(out):
    model = seed_model()
    sd = model.state_dict()
    assert list(sd.keys()) == [
        "conv1.0.weight", "conv1.0.bias", "conv2.0.weight", "conv2.0.bias",
        "classifier.1.weight", "classifier.1.bias", "classifier.4.weight", "classifier.4.bias",
    ], list(sd.keys())
    assert sum(v.numel() for v in sd.values()) == 55338
    save_tensors(dict(sd), out / "seed_model.safetensors")

    x, labels = seed_batch_inputs()
    model.eval()
    leaves = [m for m in model.modules() if len(list(m.children())) == 0]
    assert [type(m).__name__ for m in leaves] == [
        "Conv2d", "ReLU", "MaxPool2d", "Conv2d", "ReLU", "MaxPool2d",
        "Flatten", "Linear", "ReLU", "Dropout", "Linear",
    ]
    acts = {}
    hooks = [
        m.register_forward_hook(lambda mod, inp, o, i=i: acts.__setitem__(i, o.detach().clone()))
        for i, m in enumerate(leaves)
    ]
    xin = x.clone().requires_grad_(True)
    model.zero_grad(set_to_none=True)
    logits = model(xin)
    for h in hooks:
        h.remove()
    loss = F.cross_entropy(logits, labels)
    loss.backward()
    tensors = {
        "input": x,
        "labels": labels,
        "logits": logits,
        "loss": loss.reshape(1),
        "softmax": torch.softmax(logits, dim=1),
        "grad.input": xin.grad,
    }
    for name, p in model.named_parameters():
        tensors[f"grad.{name}"] = p.grad
    for i in range(len(leaves)):
        tensors[f"act.{i}"] = acts[i]
    assert torch.equal(acts[10], logits.detach())
    save_tensors(tensors, out / "seed_batch.safetensors")
    return loss.item()


# --------------------------------------------------------------------------
# 5. Optimiser trajectories
# --------------------------------------------------------------------------
OPTIM_CASES = [
    {"file": "optim_sgd.safetensors", "optimizer": "SGD",
     "lr": 0.05, "momentum": 0.9, "dampening": 0.0, "weight_decay": 1e-4, "nesterov": False},
    {"file": "optim_adam.safetensors", "optimizer": "Adam",
     "lr": 1e-3, "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False},
    {"file": "optim_adam_wd.safetensors", "optimizer": "Adam",
     "lr": 3e-3, "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 1e-4, "amsgrad": False},
]
OPTIM_STEPS = 3


def make_optimizer(case, params):
    if case["optimizer"] == "SGD":
        return torch.optim.SGD(params, lr=case["lr"], momentum=case["momentum"],
                               dampening=case["dampening"], weight_decay=case["weight_decay"],
                               nesterov=case["nesterov"], foreach=False)
    if case["optimizer"] == "Adam":
        return torch.optim.Adam(params, lr=case["lr"], betas=tuple(case["betas"]),
                                eps=case["eps"], weight_decay=case["weight_decay"],
                                amsgrad=case["amsgrad"], foreach=False)
    raise ValueError(case["optimizer"])


def make_optim_fixtures(out):
    from safetensors.torch import load_file

    start = load_file(str(out / "seed_model.safetensors"))
    x, labels = seed_batch_inputs()
    cases = []
    for case in OPTIM_CASES:
        model = MnistCNN()
        model.load_state_dict(start)
        model.eval()
        opt = make_optimizer(case, model.parameters())
        tensors = {}
        for step in range(OPTIM_STEPS):
            opt.zero_grad()
            loss = F.cross_entropy(model(x), labels)
            loss.backward()
            opt.step()
            tensors[f"loss.{step}"] = loss.detach().reshape(1)
        for k, v in model.state_dict().items():
            tensors[k] = v
        save_tensors(tensors, out / case["file"])
        cases.append({
            **case,
            "steps": OPTIM_STEPS,
            "start": "seed_model.safetensors",
            "batch": "seed_batch.safetensors",
            "model_mode": "eval",
            "loss": "cross_entropy_mean",
            "losses": [tensors[f"loss.{i}"].item() for i in range(OPTIM_STEPS)],
        })
    write_json_pretty(cases, out / "optim_cases.json")
    return cases


# --------------------------------------------------------------------------
# 6. torchsummary text
# --------------------------------------------------------------------------
def make_summary(out):
    from torchsummary import summary

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        summary(MnistCNN(), (1, 28, 28), device="cpu")
    text = buf.getvalue()
    (out / "summary.txt").write_text(text)
    return text


# --------------------------------------------------------------------------
# 7. Explanations of one prediction (src/nn/explain.rs)
# --------------------------------------------------------------------------
EXPLAIN_SAMPLE = 7  # built-in sample 7: round 0 of the held-out digits, a 7
EXPLAIN_OCCLUSION = [  # (patch, stride, fill)
    (6, 4, 0.5),
    (4, 2, 0.0),
]
EXPLAIN_EPS = 0.1
EXPLAIN_TARGET = 3


def built_in_sample(index):
    """Pixels of a built-in sample (src/data/mnist-samples.bin, zlib of the CLMNIST1 layout)."""
    import zlib

    raw = zlib.decompress((REPO_ROOT / "src" / "data" / "mnist-samples.bin").read_bytes())
    assert raw[:8] == b"CLMNIST1"
    count, rows, cols = (int.from_bytes(raw[8 + 4 * i:12 + 4 * i], "little") for i in range(3))
    assert (rows, cols) == (28, 28) and index < count
    label = raw[20 + index]
    start = 20 + count + index * 784
    pixels = torch.tensor(list(raw[start:start + 784]), dtype=torch.float32) / 255.0
    return pixels.reshape(1, 1, 28, 28), label


def input_gradient(model, x, seed_fn):
    """d(seed_fn(logits))/dx for one image."""
    xin = x.clone().requires_grad_(True)
    seed_fn(model(xin)).backward()
    return xin.grad


def grad_cam(model, x, block, cls):
    """Selvaraju et al. on the ReLU output of `block` (model.conv1 or model.conv2)."""
    store = {}

    def hook(mod, inp, out):
        out.retain_grad()
        store["a"] = out

    h = block[1].register_forward_hook(hook)
    logits = model(x)
    h.remove()
    logits[0, cls].backward()
    a, g = store["a"], store["a"].grad
    weights = g.mean(dim=(2, 3), keepdim=True)
    cam = F.relu((weights * a).sum(dim=1, keepdim=True))
    up = F.interpolate(cam, size=(28, 28), mode="bilinear", align_corners=False)
    return weights.flatten(), cam[0, 0], up[0, 0]


def occlusion_grid(model, x, cls, patch, stride, fill):
    places = [(r, c) for r in range(0, 28 - patch + 1, stride)
              for c in range(0, 28 - patch + 1, stride)]
    batch = x.repeat(len(places), 1, 1, 1)
    for k, (r, c) in enumerate(places):
        batch[k, 0, r:r + patch, c:c + patch] = fill
    with torch.no_grad():
        p = torch.softmax(model(batch), dim=1)[:, cls]
    n = (28 - patch) // stride + 1
    return p.reshape(n, n)


def fgsm(model, x, label, eps, direction):
    xin = x.clone().requires_grad_(True)
    F.cross_entropy(model(xin), torch.tensor([label])).backward()
    adv = (x + direction * eps * xin.grad.sign()).clamp(0.0, 1.0)
    with torch.no_grad():
        probs = torch.softmax(model(adv), dim=1)[0]
    return xin.grad, adv, probs


def make_explain_fixtures(out):
    from safetensors.torch import load_file

    model = MnistCNN()
    model.load_state_dict(load_file(str(out / "seed_model.safetensors")))
    model.eval()
    x, label = built_in_sample(EXPLAIN_SAMPLE)
    with torch.no_grad():
        logits = model(x)
    pred = int(logits.argmax(dim=1))
    other = 3 if pred != 3 else 8
    classes = [pred, other]
    tensors = {"input": x, "logits": logits[0]}
    for c in classes:
        tensors[f"saliency.{c}"] = input_gradient(model, x, lambda z, c=c: z[0, c])[0, 0]
        tensors[f"grad_x_input.{c}"] = tensors[f"saliency.{c}"] * x[0, 0]
        for name, block in (("conv1", model.conv1), ("conv2", model.conv2)):
            w, cam, up = grad_cam(model, x, block, c)
            assert cam.max() > 0, (name, c, "an all-zero map would test nothing")
            tensors[f"grad_cam.{name}.{c}.weights"] = w
            tensors[f"grad_cam.{name}.{c}.map"] = cam
            tensors[f"grad_cam.{name}.{c}.upsampled"] = up
    base = torch.softmax(logits, dim=1)[0, pred]
    tensors["occlusion.base"] = base.reshape(1)
    for patch, stride, fill in EXPLAIN_OCCLUSION:
        tensors[f"occlusion.{patch}.{stride}"] = occlusion_grid(model, x, pred, patch, stride, fill)
    for key, lab, direction in (("untargeted", pred, 1.0), ("targeted", EXPLAIN_TARGET, -1.0)):
        g, adv, probs = fgsm(model, x, lab, EXPLAIN_EPS, direction)
        tensors[f"fgsm.{key}.loss_grad"] = g[0, 0]
        tensors[f"fgsm.{key}.image"] = adv[0, 0]
        tensors[f"fgsm.{key}.probabilities"] = probs
    save_tensors(tensors, out / "explain.safetensors")
    meta = {
        "model": "seed_model.safetensors",
        "sample": EXPLAIN_SAMPLE,
        "label": label,
        "prediction": pred,
        "classes": classes,
        "grad_cam_layers": {"conv1": 0, "conv2": 3},
        "occlusion": [{"patch": p, "stride": s, "fill": f, "class": pred}
                      for p, s, f in EXPLAIN_OCCLUSION],
        "fgsm": {"eps": EXPLAIN_EPS, "untargeted_label": pred, "target": EXPLAIN_TARGET},
    }
    write_json_pretty(meta, out / "explain.json")
    return meta


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT,
                    help="output directory (default: tests/fixtures under the repo root)")
    ap.add_argument("--only", choices=["explain"],
                    help="write only these fixtures (the others stay as committed)")
    args = ap.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    setup_determinism()
    if args.only == "explain":
        print(json.dumps(make_explain_fixtures(out)))
        return

    conv = make_conv_fixtures(out)
    pool = make_pool_fixtures(out)
    lin = make_linear_fixtures(out)
    loss = make_seed_fixtures(out)
    optim = make_optim_fixtures(out)
    text = make_summary(out)
    explain = make_explain_fixtures(out)

    print(f"torch {torch.__version__}")
    print(f"{len(conv)} conv cases, {len(pool)} pool cases, {len(lin)} linear cases")
    print(f"seed batch loss {loss:.7f}")
    for c in optim:
        print(f"{c['file']}: losses {c['losses']}")
    print(f"explain: {explain}")
    print(text, end="")


if __name__ == "__main__":
    main()
