#!/usr/bin/env bash
# First run on a fresh machine: install system libraries, build a release binary, ingest the
# shipped Corpus/ into Indexes/ (knowledge store + index generation) and try a search.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh
swift build -c release --product zhixun
.build/release/zhixun ingest Corpus --rebuild --data Indexes
.build/release/zhixun search "数电发票怎么红冲" --limit 3 --data Indexes
if .build/release/zhixun serve --help >/dev/null 2>&1; then
  exec .build/release/zhixun serve --data Indexes
fi
