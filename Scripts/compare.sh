#!/usr/bin/env bash
# Zhixun side by side with tantivy, PISA, bm25s (numba and numpy), Lucene and SQLite FTS5.
#
#   bash Scripts/compare.sh [SIZES…]        (default: 10000 100000; add 1000000 for the 1M run)
#   ZHIXUN_COMPARE_ENGINES=zhixun,tantivy bash Scripts/compare.sh 100000     (a subset)
#
# Creates a Python virtual environment from PyPI with the peers (bench-out/venv; Lucene is the one
# in pyserini's Anserini jar, driven by Scripts/compare/LuceneBench.java on the installed Java),
# builds the release zhixun-bench, then for each size runs every engine over the same synthetic
# corpus and 1,000 queries (Scripts/compare/run.py). Records accumulate in
# bench-out/compare/results.jsonl (the last one per size and engine counts); the report is
# results.json, results.md (tables, ratios, targets, growth) and latency.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
out=bench-out/compare
venv=bench-out/venv
mkdir -p "$out"

bash Scripts/install-deps.sh
if ! command -v javac >/dev/null; then
  apt-get update -qq && apt-get install -y -qq openjdk-17-jdk-headless >/dev/null
fi
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q -r Scripts/compare/requirements.txt
# pyserini is here for its Lucene (Anserini fat jar); its Python dependencies are not needed.
"$venv/bin/pip" install -q --no-deps pyserini==0.22.1
jar=$(ls "$venv"/lib/python3*/site-packages/pyserini/resources/jars/anserini-*-fatjar.jar | head -1)
mkdir -p "$out/classes"
javac -cp "$jar" -d "$out/classes" Scripts/compare/LuceneBench.java

swift build -c release --product zhixun-bench >&2
"$venv/bin/python" Scripts/compare/run.py --sizes "${sizes[@]}" --out "$out" \
  --python "$venv/bin/python" --lucene-classpath "$jar:$out/classes" \
  ${ZHIXUN_COMPARE_ENGINES:+--engines "$ZHIXUN_COMPARE_ENGINES"}
"$venv/bin/python" Scripts/compare/report.py "$out"
