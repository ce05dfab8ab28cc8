"""Write MODEL_CARD.md from the metadata train.py stores in unet.json.

Run on its own to rewrite the card after editing unet.json:
    /usr/bin/python3 tools/unet/model_card.py models/unet.json
"""

import json
import os
import sys


def _row(name, values):
    return f"| {name} | " + " | ".join(f"{v:.4f}" for v in values) + " |"


def _graph_fidelity(g):
    """The graph-fidelity section: the pipeline on the model's phases vs on the true phases."""
    if not g:
        return []
    rows = []
    for r in g["rows"]:
        tpb = r["tpbError"]
        rows.append(
            f"| {r['set']} | {r['images']} | {r['mIoU']:.4f} | {r['particleF1']:.4f} | {r['sseF1']:.4f} | "
            f"{r['nmcF1']:.4f} | {r['graphiteF1']:.4f} | {r['edgeF1']:.4f} | {100 * tpb:+.1f}% | "
            f"{r['channelAgreement']:.4f} |"
        )
    return [
        "## Graph fidelity (what the paper's pipeline builds on these phases)",
        "",
        "The same pipeline (`@mgraph/pipeline`: instances, contact graph, TPBs, channels) on the "
        "model's phases and on the true phase map of fresh phantoms, compared by `graphFidelity`: "
        "objects match at IoU > 0.5 within a phase (particle F1, overall and per phase), a true "
        "contact is recovered when both its objects match and their matches touch (edge F1), TPB "
        "count error = (segmented - true) / true over the pooled counts, channel agreement = "
        "matched NMC particles with the same channel category.",
        "",
        "| phantoms | images | mIoU | particle F1 | F1 sse | F1 nmc | F1 graphite | edge F1 | TPB count error | channel agreement |",
        "|---|---|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        *[f"- {line}" for line in g.get("notes", [])],
        "",
    ]


def write_model_card(meta: dict, path: str) -> None:
    t = meta["training"]
    classes = meta["classes"]
    arch = meta["architecture"]
    val = meta["metrics"]["val"]
    test = meta["metrics"]["test"]
    lines = [
        "# Model card: mgraph dual-attention U-Net (`unet.onnx`)",
        "",
        "Semantic segmentation of X-ray images of solid-state battery cathodes into "
        + ", ".join(f"{i} {c}" for i, c in enumerate(classes))
        + " (`CATHODE_SCHEME`). Reproduces the network of Li, Deng, Liu, Hu, "
        "\"Machine Learning Enabled Graph Analysis of Particulate Composites\" "
        "(arXiv 2512.16085), scaled down to train on a CPU.",
        "",
        "## Network",
        "",
        f"- {arch['levels']} encoder/decoder levels (stride {meta['stride']}: input height and width "
        "must be multiples of it; the segmenter pads), base "
        f"{arch['base']} channels doubling per level, two 3x3 conv + BatchNorm + ReLU + dropout "
        f"({arch['dropout']}) per block, max-pool down, transposed-conv up, dual attention "
        "(class-wise and instance-wise, pixel-local) on every skip, 1x1 conv head.",
        f"- ONNX opset 13, input `{meta['inputName']}` float32 `[batch, 1, height, width]` "
        f"(dynamic), output `{meta['outputName']}` float32 `[batch, {len(classes)}, height, width]` "
        "(logits; softmax gives probabilities).",
        f"- Input normalisation: `{meta['normalize']}` (per-image z-score: subtract the image mean, "
        "divide by its standard deviation).",
        f"- File size: {meta['bytes']} bytes.",
        "- Deviation from the paper: BatchNorm after each 3x3 conv (folded into the convs at "
        "export), to converge within minutes on a CPU.",
        "",
        "## Data",
        "",
        f"- {t['samples']} synthetic images from `@mgraph/phantom`. {t['data']}".rstrip(),
        f"- Split 70/15/15 by a seeded permutation (seed {t['splitSeed']}): {t['split']['train']} "
        f"train, {t['split']['val']} validation, {t['split']['test']} test.",
        f"- Training on random {t['crop']}x{t['crop']} crops, batch {t['batch']}, augmented with "
        f"horizontal/vertical flips, rotations up to {t['rotationDegrees']} degrees, intensity "
        "gain/offset jitter (+-10%) and Gaussian noise (sd 0.03 of the z-scored image).",
        "",
        "## Training",
        "",
        f"- Loss: soft Dice (mean over classes) + BCE on one-hot targets with weight "
        f"1 + {t['contourWeight']} on contour pixels (3x3 neighbourhood holding two classes).",
        f"- AdamW, lr {t['lr']}, weight decay {t['weightDecay']}; {t['steps']} steps; the "
        f"checkpoint with the best validation mIoU (step {t['bestStep']}) is exported.",
        f"- Time: {t['seconds']:.0f} s of wall clock on {t['threads']} CPU thread(s) "
        f"({t['machine']}, torch {t['torch']}), on a machine shared with other jobs.",
        *([f"- {t['timeNote']}"] if t.get("timeNote") else []),
        "",
        "## Results (argmax of the logits, whole images)",
        "",
        "| split | mIoU | " + " | ".join(classes) + " |",
        "|---|---|" + "---|" * len(classes),
        _row("validation", [val["mIoU"]] + [val["perClass"][c] for c in classes]),
        _row("test", [test["mIoU"]] + [test["perClass"][c] for c in classes]),
        "",
        *_graph_fidelity(meta.get("graphFidelity")),
        "## Retrain",
        "",
        "```sh",
        "# from packages/segment",
        "(cd ../phantom && npm run build)  # the data come from the built @mgraph/phantom",
        f"npx tsx scripts/write-training-data.ts {t.get('dataDir', 'DATA')} 100 512 1000",
        *([t["priorCommand"] + "  # first run"] if t.get("priorCommand") else []),
        f"{meta['command']}" + ("  # continued from the first run's best checkpoint" if t.get("priorCommand") else ""),
        "/usr/bin/python3 tools/unet/make_fixtures.py   # the small test models",
        "```",
        "",
        "Training is seeded, but multi-threaded CPU kernels and the wall-clock budget make "
        "the weights differ from run to run.",
        "",
    ]
    with open(path, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    src = sys.argv[1] if len(sys.argv) > 1 else "models/unet.json"
    with open(src) as f:
        write_model_card(json.load(f), os.path.join(os.path.dirname(src), "MODEL_CARD.md"))
