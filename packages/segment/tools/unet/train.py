"""Train the dual-attention U-Net on phantom images and export it to ONNX.

Usage (from packages/segment, Debian's python3-torch / python3-tifffile):

    /usr/bin/python3 tools/unet/train.py --data DIR --out models [--minutes 25]

DIR holds one folder per sample with `image.tif` or `image.npy` (X-ray intensities, any
numeric type) and `phases.tif` / `phases.npy` (uint8 phase codes 0 background, 1 SSE,
2 NMC, 3 graphite), as written by scripts/write-training-data.ts or @mgraph/phantom's
dataset writer; every image found under DIR (sorted by path) is one sample. The paper's recipe: 70/15/15 split of the samples (seeded permutation),
Dice + contour-aware BCE, AdamW (lr 1e-4, weight decay 1e-4), flips, small rotations and
intensity jitter; `--class-weights` also weights the BCE by each pixel's true class (the twin
model: x2 on graphite). The checkpoint with the best validation mIoU is exported to
`OUT/STEM.onnx` (`--stem`, default `unet`; dynamic batch/height/width) with `OUT/STEM.json`
(what the TypeScript loader reads) and the model card `OUT/MODEL_CARD.md`.
"""

import argparse
import glob
import json
import math
import os
import platform
import sys
import time

import numpy as np
import tifffile
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import STRIDE, DualAttentionUNet, export_onnx, widen_state_dict  # noqa: E402
from model_card import write_model_card  # noqa: E402

CLASSES = ["background", "sse", "nmc", "graphite"]


def zscore(image: np.ndarray) -> np.ndarray:
    """Per-image z-score, as the TypeScript segmenter's default `normalize: 'zscore'`."""
    x = image.astype(np.float64)
    sd = x.std()
    return ((x - x.mean()) / (sd if sd > 0 else 1.0)).astype(np.float32)


def read_array(path: str) -> np.ndarray:
    return np.load(path) if path.endswith(".npy") else tifffile.imread(path)


def load_samples(root: str):
    paths = sorted(
        glob.glob(os.path.join(root, "**", "image.tif"), recursive=True)
        + glob.glob(os.path.join(root, "**", "image.npy"), recursive=True)
    )
    samples = []
    for p in paths:
        d = os.path.dirname(p)
        img = read_array(p)
        ph = read_array(os.path.join(d, "phases" + os.path.splitext(p)[1])).astype(np.int64)
        if img.ndim == 3:  # a volume: use each plane as a sample
            for z in range(img.shape[0]):
                samples.append((f"{d}#{z}", zscore(img[z]), ph[z]))
        else:
            samples.append((d, zscore(img), ph))
    return samples


def split(n: int, seed: int):
    perm = np.random.RandomState(seed).permutation(n)
    n_train = int(round(0.70 * n))
    n_val = int(round(0.15 * n))
    return perm[:n_train], perm[n_train : n_train + n_val], perm[n_train + n_val :]


def augment(x: torch.Tensor, y: torch.Tensor, gen: torch.Generator, max_deg: float):
    """Flips, a small rotation (bilinear image, nearest labels, reflected borders), jitter."""
    b = x.shape[0]
    if torch.rand(1, generator=gen).item() < 0.5:
        x, y = x.flip(3), y.flip(2)
    if torch.rand(1, generator=gen).item() < 0.5:
        x, y = x.flip(2), y.flip(1)
    angle = (torch.rand(b, generator=gen) * 2 - 1) * math.radians(max_deg)
    cos, sin = torch.cos(angle), torch.sin(angle)
    theta = torch.zeros(b, 2, 3)
    theta[:, 0, 0], theta[:, 0, 1], theta[:, 1, 0], theta[:, 1, 1] = cos, -sin, sin, cos
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="reflection", align_corners=False)
    yf = F.grid_sample(
        y.unsqueeze(1).float(), grid, mode="nearest", padding_mode="reflection", align_corners=False
    )
    y = yf.squeeze(1).round().long()
    gain = 1 + (torch.rand(b, 1, 1, 1, generator=gen) * 2 - 1) * 0.1
    shift = (torch.rand(b, 1, 1, 1, generator=gen) * 2 - 1) * 0.1
    noise = torch.randn(x.shape, generator=gen) * 0.03
    return x * gain + shift + noise, y


