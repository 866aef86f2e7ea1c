"""PyTorch peer of the tfjs U-Net training-step benchmark.

Builds the same network as trainer/src/models/unet.ts (same layer layout, so the same
1,940,868 parameters at base 16, 4 classes, depth 4), runs Adam steps with categorical
cross-entropy on one CPU thread, and prints one JSON line with the median step time, so
bench:train can report how far the wasm backend is from a native framework on the same
machine in the same run.
"""

import argparse
import json
import os
import statistics
import sys
import time

import torch
from torch import nn


def double_conv(cin: int, cout: int) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1),
        nn.ReLU(inplace=True),
        nn.Conv2d(cout, cout, 3, padding=1),
        nn.ReLU(inplace=True),
    )


class UNet(nn.Module):
    def __init__(self, in_channels: int, classes: int, base: int, depth: int):
        super().__init__()
        widths = [base * 2**level for level in range(depth + 1)]
        self.down = nn.ModuleList()
        cin = in_channels
        for w in widths[:-1]:
            self.down.append(double_conv(cin, w))
            cin = w
        self.bottom = double_conv(widths[-2], widths[-1])
        self.up = nn.ModuleList()
        self.dec = nn.ModuleList()
        for level in reversed(range(depth)):
            self.up.append(nn.ConvTranspose2d(widths[level + 1], widths[level], 2, stride=2))
            self.dec.append(double_conv(2 * widths[level], widths[level]))
        self.head = nn.Conv2d(widths[0], classes, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        skips = []
        for block in self.down:
            x = block(x)
            skips.append(x)
            x = nn.functional.max_pool2d(x, 2)
        x = self.bottom(x)
        for up, dec in zip(self.up, self.dec):
            x = up(x)
            x = dec(torch.cat([skips.pop(), x], dim=1))
        # Logits: CrossEntropyLoss applies log-softmax itself, which is the same
        # softmax + categorical cross-entropy that the tfjs model trains with.
        return self.head(x)


def machine_busy_seconds():
    """CPU seconds all processes have used since boot (None where /proc/stat is missing)."""
    try:
        with open("/proc/stat") as f:
            fields = [int(v) for v in f.readline().split()[1:]]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--batch", type=int, default=8)
    parser.add_argument("--classes", type=int, default=4)
    parser.add_argument("--base", type=int, default=16)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--steps", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--serve",
        action="store_true",
        help="after warm-up, run one step per 'step' line on stdin and answer with its time, "
        "so a caller can interleave these steps with its own under the same machine load",
    )
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = UNet(1, args.classes, args.base, args.depth)
    params = sum(p.numel() for p in model.parameters())
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.randn(args.batch, 1, args.size, args.size)
    y = torch.randint(0, args.classes, (args.batch, args.size, args.size))

    def step() -> float:
        start = time.perf_counter()
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        return (time.perf_counter() - start) * 1000

    def timed_step() -> dict:
        cpu = time.process_time()
        ms = step()
        return {"ms": ms, "cpuMs": (time.process_time() - cpu) * 1000}

    header = {"torch": torch.__version__, "threads": torch.get_num_threads(), "params": params}
    for _ in range(args.warmup):
        step()

    if args.serve:
        print(json.dumps({**header, "ready": True}), flush=True)
        for line in sys.stdin:
            if line.strip() != "step":
                break
            print(json.dumps(timed_step()), flush=True)
        return

    busy0, cpu0, wall0 = machine_busy_seconds(), time.process_time(), time.perf_counter()
    times = [step() for _ in range(args.steps)]
    busy1, cpu1, wall1 = machine_busy_seconds(), time.process_time(), time.perf_counter()
    other_cores = None
    if busy0 is not None and busy1 is not None:
        # How many cores other processes kept busy while the steps were timed.
        other_cores = max(0.0, (busy1 - busy0 - (cpu1 - cpu0)) / (wall1 - wall0))
    print(
        json.dumps(
            {
                **header,
                "size": args.size,
                "batch": args.batch,
                "msPerStep": statistics.median(times),
                "stepsMs": times,
                "otherCores": other_cores,
            }
        )
    )


if __name__ == "__main__":
    main()
