#!/usr/bin/env bash
# Benchmark: index build and query latency on deterministic synthetic corpora.
#
#   bash Scripts/bench.sh [SIZES…]      (default: 10000 100000; add 1000000 for the 1M run)
#
# For each size it generates (once, cached in bench-out/data) a corpus and 1,000 queries, builds a
# release binary, then runs two processes: one builds the index (time, MB/s, bytes, peak RSS),
# one opens it and times top-10 queries in process (p50/p99, QPS, RSS after opening).
# It also generates 2,000 HTML policy pages and measures ingest (parse, and parse + store).
# Results: bench-out/results.json and bench-out/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
out=bench-out
mkdir -p "$out/data"
bash Scripts/install-deps.sh
swift build -c release --product zhixun-bench >&2
bench=.build/release/zhixun-bench
[ -f "$out/data/queries.jsonl" ] || python3 Scripts/gen_queries.py --count 1000 --seed 7 --out "$out/data/queries.jsonl"
results="$out/results.jsonl"
: > "$results"
for n in "${sizes[@]}"; do
  corpus="$out/data/corpus-$n.jsonl"
  if [ ! -f "$corpus" ]; then
    echo "generating $n passages…" >&2
    python3 Scripts/gen_corpus.py --passages "$n" --seed 42 --out "$corpus.tmp" && mv "$corpus.tmp" "$corpus"
  fi
  echo "building index of $n passages…" >&2
  build=$("$bench" build "$corpus" "$out/index-$n")
  echo "querying $n passages…" >&2
  query=$("$bench" query "$out/index-$n" "$out/data/queries.jsonl" --repeat 3)
  python3 - "$n" "$build" "$query" >> "$results" <<'PY'
import json, sys
n, build, query = int(sys.argv[1]), json.loads(sys.argv[2]), json.loads(sys.argv[3])
print(json.dumps({"passages": n, "build": build, "query": query}))
PY
  rm -rf "$out/index-$n"
done
# Ingest: 2,000 generated HTML policy pages, parsed and stored.
html="$out/data/html-2000"
if [ ! -d "$html" ]; then
  [ -f "$out/data/corpus-10000.jsonl" ] || python3 Scripts/gen_corpus.py --passages 10000 --seed 42 --out "$out/data/corpus-10000.jsonl"
  python3 Scripts/gen_html.py --corpus "$out/data/corpus-10000.jsonl" --pages 2000 --out "$html"
fi
echo "ingesting 2,000 HTML pages…" >&2
"$bench" ingest "$html" > "$out/ingest.json"
python3 - "$results" "$out/results.json" "$out/results.md" "$out/ingest.json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
ingest = json.load(open(sys.argv[4]))
json.dump({"index": rows, "ingest_html": ingest}, open(sys.argv[2], "w"), indent=2)
mb = lambda b: b / 1048576
lines = ["| passages | input MB | build s | build MB/s | index MB | build peak RSS MB | RSS after open MB | RSS/index | p50 ms | p99 ms | QPS |",
         "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
for r in rows:
    b, q = r["build"], r["query"]
    lines.append(f"| {r['passages']:,} | {mb(b['input_bytes']):.0f} | {b['build_seconds']:.2f} | {b['build_mb_per_s']:.1f} | "
                 f"{mb(b['index_bytes']):.1f} | {mb(b['peak_rss_bytes']):.0f} | {mb(q['rss_after_open_bytes']):.0f} | "
                 f"{q['rss_after_open_bytes'] / b['index_bytes']:.2f} | {q['p50_us'] / 1000:.3f} | {q['p99_us'] / 1000:.3f} | {q['qps']:.0f} |")
lines += ["", "| HTML ingest | files | MB | parse docs/s | parse MB/s | parse+store docs/s | parse+store MB/s |",
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
          f"| generated policy pages | {ingest['files']:,} | {mb(ingest['input_bytes']):.1f} | {ingest['parse_documents_per_s']:.0f} | "
          f"{ingest['parse_mb_per_s']:.2f} | {ingest['ingest_documents_per_s']:.0f} | {ingest['ingest_mb_per_s']:.2f} |"]
open(sys.argv[3], "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