def loss_fn(logits: torch.Tensor, y: torch.Tensor, contour_weight: float, class_weights=None):
    """Soft multi-class Dice + BCE on one-hot targets weighted up on class contours and, with
    `class_weights` (one per class), by the weight of each pixel's true class."""
    c = logits.shape[1]
    onehot = F.one_hot(y, c).permute(0, 3, 1, 2).float()
    prob = torch.softmax(logits, dim=1)
    inter = (prob * onehot).sum((0, 2, 3))
    denom = prob.sum((0, 2, 3)) + onehot.sum((0, 2, 3))
    dice = 1 - ((2 * inter + 1) / (denom + 1)).mean()
    # contour: pixels whose 3x3 neighbourhood holds more than one class
    present = F.max_pool2d(onehot, 3, stride=1, padding=1).sum(1, keepdim=True)
    weight = 1 + contour_weight * (present > 1).float()
    if class_weights is not None:
        weight = weight * class_weights[y].unsqueeze(1)
    bce = F.binary_cross_entropy_with_logits(logits, onehot, weight=weight.expand_as(onehot))
    return dice + bce


def confusion(pred: np.ndarray, truth: np.ndarray, c: int) -> np.ndarray:
    return np.bincount(truth.ravel() * c + pred.ravel(), minlength=c * c).reshape(c, c)


def iou_from_confusion(cm: np.ndarray):
    tp = np.diag(cm).astype(np.float64)
    union = cm.sum(0) + cm.sum(1) - tp
    with np.errstate(invalid="ignore", divide="ignore"):
        iou = np.where(union > 0, tp / union, np.nan)
    return iou, float(np.nanmean(iou))


