"""Recover a trainable state dict from an exported `unet.onnx` (to fine-tune with --init).

Usage (from packages/segment):

    /usr/bin/python3 tools/unet/onnx_to_state.py models/unet.onnx OUT.pt --base 8 --data DIR

The export folds each BatchNorm into the conv before it, so the ONNX file holds the folded
conv weights and biases only. This script reads them (a minimal protobuf reader: no `onnx`
package needed), finds which parameter of a freshly built DualAttentionUNet each belongs to
(by exporting that fresh network with BatchNorm set to the identity and matching values),
and writes a state dict whose convs hold the folded weights. So that training mode (batch
statistics) starts from the same function, each BatchNorm is then re-parameterised on the
training data: its running mean / variance are measured on training crops and its scale and
shift set to undo them (scale = sqrt(var + eps), shift = mean): BatchNorm(x) ~ x.
"""

import argparse
import os
import struct
import sys
import tempfile

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import DualAttentionUNet, export_onnx  # noqa: E402
from train import load_samples  # noqa: E402


def _varint(buf: bytes, i: int):
    shift = result = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7


def _fields(buf: bytes):
    """(field number, wire type, value) of each field of a protobuf message."""
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 1:
            value, i = buf[i : i + 8], i + 8
        elif wire == 2:
            n, i = _varint(buf, i)
            value, i = buf[i : i + n], i + n
        elif wire == 5:
            value, i = buf[i : i + 4], i + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield field, wire, value


def onnx_initializers(path: str):
    """Name -> float32 array of every initializer of an ONNX model (ModelProto.graph.initializer)."""
    with open(path, "rb") as f:
        model = f.read()
    graph = next(v for f, w, v in _fields(model) if f == 7)
    out = {}
    for field, _, tensor in _fields(graph):
        if field != 5:
            continue
        dims, name, raw, floats, dtype = [], "", None, [], 1
        for f, w, v in _fields(tensor):
            if f == 1:
                if w == 2:  # packed
                    j = 0
                    while j < len(v):
                        d, j = _varint(v, j)
                        dims.append(d)
                else:
                    dims.append(v)
            elif f == 2:
                dtype = v
            elif f == 8:
                name = v.decode()
            elif f == 9:
                raw = v
            elif f == 4:
                floats.extend(struct.unpack(f"<{len(v) // 4}f", v) if w == 2 else [struct.unpack("<f", v)[0]])
        if dtype != 1:
            continue  # shapes and other int64 constants
        data = np.frombuffer(raw, dtype="<f4") if raw is not None else np.array(floats, dtype=np.float32)
        out[name] = data.reshape(dims).copy()
    return out


def identity_bn(model: torch.nn.Module, random_shift: bool = False) -> None:
    """Every BatchNorm the identity (plus a shift: random and so recognisable, or 0)."""
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.weight.data.fill_(1.0)
            m.bias.data.copy_(torch.randn_like(m.bias) if random_shift else torch.zeros_like(m.bias))
            m.running_mean.zero_()
            m.running_var.fill_(1.0 - m.eps)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("onnx")
    ap.add_argument("out")
    ap.add_argument("--base", type=int, default=8)
    ap.add_argument("--data", required=True, help="training data, for the BatchNorm statistics")
    ap.add_argument("--batches", type=int, default=40)
    ap.add_argument("--crop", type=int, default=128, help="side of the crops (at most the images')")
    args = ap.parse_args()
    torch.manual_seed(0)

    shipped = onnx_initializers(args.onnx)
    fresh = DualAttentionUNet(in_ch=1, classes=4, base=args.base)
    identity_bn(fresh, random_shift=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "fresh.onnx")
        export_onnx(fresh, path)
        exported = onnx_initializers(path)
    if sorted(exported) != sorted(shipped) or any(exported[k].shape != shipped[k].shape for k in exported):
        raise SystemExit("onnx_to_state: the ONNX file is not this architecture at this --base")

    # which parameter each initializer is (BatchNorm at identity, its shift random: the folded
    # weight is the conv's, the folded bias the BatchNorm's shift; every value is distinct)
    state = fresh.state_dict()
    for name, value in exported.items():
        hits = [
            k
            for k, p in state.items()
            if "running" not in k and p.shape == value.shape and np.allclose(p.numpy(), value, atol=1e-5)
        ]
        if len(hits) != 1:
            raise SystemExit(f"onnx_to_state: initializer {name} matches {hits}")
        state[hits[0]] = torch.from_numpy(shipped[name])
    model = DualAttentionUNet(in_ch=1, classes=4, base=args.base)
    identity_bn(model)
    model.load_state_dict(state)

    # BatchNorm re-parameterised on training crops: train-mode output ~ eval-mode output
    samples = load_samples(args.data)
    rng = np.random.RandomState(0)
    stats = {}
    hooks = []
    for name, m in model.named_modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            def hook(mod, inp, _out, name=name):
                x = inp[0].detach()
                s = stats.setdefault(name, [0.0, 0.0, 0])
                s[0] = s[0] + x.sum((0, 2, 3)).double()
                s[1] = s[1] + (x.double() ** 2).sum((0, 2, 3))
                s[2] += x.numel() // x.shape[1]
            hooks.append(m.register_forward_hook(hook))
    model.eval()
    with torch.no_grad():
        for _ in range(args.batches):
            xs = []
            for _ in range(8):
                _, x, _ = samples[rng.randint(len(samples))]
                r0 = rng.randint(x.shape[0] - args.crop + 1)
                c0 = rng.randint(x.shape[1] - args.crop + 1)
                xs.append(x[r0 : r0 + args.crop, c0 : c0 + args.crop])
            model(torch.from_numpy(np.stack(xs))[:, None])
    for h in hooks:
        h.remove()
    for name, m in model.named_modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            s0, s1, n = stats[name]
            mean = (s0 / n).float()
            var = (s1 / n - (s0 / n) ** 2).clamp_min(0).float()
            m.running_mean.copy_(mean)
            m.running_var.copy_(var)
            m.weight.data.copy_(torch.sqrt(var + m.eps))
            m.bias.data.add_(mean)  # gamma (x - mean) / sqrt(var + eps) + beta = x + folded shift
    # check: exported again (BatchNorm folded), the network is the shipped file's
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "again.onnx")
        export_onnx(model, path)
        again = onnx_initializers(path)
    worst = max(float(np.abs(again[k] - shipped[k]).max()) for k in shipped)
    print(f"re-exported initializers differ from the shipped ones by at most {worst:.2e}")
    if worst > 1e-4:
        raise SystemExit("onnx_to_state: the recovered network differs from the ONNX file")
    torch.save(model.state_dict(), args.out)
    print(f"wrote {args.out}: {len(exported)} initializers mapped")


if __name__ == "__main__":
    main()
