#!/usr/bin/env python3
"""Turns ``results.jsonl`` of ``run.py`` into ``results.json``, ``results.md`` and ``latency.svg``.

    report.py OUT_DIR

For each size the markdown has one row per engine (build with and without analysis, index
bytes, peak RSS, p50/p99, QPS, top-10 agreement with Zhixun), then Zhixun's ratio against each
peer, the targets of issue #6 checked, and how each engine grows with corpus size. The last
record of each (size, engine) pair wins, so a rerun of one engine replaces its row.
"""

import json
import math
import os
import sys

MB = 1 << 20


def load(out):
    records = {}
    for line in open(os.path.join(out, "results.jsonl")):
        r = json.loads(line)
        records[(r["passages"], r["engine"])] = r
    return records


def fmt(x, digits=2):
    return "–" if x is None else f"{x:,.{digits}f}"


def row_values(r):
    b, q = r.get("build", {}), r.get("query", {})
    analysis = r["analysis"]["analysis_seconds"]
    if r["engine"] == "zhixun":
        with_analysis, without = b.get("build_seconds"), b.get("build_seconds", 0) - analysis
    else:
        without = b.get("build_seconds")
        with_analysis = without + analysis if without is not None else None
    return {
        "with": with_analysis, "without": without,
        "index": b.get("index_bytes"), "build_rss": b.get("peak_rss_bytes"),
        "serve_rss": q.get("peak_rss_bytes"), "p50": q.get("p50_us"), "p99": q.get("p99_us"),
        "qps": q.get("qps"), "agreement": r.get("top10_agreement"),
    }


