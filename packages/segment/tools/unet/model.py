"""Dual-attention U-Net of the paper (Li, Deng, Liu, Hu; arXiv 2512.16085), small enough
to train on a CPU.

Three encoder levels (two 3x3 conv + ReLU + dropout each, max-pool down), a bottleneck at
1/8 resolution, three decoder levels (transposed-conv up), dual attention on every skip
connection and a 1x1 conv head that outputs one logit per class.

Dual attention, as implemented here (every operation is pixel-local, so that tiled
inference agrees with whole-image inference away from tile borders):
- class-wise: the decoder features predict a per-pixel class distribution (1x1 conv +
  softmax); a 1x1 conv maps it to one gate per skip channel (sigmoid), so each channel of
  the skip is kept where the classes it serves are likely;
- instance-wise: the additive attention gate of Oktay et al. (2018) over skip and decoder
  features (1x1 convs, ReLU, 3x3 conv for object-scale context, sigmoid), one gate per
  pixel, which keeps the skip on objects and their contours.

Deviation from the paper, recorded in the model card: BatchNorm after every 3x3 conv
(folded into the conv weights in the exported ONNX), so that a few minutes on a CPU
are enough to train.
"""

import itertools

import torch
from torch import nn
import torch.nn.functional as F

STRIDE = 8  # 2 ** levels: the network's input size multiple


class Block(nn.Module):
    """Two 3x3 conv + BatchNorm + ReLU + dropout."""

    def __init__(self, cin: int, cout: int, dropout: float):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(cin, cout, 3, padding=1, bias=False),
            nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True),
            nn.Dropout2d(dropout),
            nn.Conv2d(cout, cout, 3, padding=1, bias=False),
            nn.BatchNorm2d(cout),
            nn.ReLU(inplace=True),
            nn.Dropout2d(dropout),
        )

    def forward(self, x):
        return self.body(x)


class DualAttention(nn.Module):
    """Class-wise (channel) and instance-wise (spatial) attention on a skip connection."""

    def __init__(self, skip_ch: int, gate_ch: int, classes: int):
        super().__init__()
        inter = max(skip_ch // 2, 4)
        # class-wise
        self.class_logits = nn.Conv2d(gate_ch, classes, 1)
        self.class_gate = nn.Conv2d(classes, skip_ch, 1)
        # instance-wise
        self.wx = nn.Conv2d(skip_ch, inter, 1, bias=False)
        self.wg = nn.Conv2d(gate_ch, inter, 1)
        self.psi = nn.Conv2d(inter, 1, 3, padding=1)

    def forward(self, skip, gate):
        class_prob = torch.softmax(self.class_logits(gate), dim=1)
        channel = torch.sigmoid(self.class_gate(class_prob))
        spatial = torch.sigmoid(self.psi(F.relu(self.wx(skip) + self.wg(gate))))
        return skip * channel * spatial


class DualAttentionUNet(nn.Module):
    def __init__(self, in_ch: int = 1, classes: int = 4, base: int = 16, dropout: float = 0.1):
        super().__init__()
        b = base
        self.enc1 = Block(in_ch, b, dropout)
        self.enc2 = Block(b, 2 * b, dropout)
        self.enc3 = Block(2 * b, 4 * b, dropout)
        self.bottleneck = Block(4 * b, 8 * b, dropout)
        self.up3 = nn.ConvTranspose2d(8 * b, 4 * b, 2, stride=2)
        self.att3 = DualAttention(4 * b, 4 * b, classes)
        self.dec3 = Block(8 * b, 4 * b, dropout)
        self.up2 = nn.ConvTranspose2d(4 * b, 2 * b, 2, stride=2)
        self.att2 = DualAttention(2 * b, 2 * b, classes)
        self.dec2 = Block(4 * b, 2 * b, dropout)
        self.up1 = nn.ConvTranspose2d(2 * b, b, 2, stride=2)
        self.att1 = DualAttention(b, b, classes)
        self.dec1 = Block(2 * b, b, dropout)
        self.head = nn.Conv2d(b, classes, 1)

    def forward(self, x):
        e1 = self.enc1(x)
        e2 = self.enc2(F.max_pool2d(e1, 2))
        e3 = self.enc3(F.max_pool2d(e2, 2))
        z = self.bottleneck(F.max_pool2d(e3, 2))
        u3 = self.up3(z)
        d3 = self.dec3(torch.cat([self.att3(e3, u3), u3], dim=1))
        u2 = self.up2(d3)
        d2 = self.dec2(torch.cat([self.att2(e2, u2), u2], dim=1))
        u1 = self.up1(d2)
        d1 = self.dec1(torch.cat([self.att1(e1, u1), u1], dim=1))
        return self.head(d1)


def export_onnx(model: nn.Module, path: str, in_ch: int = 1, opset: int = 13) -> None:
    """Export to ONNX with dynamic batch, height and width (input `image`, output `logits`)."""
    model.eval()
    dummy = torch.zeros(1, in_ch, 64, 64)
    torch.onnx.export(
        model,
        dummy,
        path,
        input_names=["image"],
        output_names=["logits"],
        dynamic_axes={
            "image": {0: "batch", 2: "height", 3: "width"},
            "logits": {0: "batch", 2: "height", 3: "width"},
        },
        opset_version=opset,
        do_constant_folding=True,
    )



def widen_state_dict(old: dict, model: nn.Module) -> dict:
    """A state dict for `model` (a wider DualAttentionUNet) that computes what `old` (the
    same network at a smaller `base`) computes. Old weights fill the leading channels (for
    the decoder blocks' concatenated inputs, the leading channels of each half); new
    channels are silenced: BatchNorm scale, shift and mean 0 on new conv outputs, zero
    transposed-conv weights and biases on new up-sampled channels, zero attention `psi`
    weights on new intermediate channels. Every new channel so reads 0 at first, and
    training grows it (the other new weights keep their random initialisation).
    """
    out = {}
    for name, target in model.state_dict().items():
        src = old[name]
        if target.shape == src.shape:
            out[name] = src.clone()
            continue
        t = target.clone()
        if name.endswith(".running_var"):
            t.fill_(1.0)
        elif (".body." in name and t.dim() == 1) or name.startswith("up") or name.endswith(".psi.weight"):
            t.zero_()
        dst_ix, src_ix = [], []
        for d in range(t.dim()):
            o, n = src.shape[d], t.shape[d]
            if d == 1 and o != n and name.startswith("dec") and name.endswith("body.0.weight"):
                dst_ix.append([slice(0, o // 2), slice(n // 2, n // 2 + o // 2)])
                src_ix.append([slice(0, o // 2), slice(o // 2, o)])
            else:
                dst_ix.append([slice(0, o)])
                src_ix.append([slice(0, o)])
        for parts in itertools.product(*[range(len(ix)) for ix in dst_ix]):
            dst = tuple(dst_ix[d][k] for d, k in enumerate(parts))
            t[dst] = src[tuple(src_ix[d][k] for d, k in enumerate(parts))]
        out[name] = t
    return out
