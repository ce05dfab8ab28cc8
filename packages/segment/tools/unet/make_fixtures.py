"""Regenerate the small ONNX models the tests load (test/fixtures/*.onnx).

Run from packages/segment: /usr/bin/python3 tools/unet/make_fixtures.py

- pointwise-4class.onnx: a 1x1 conv, 1 input channel -> 4 logits with weights
  [-2, 0, 1, 2] and biases [0, 1, 0, -1]; the tests compute its probabilities by hand.
- tiny-unet.onnx: the training architecture (model.py) with base 4 channels and seeded
  random weights (BatchNorm statistics randomised too), dynamic batch/height/width.
- tiny-unet-3ch.onnx: the same with 3 input channels (a model the segmenter must refuse).
"""

import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import DualAttentionUNet, export_onnx  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "test", "fixtures")


def randomise(model: nn.Module, seed: int) -> nn.Module:
    torch.manual_seed(seed)
    for m in model.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.uniform_(-0.2, 0.2)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.data.uniform_(0.5, 1.5)
            m.bias.data.uniform_(0.05, 0.3)
    return model


def main() -> None:
    os.makedirs(OUT, exist_ok=True)
    point = nn.Conv2d(1, 4, 1)
    with torch.no_grad():
        point.weight.copy_(torch.tensor([-2.0, 0.0, 1.0, 2.0]).view(4, 1, 1, 1))
        point.bias.copy_(torch.tensor([0.0, 1.0, 0.0, -1.0]))
    export_onnx(point, os.path.join(OUT, "pointwise-4class.onnx"))

    torch.manual_seed(7)
    tiny = randomise(DualAttentionUNet(in_ch=1, classes=4, base=4, dropout=0.1), 8)
    export_onnx(tiny, os.path.join(OUT, "tiny-unet.onnx"))

    torch.manual_seed(9)
    tiny3 = DualAttentionUNet(in_ch=3, classes=4, base=2, dropout=0.1)
    export_onnx(tiny3, os.path.join(OUT, "tiny-unet-3ch.onnx"), in_ch=3)


if __name__ == "__main__":
    main()
