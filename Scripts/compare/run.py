#!/usr/bin/env python3
"""Runs Zhixun and its peers over the same corpora and queries; see ``Scripts/compare.sh``.

For each size it makes (or reuses) the synthetic corpus and queries, writes Zhixun's analysis
as whitespace tokens for the peers (``zhixun-bench tokenize``), then for each engine builds an
index in one process and queries it in another, so that peak RSS is the engine's own. Every
record goes to ``OUT/results.jsonl`` as soon as it is measured; ``report.py`` turns them into
``results.json``, ``results.md`` and ``latency.svg``.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ENGINES = ["zhixun", "tantivy", "pisa", "bm25s-numba", "bm25s", "lucene", "fts5"]


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run_json(command, timeout):
    """Runs `command`, returns its last stdout line parsed as JSON, or raises with its stderr."""
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"exit {done.returncode}: {done.stderr.strip()[-600:]}")
    lines = done.stdout.splitlines()
    first = max(i for i, line in enumerate(lines) if line.startswith("{"))  # the last object printed
    return json.loads("\n".join(lines[first:]))


def ensure_data(args, size):
    data = args.data
    os.makedirs(data, exist_ok=True)
    queries = os.path.join(data, "queries.jsonl")
    if not os.path.exists(queries):
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/gen_queries.py"), "--count", "1000",
                        "--seed", "7", "--out", queries], check=True)
    corpus = os.path.join(data, f"corpus-{size}.jsonl")
    if not os.path.exists(corpus):
        log(f"generating {size:,} passages")
        subprocess.run([sys.executable, os.path.join(ROOT, "Scripts/gen_corpus.py"), "--passages", str(size),
                        "--seed", "42", "--out", corpus + ".tmp"], check=True)
        os.replace(corpus + ".tmp", corpus)
    return corpus, queries


def agreement(ours, theirs):
    """Mean share of our top-10 that the peer also returns in its top-10 (1 when both are empty)."""
    a = [line.split() for line in open(ours)]
    b = [line.split() for line in open(theirs)]
    if len(a) != len(b):
        return None
    shares = [len(set(x) & set(y)) / len(x) if x else float(not y) for x, y in zip(a, b)]
    return sum(shares) / len(shares)


def commands(args, engine, tokens, corpus, queries, index, top):
    """The build and query commands of one engine."""
    if engine == "zhixun":
        return ([args.bench, "build", corpus, index, "--single-field", "--k1", "1.2", "--b", "0.75"],
                [args.bench, "query", index, queries, "--repeat", str(args.repeat), "--distinct", "--top", top,
                 "--check-exhaustive"])
    if engine == "lucene":
        java = ["java", "-Xms1g", "-Xmx4g", "-cp", args.lucene_classpath, "LuceneBench"]
        return (java + ["build", tokens, index],
                java + ["query", tokens, index, top, str(args.repeat), str(args.budget)])
    peers = [args.python, os.path.join(HERE, "peers.py"), engine]
    return (peers + ["build", tokens, index],
            peers + ["query", tokens, index, "--top", top, "--repeat", str(args.repeat), "--budget", str(args.budget)])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset of " + ",".join(ENGINES))
    parser.add_argument("--out", default=os.path.join(ROOT, "bench-out/compare"))
    parser.add_argument("--data", default=os.path.join(ROOT, "bench-out/data"))
    parser.add_argument("--bench", default=os.path.join(ROOT, ".build/release/zhixun-bench"))
    parser.add_argument("--python", default=sys.executable, help="interpreter with the peers installed")
    parser.add_argument("--lucene-classpath", default="")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes over the queries")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds of timed passes before stopping early")
    parser.add_argument("--timeout", type=float, default=4 * 3600, help="seconds one build or query may take")
    args = parser.parse_args()
    engines = [e for e in args.engines.split(",") if e]
    unknown = set(engines) - set(ENGINES)
    if unknown:
        parser.error(f"unknown engines: {', '.join(sorted(unknown))}")
    if "zhixun" in engines:  # agreement is measured against Zhixun's results
        engines.remove("zhixun")
        engines.insert(0, "zhixun")
    os.makedirs(args.out, exist_ok=True)
    results = os.path.join(args.out, "results.jsonl")

    for size in args.sizes:
        corpus, queries = ensure_data(args, size)
        tokens = os.path.join(args.out, f"tokens-{size}")
        previous = [json.loads(line) for line in open(results)] if os.path.exists(results) else []
        previous = [r["analysis"] for r in previous if r["passages"] == size and "analysis" in r]
        if engines == ["zhixun"] and previous:
            analysis = previous[-1]  # no peer needs the tokens; keep the measured analysis time
        else:
            log(f"{size:,}: writing the analysis as tokens for the peers")
            analysis = run_json([args.bench, "tokenize", corpus, queries, tokens], args.timeout)
        ours_top = os.path.join(args.out, f"top-{size}-zhixun.txt")
        for engine in engines:
            index = os.path.join(args.out, f"index-{size}-{engine}")
            top = os.path.join(args.out, f"top-{size}-{engine}.txt")
            shutil.rmtree(index, ignore_errors=True)
            record = {"passages": size, "engine": engine, "analysis": analysis}
            build, query = commands(args, engine, tokens, corpus, queries, index, top)
            try:
                log(f"{size:,}: {engine} build")
                record["build"] = run_json(build, args.timeout)
                log(f"{size:,}: {engine} query")
                record["query"] = run_json(query, args.timeout)
                if engine != "zhixun" and os.path.exists(ours_top):
                    record["top10_agreement"] = agreement(ours_top, top)
                log(f"{size:,}: {engine} build {record['build']['build_seconds']:.1f} s, "
                    f"p50 {record['query']['p50_us']:.0f} µs, p99 {record['query']['p99_us']:.0f} µs")
            except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as error:
                record["error"] = str(error)
                log(f"{size:,}: {engine} failed: {error}")
            shutil.rmtree(index, ignore_errors=True)
            with open(results, "a") as f:
                f.write(json.dumps(record) + "\n")
        shutil.rmtree(tokens, ignore_errors=True)


if __name__ == "__main__":
    main()
