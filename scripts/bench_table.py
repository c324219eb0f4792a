#!/usr/bin/env python3
"""Print criterion's last results as a Markdown table (for BENCHMARKS.md).

Usage, from the repository's root, after `cargo bench` (or any part of it,
e.g. `cargo bench --bench stages`):

    python3 scripts/bench_table.py                  # every benchmark measured
    python3 scripts/bench_table.py scaling_         # ids starting with a prefix
    python3 scripts/bench_table.py --machine > BENCHMARKS.md

It reads every `target/criterion/**/new/estimates.json` (criterion's
estimates of the last run) with the `benchmark.json` beside it (the bench's
id and throughput), and prints one row per benchmark: its id, the median
time per iteration with criterion's 95% confidence interval, and, when the
bench declares a throughput, the median time per element and the elements
(or bytes) per second. In refonte's benches the elements are words of the
input article, except in `batch/*`, where they are records.

Rows come in the order the benchmarks ran (`--sort name`: by id).
`--criterion DIR` reads another criterion directory (default: the
`target/criterion` of this repository, or of $CARGO_TARGET_DIR when set).
`--machine` adds a line naming the CPU and its number of cores.

Standard library only.
"""

import argparse
import json
import os
import sys
from pathlib import Path


def default_dir() -> Path:
    target = os.environ.get("CARGO_TARGET_DIR")
    if target:
        return Path(target) / "criterion"
    return Path(__file__).resolve().parent.parent / "target" / "criterion"


def fmt_time(ns: float) -> str:
    """A duration in nanoseconds, in the unit that suits it."""
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}" if ns / scale < 100 else f"{ns / scale:.0f} {unit}"
    return f"{ns:.3g} ns"


def fmt_rate(per_second: float, unit: str) -> str:
    for prefix, scale in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if per_second >= scale:
            return f"{per_second / scale:.3g} {prefix}{unit}/s"
    return f"{per_second:.3g} {unit}/s"


def throughput_of(bench: dict):
    """(count, unit) of the bench's throughput, or None. Elements win over bytes."""
    t = bench.get("throughput")
    if not t:
        return None
    if "Elements" in t:
        return t["Elements"], "elem"
    if "ElementsAndBytes" in t:
        return t["ElementsAndBytes"]["elements"], "elem"
    for key in ("Bytes", "BytesDecimal"):
        if key in t:
            return t[key], "B"
    return None


def bytes_of(bench: dict):
    t = bench.get("throughput") or {}
    if "ElementsAndBytes" in t:
        return t["ElementsAndBytes"]["bytes"]
    return None


def load(root: Path):
    rows = []
    for est_path in root.glob("**/new/estimates.json"):
        bench_path = est_path.with_name("benchmark.json")
        if not bench_path.exists():
            continue
        with open(est_path, encoding="utf-8") as f:
            est = json.load(f)
        with open(bench_path, encoding="utf-8") as f:
            bench = json.load(f)
        rows.append((est_path.stat().st_mtime, bench, est))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("prefix", nargs="?", default="", help="only ids starting with this")
    ap.add_argument("--criterion", type=Path, default=default_dir(), help="criterion's directory")
    ap.add_argument("--sort", choices=("run", "name"), default="run")
    ap.add_argument("--machine", action="store_true", help="name the CPU and its cores")
    args = ap.parse_args()

    if not args.criterion.is_dir():
        print(f"bench_table: no {args.criterion} (run `cargo bench` first)", file=sys.stderr)
        return 1
    rows = [r for r in load(args.criterion) if r[1]["full_id"].startswith(args.prefix)]
    if not rows:
        print(f"bench_table: no results under {args.criterion}", file=sys.stderr)
        return 1
    if args.sort == "name":
        rows.sort(key=lambda r: r[1]["full_id"])
    else:
        # Groups in the order they ran; inside a group, by size, then by id.
        first = {}
        for mtime, bench, _ in rows:
            g = bench["group_id"]
            first[g] = min(first.get(g, mtime), mtime)
        rows.sort(
            key=lambda r: (
                first[r[1]["group_id"]],
                (throughput_of(r[1]) or (0, ""))[0],
                r[1]["full_id"],
            )
        )

    if args.machine:
        model = "unknown CPU"
        try:
            with open("/proc/cpuinfo", encoding="utf-8") as f:
                for line in f:
                    if line.startswith("model name"):
                        model = line.split(":", 1)[1].strip()
                        break
        except OSError:
            pass
        print(f"Machine: {model}, {os.cpu_count()} cores.\n")

    print("| bench | median | 95% CI of the median | elements | per element | rate |")
    print("|---|---:|---|---:|---:|---:|")
    for _, bench, est in rows:
        med = est["median"]
        ns = med["point_estimate"]
        ci = med["confidence_interval"]
        cells = [
            f"`{bench['full_id']}`",
            fmt_time(ns),
            f"{fmt_time(ci['lower_bound'])} – {fmt_time(ci['upper_bound'])}",
        ]
        tp = throughput_of(bench)
        if tp and tp[0] > 0:
            n, unit = tp
            extra = ""
            b = bytes_of(bench)
            if b:
                extra = f" ({fmt_rate(b / (ns / 1e9), 'B')})"
            cells += [
                f"{n:,}",
                fmt_time(ns / n),
                fmt_rate(n / (ns / 1e9), unit) + extra,
            ]
        else:
            cells += ["", "", ""]
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
