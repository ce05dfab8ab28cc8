"""Regenerate test/fixtures/hetero_model.json: the whole HeteroNNConvModel in float64
PyTorch, written with PyTorch Geometric's module layout and parameter names (PyG itself is
not needed: NNConv = edge MLP -> per-edge (cin, cout) weights, x_j @ W summed ('add') or
averaged ('mean') at the destination, + lin(x_dst) + bias; HeteroConv = sum over the
relations reaching a node type, ModuleDict key '<src___rel___dst>').

    /usr/bin/python3 packages/gnn/scripts/make-model-fixture.py

Writes the state dict, a small heterogeneous graph (one relation empty), the output of the
model in evaluation mode, an upstream gradient and the gradient of every parameter.
"""
import json
import os

import torch

torch.manual_seed(20261122)
DT = torch.float64
TYPES = ["nmc", "sse", "graphite"]
REL = "contacts"


def arr(t):
    return {"shape": list(t.shape), "dtype": "float64", "data": t.detach().reshape(-1).tolist()}


class NNConv(torch.nn.Module):
    def __init__(self, cin, cout, edge, hidden, aggr):
        super().__init__()
        self.nn = torch.nn.Sequential(
            torch.nn.Linear(edge, hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, cin * cout)
        )
        self.lin = torch.nn.Linear(cin, cout, bias=False)
        self.bias = torch.nn.Parameter(0.1 * torch.randn(cout))
        self.cin, self.cout, self.aggr = cin, cout, aggr

    def forward(self, xs, xd, src, dst, ea):
        w = self.nn(ea).view(-1, self.cin, self.cout)
        msg = torch.matmul(xs[src].unsqueeze(1), w).squeeze(1)
        out = torch.zeros(xd.shape[0], self.cout, dtype=DT).index_add_(0, dst, msg)
        if self.aggr == "mean":
            cnt = torch.zeros(xd.shape[0], dtype=DT).index_add_(0, dst, torch.ones(len(dst), dtype=DT))
            out = out / cnt.clamp(min=1)[:, None]
        return out + self.lin(xd) + self.bias


class HeteroConv(torch.nn.Module):
    def __init__(self, relations, make):
        super().__init__()
        self.relations = relations
        self.convs = torch.nn.ModuleDict({key(r): make() for r in relations})

    def forward(self, x, edges):
        out = {}
        for r in self.relations:
            s, _, d = r
            e = edges[key(r)]
            y = self.convs[key(r)](x[s], x[d], e["src"], e["dst"], e["attr"])
            out[d] = y if d not in out else out[d] + y
        return out


def key(r):
    return "<" + "___".join(r) + ">"


class Model(torch.nn.Module):
    def __init__(self, cin, h, edge, eh, out, aggr):
        super().__init__()
        rels = [(s, REL, d) for s in TYPES for d in TYPES]
        self.conv1 = HeteroConv(rels, lambda: NNConv(cin, h, edge, eh, aggr))
        self.norm1 = torch.nn.ModuleDict({t: torch.nn.LayerNorm(h) for t in TYPES})
        self.conv2 = HeteroConv([r for r in rels if r[2] == "nmc"], lambda: NNConv(h, h, edge, eh, aggr))
        self.norm2 = torch.nn.LayerNorm(h)
        self.head = torch.nn.Linear(h, out)
        with torch.no_grad():  # non-trivial norms so that loading them is tested
            for p in list(self.norm1.parameters()) + list(self.norm2.parameters()):
                p.add_(0.2 * torch.randn_like(p))

    def forward(self, x, edges):
        gelu = torch.nn.functional.gelu
        c1 = self.conv1(x, edges)
        h1 = {t: self.norm1[t](gelu(c1[t])) for t in TYPES}
        c2 = self.conv2(h1, edges)
        return self.head(self.norm2(h1["nmc"] + gelu(c2["nmc"])))


def make_graph(counts, cin, density):
    x = {t: torch.randn(n, cin, dtype=DT) for t, n in counts.items()}
    edges = {}
    for s in TYPES:
        for d in TYPES:
            pairs = [(i, j) for i in range(counts[s]) for j in range(counts[d])
                     if torch.rand(1).item() < density and not (s == "graphite" and d == "graphite")]
            src = torch.tensor([p[0] for p in pairs], dtype=torch.long)
            dst = torch.tensor([p[1] for p in pairs], dtype=torch.long)
            edges[key((s, REL, d))] = {"src": src, "dst": dst, "attr": torch.rand(len(pairs), 1, dtype=DT) * 3}
    return x, edges


torch.set_default_dtype(DT)
cases = []
for aggr in ["add", "mean"]:
    cin, h, eh, out = 4, 5, 3, 3
    model = Model(cin, h, 1, eh, out, aggr)
    x, edges = make_graph({"nmc": 4, "sse": 5, "graphite": 3}, cin, 0.35)
    y = model(x, edges)
    up = torch.randn_like(y)
    (y * up).sum().backward()
    cases.append({
        "aggr": aggr,
        "config": {"inChannels": cin, "hiddenChannels": h, "edgeHidden": eh, "outChannels": out, "edgeChannels": 1},
        "state_dict": {k: arr(v) for k, v in model.state_dict().items()},
        "x": {t: arr(v) for t, v in x.items()},
        "edges": {k: {"src": e["src"].tolist(), "dst": e["dst"].tolist(), "attr": arr(e["attr"])} for k, e in edges.items()},
        "out": arr(y),
        "upstream_grad": arr(up),
        "grads": {k: arr(p.grad) for k, p in model.named_parameters()},
    })

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "hetero_model.json")
with open(path, "w") as f:
    json.dump({"versions": {"torch": torch.__version__}, "seed": 20261122,
               "what": "HeteroNNConvModel (PyG layout and names) forward/backward in float64, eval mode",
               "cases": cases}, f)
print("wrote", path)
