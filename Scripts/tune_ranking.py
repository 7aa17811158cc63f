#!/usr/bin/env python3
"""Sweep BM25F parameters (field weights, k1, b) on the evaluation set and print the best.

    python3 Scripts/tune_ranking.py --data Indexes --queries Tests/Fixtures/eval/questions.jsonl

Each configuration rebuilds the index in a scratch copy of the data directory with
`zhixun rebuild --field-weights … --k1 … --b …` and runs `zhixun eval --json`. The result is a
table sorted by MRR@10; weights are chosen on the evaluation set, never by hand-picking results.
"""
import argparse
import itertools
import json
import shutil
import subprocess
import tempfile


def run(binary: str, data: str, queries: str, weights, k1: float, b) -> dict:
    b = ",".join(str(x) for x in b) if isinstance(b, tuple) else str(b)
    subprocess.run([binary, "rebuild", "--data", data, "--json", "--k1", str(k1), "--b", b,
                    "--field-weights", ",".join(str(w) for w in weights)], check=True, capture_output=True)
    out = subprocess.run([binary, "eval", "--data", data, "--json", "--queries", queries],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default="Indexes")
    parser.add_argument("--queries", default="Tests/Fixtures/eval/questions.jsonl")
    parser.add_argument("--binary", default=".build/release/zhixun")
    parser.add_argument("--per-field-b", action="store_true",
                        help="keep weights and k1 at the defaults and sweep b per field (title, alias, body, tags)")
    args = parser.parse_args()
    scratch = tempfile.mkdtemp(prefix="zhixun-tune-")
    shutil.copytree(args.data, scratch, dirs_exist_ok=True)
    results = []
    if args.per_field_b:
        for bs in itertools.product([0.3, 0.5, 0.75, 1.0], [0.3, 0.5, 0.75], [0.3, 0.5, 0.75], [0.5]):
            r = run(args.binary, scratch, args.queries, (1.0, 2.0, 1.0, 0.5), 0.9, bs)
            results.append((r["mrrAt10"], r["successAt1"]) + bs)
        results.sort(reverse=True)
        print("MRR@10  S@1    b: title alias body tags")
        for row in results[:15]:
            print("%.3f   %.3f     %.2f  %.2f  %.2f  %.2f" % row)
        shutil.rmtree(scratch, ignore_errors=True)
        return
    grid = itertools.product([1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0], [1.0], [0.5, 1.5], [0.9, 1.2, 1.6], [0.5, 0.75])
    for title, alias, body, tags, k1, b in grid:
        r = run(args.binary, scratch, args.queries, (title, alias, body, tags), k1, b)
        results.append((r["mrrAt10"], r["successAt1"], title, alias, body, tags, k1, b))
    results.sort(reverse=True)
    print("MRR@10  S@1    title alias body tags  k1   b")
    for row in results[:15]:
        print("%.3f   %.3f  %5.1f %5.1f %4.1f %4.1f  %.1f  %.2f" % row)
    shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