@torch.no_grad()
def evaluate(model, samples, idx, c: int):
    model.eval()
    cm = np.zeros((c, c), dtype=np.int64)
    for i in idx:
        _, x, y = samples[i]
        h, w = x.shape
        ph, pw = (-h) % STRIDE, (-w) % STRIDE
        t = torch.from_numpy(x)[None, None]
        if ph or pw:
            t = F.pad(t, (0, pw, 0, ph), mode="reflect")
        pred = model(t)[0, :, :h, :w].argmax(0).numpy()
        cm += confusion(pred, y, c)
    model.train()
    return iou_from_confusion(cm)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", default="models")
    ap.add_argument("--minutes", type=float, default=25.0, help="wall-clock training budget")
    ap.add_argument("--base", type=int, default=16, help="channels of the first level")
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--weight-decay", type=float, default=1e-4)
    ap.add_argument(
        "--min-lr",
        type=float,
        default=None,
        help="anneal the learning rate from --lr to this along a cosine over --minutes (default: constant)",
    )
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--crop", type=int, default=128)
    ap.add_argument("--rotation", type=float, default=10.0, help="max rotation, degrees")
    ap.add_argument("--contour-weight", type=float, default=4.0)
    ap.add_argument(
        "--class-weights",
        default="",
        help="BCE weight of each class's pixels, comma-separated in CLASSES order (default: all 1)",
    )
    ap.add_argument("--stem", default="unet", help="names of the written files: STEM.onnx, STEM.json")
    ap.add_argument("--eval-every", type=int, default=200, help="steps between validations")
    ap.add_argument("--seed", type=int, default=0, help="seed of crops, augmentation, init")
    ap.add_argument("--split-seed", type=int, default=0, help="seed of the 70/15/15 split")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--data-note", default="", help="how the data were made, for the card")
    ap.add_argument("--checkpoint", default="", help="save the best state dict here (.pt)")
    ap.add_argument("--init", default="", help="start from this state dict (.pt)")
    ap.add_argument("--prior-seconds", type=float, default=0.0, help="training time of --init, for the card")
    ap.add_argument("--prior-steps", type=int, default=0, help="steps of --init, for the card")
    ap.add_argument("--prior-command", default="", help="command of the run --init came from")
    ap.add_argument("--time-note", default="", help="remark on the training time, for the card")
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    gen = torch.Generator().manual_seed(args.seed)
    samples = load_samples(args.data)
    if len(samples) < 3:
        raise SystemExit(f"train.py: need at least 3 samples under {args.data}, found {len(samples)}")
    c = len(CLASSES)
    tr, va, te = split(len(samples), args.split_seed)
    print(f"{len(samples)} samples: {len(tr)} train / {len(va)} val / {len(te)} test", flush=True)

    class_weights = None
    if args.class_weights:
        class_weights = torch.tensor([float(w) for w in args.class_weights.split(",")])
        if class_weights.numel() != c or bool((class_weights <= 0).any()):
            raise SystemExit(f"train.py: --class-weights needs {c} positive numbers, got {args.class_weights}")
    model = DualAttentionUNet(in_ch=1, classes=c, base=args.base, dropout=args.dropout)
    if args.init:
        state = torch.load(args.init)
        if any(state[k].shape != v.shape for k, v in model.state_dict().items()):
            state = widen_state_dict(state, model)  # a narrower network: same function, wider
        model.load_state_dict(state)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    rng = np.random.RandomState(args.seed + 1)
    best = (-1.0, None, 0)
    history = []
    start = time.time()
    step = 0
    model.train()
    while time.time() - start < args.minutes * 60:
        if args.min_lr is not None:
            frac = min(1.0, (time.time() - start) / (args.minutes * 60))
            for group in opt.param_groups:
                group["lr"] = args.min_lr + 0.5 * (args.lr - args.min_lr) * (1 + math.cos(math.pi * frac))
        xs, ys = [], []
        for _ in range(args.batch):
            _, x, y = samples[tr[rng.randint(len(tr))]]
            h, w = x.shape
            r0 = rng.randint(h - args.crop + 1)
            c0 = rng.randint(w - args.crop + 1)
            xs.append(x[r0 : r0 + args.crop, c0 : c0 + args.crop])
            ys.append(y[r0 : r0 + args.crop, c0 : c0 + args.crop])
        xb = torch.from_numpy(np.stack(xs))[:, None]
        yb = torch.from_numpy(np.stack(ys))
        xb, yb = augment(xb, yb, gen, args.rotation)
        loss = loss_fn(model(xb), yb, args.contour_weight, class_weights)
        opt.zero_grad()
        loss.backward()
        opt.step()
        step += 1
        if step % args.eval_every == 0:
            per_class, miou = evaluate(model, samples, va, c)
            elapsed = time.time() - start
            history.append({"step": step, "seconds": round(elapsed, 1), "loss": float(loss), "valMIoU": miou})
            print(f"step {step} {elapsed:.0f}s loss {float(loss):.4f} val mIoU {miou:.4f} {np.round(per_class, 3)}", flush=True)
            if miou > best[0]:
                best = (miou, {k: v.clone() for k, v in model.state_dict().items()}, step)
                if args.checkpoint:
                    torch.save(best[1], args.checkpoint)
    train_seconds = time.time() - start + args.prior_seconds
    step += args.prior_steps
    if best[1] is not None:
        model.load_state_dict(best[1])
    best = (best[0], best[1], best[2] + args.prior_steps)
    per_class_val, miou_val = evaluate(model, samples, va, c)
    per_class_test, miou_test = evaluate(model, samples, te, c)
    print(f"best step {best[2]}: val mIoU {miou_val:.4f}, test mIoU {miou_test:.4f} {np.round(per_class_test, 4)}")

    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, f"{args.stem}.onnx")
    export_onnx(model, onnx_path)
    meta = {
        "name": "mgraph dual-attention U-Net",
        "file": f"{args.stem}.onnx",
        "inputName": "image",
        "outputName": "logits",
        "output": "logits",
        "classes": CLASSES,
        "stride": STRIDE,
        "normalize": "zscore",
        "architecture": {"levels": 3, "base": args.base, "dropout": args.dropout, "norm": "batch"},
        "training": {
            "samples": len(samples),
            "split": {"train": len(tr), "val": len(va), "test": len(te)},
            "splitSeed": args.split_seed,
            "testSamples": [samples[i][0] for i in te],
            "steps": step,
            "bestStep": best[2],
            "batch": args.batch,
            "crop": args.crop,
            "lr": args.lr,
            "minLr": args.min_lr,
            "weightDecay": args.weight_decay,
            "rotationDegrees": args.rotation,
            "contourWeight": args.contour_weight,
            "classWeights": None if class_weights is None else class_weights.tolist(),
            "seconds": round(train_seconds, 1),
            "threads": args.threads,
            "machine": f"{platform.machine()} {platform.processor() or ''}".strip(),
            "torch": torch.__version__,
            "history": history,
            "data": args.data_note,
            "dataDir": args.data,
            "priorCommand": args.prior_command,
            "timeNote": args.time_note,
        },
        "metrics": {
            "val": {"mIoU": miou_val, "perClass": dict(zip(CLASSES, map(float, per_class_val)))},
            "test": {"mIoU": miou_test, "perClass": dict(zip(CLASSES, map(float, per_class_test)))},
        },
        "bytes": os.path.getsize(onnx_path),
        "command": " ".join(["/usr/bin/python3", "tools/unet/train.py"] + sys.argv[1:]),
    }
    with open(os.path.join(args.out, f"{args.stem}.json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    write_model_card(meta, os.path.join(args.out, "MODEL_CARD.md"))
    print(f"wrote {onnx_path} ({meta['bytes']} bytes), {args.stem}.json, MODEL_CARD.md")


if __name__ == "__main__":
    main()