def table(records, sizes, engines):
    lines = []
    for n in sizes:
        lines += [f"### {n:,} passages", "",
                  "| engine | build s (with analysis) | build s (index only) | index MB | build peak RSS MB | "
                  "serving peak RSS MB | p50 ms | p99 ms | QPS | top-10 agreement |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for e in engines:
            r = records.get((n, e))
            if r is None:
                continue
            if "error" in r:
                lines.append(f"| {e} | failed: {r['error'][:120]} | | | | | | | | |")
                continue
            v = row_values(r)
            agree = "(reference)" if e == "zhixun" else (fmt(v["agreement"] * 100, 1) + " %" if v["agreement"] is not None else "–")
            lines.append(f"| {e} | {fmt(v['with'])} | {fmt(v['without'])} | {fmt(v['index'] / MB, 1)} | "
                         f"{fmt(v['build_rss'] / MB, 0)} | {fmt(v['serve_rss'] / MB, 0)} | {fmt(v['p50'] / 1000, 3)} | "
                         f"{fmt(v['p99'] / 1000, 3)} | {fmt(v['qps'], 0)} | {agree} |")
        lines.append("")
    return lines


def ratios(records, sizes, engines):
    lines = ["### Zhixun against each peer (peer ÷ Zhixun: above 1 means Zhixun is faster or smaller)", "",
             "| passages | peer | build (with analysis) | index bytes | p50 | p99 |",
             "| ---: | --- | ---: | ---: | ---: | ---: |"]
    for n in sizes:
        ours = records.get((n, "zhixun"))
        if not ours or "error" in ours:
            continue
        z = row_values(ours)
        for e in engines:
            r = records.get((n, e))
            if e == "zhixun" or not r or "error" in r:
                continue
            v = row_values(r)
            lines.append(f"| {n:,} | {e} | {v['with'] / z['with']:.2f}× | {v['index'] / z['index']:.2f}× | "
                         f"{v['p50'] / z['p50']:.2f}× | {v['p99'] / z['p99']:.2f}× |")
    return lines + [""]


def targets(records, sizes, engines):
    lines = ["### Targets", "", "| passages | target | measured | met |", "| ---: | --- | --- | --- |"]
    for n in sizes:
        ours = records.get((n, "zhixun"))
        if not ours or "error" in ours:
            continue
        z = row_values(ours)
        peers = {e: row_values(records[(n, e)]) for e in engines
                 if e != "zhixun" and (n, e) in records and "error" not in records[(n, e)]}
        if peers:
            best50 = min(peers.items(), key=lambda kv: kv[1]["p50"])
            best99 = min(peers.items(), key=lambda kv: kv[1]["p99"])
            lines.append(f"| {n:,} | p50 below every peer | {z['p50'] / 1000:.3f} ms vs {best50[0]} {best50[1]['p50'] / 1000:.3f} ms "
                         f"| {'✓' if z['p50'] < best50[1]['p50'] else '✗'} |")
            lines.append(f"| {n:,} | p99 below every peer | {z['p99'] / 1000:.3f} ms vs {best99[0]} {best99[1]['p99'] / 1000:.3f} ms "
                         f"| {'✓' if z['p99'] < best99[1]['p99'] else '✗'} |")
        mismatches = ours["query"].get("exhaustive_mismatches")
        lines.append(f"| {n:,} | top-10 identical to exhaustive BM25 | {mismatches} of 1,000 queries differ | "
                     f"{'✓' if mismatches == 0 else '✗'} |")
        if "tantivy" in peers:
            t = peers["tantivy"]
            lines.append(f"| {n:,} | build ≥ 3× tantivy's throughput (with our analysis) | "
                         f"{t['with'] / z['with']:.2f}× ({z['with']:.2f} s vs {t['with']:.2f} s) | "
                         f"{'✓' if t['with'] / z['with'] >= 3 else '✗'} |")
            lines.append(f"| {n:,} | index ≤ 1.2× tantivy's | {z['index'] / t['index']:.2f}× | "
                         f"{'✓' if z['index'] <= 1.2 * t['index'] else '✗'} |")
        limit = z["index"] + 64 * MB
        lines.append(f"| {n:,} | serving peak RSS ≤ index + 64 MB | {z['serve_rss'] / MB:.0f} MB vs {limit / MB:.0f} MB | "
                     f"{'✓' if z['serve_rss'] <= limit else '✗'} |")
    return lines + [""]


def scaling(records, sizes, engines):
    if len(sizes) < 2:
        return []
    lo, hi = sizes[0], sizes[-1]
    lines = [f"### Growth from {lo:,} to {hi:,} passages ({hi / lo:.0f}× the passages)", "",
             "| engine | build time | index bytes | p50 | p99 |", "| --- | ---: | ---: | ---: | ---: |"]
    for e in engines:
        a, b = records.get((lo, e)), records.get((hi, e))
        if not a or not b or "error" in a or "error" in b:
            continue
        x, y = row_values(a), row_values(b)
        lines.append(f"| {e} | {y['with'] / x['with']:.1f}× | {y['index'] / x['index']:.1f}× | "
                     f"{y['p50'] / x['p50']:.1f}× | {y['p99'] / x['p99']:.1f}× |")
    return lines + [""]


def chart(records, sizes, engines, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    for ax, key, title in ((axes[0], "p50", "p50 latency"), (axes[1], "p99", "p99 latency")):
        for e in engines:
            points = [(n, row_values(records[(n, e)])[key] / 1000) for n in sizes
                      if (n, e) in records and "error" not in records[(n, e)]]
            if points:
                ax.plot([p[0] for p in points], [p[1] for p in points], marker="o",
                        linewidth=2.5 if e == "zhixun" else 1.2, label=e)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("passages")
        ax.set_ylabel("ms per top-10 query (log)")
        ax.set_title(title)
        ax.grid(True, which="both", alpha=0.3)
    axes[1].legend(fontsize=8)
    fig.suptitle("Top-10 BM25 latency against corpus size (one thread, same tokens and queries)")
    fig.tight_layout()
    fig.savefig(path)
    fig.savefig(path[:-4] + ".png", dpi=80)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "bench-out/compare"
    records = load(out)
    sizes = sorted({n for n, _ in records})
    order = ["zhixun", "tantivy", "pisa", "bm25s-numba", "bm25s", "lucene", "fts5"]
    engines = [e for e in order if any((n, e) in records for n in sizes)]
    lines = ["## Zhixun against its peers", "",
             "Same machine, one run; each engine indexes Zhixun's analysis of the same corpus (as whitespace "
             "tokens where it cannot analyse Chinese itself), BM25 k1 = 1.2, b = 0.75, top-10 disjunctive "
             "queries on one thread after a warm-up pass, time around the engine's search call only "
             "(Zhixun's includes its own query analysis). Build with analysis = index build + Zhixun's "
             "analysis time for the peers; Zhixun analyses while building.", ""]
    lines += table(records, sizes, engines) + ratios(records, sizes, engines)
    lines += targets(records, sizes, engines) + scaling(records, sizes, engines)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump([records[k] for k in sorted(records)], f, indent=2)
    try:
        chart(records, sizes, engines, os.path.join(out, "latency.svg"))
    except ImportError:
        print("matplotlib missing: no chart", file=sys.stderr)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
