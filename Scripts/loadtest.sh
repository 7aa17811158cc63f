#!/usr/bin/env bash
# Load benchmark of the answer API: a release build on loopback, wrk with 64 connections, and
# generation switches (rebuilds through the editor API) while the load runs.
#
#   bash Scripts/loadtest.sh [SECONDS]     (default 20)
#
# Reports answers/s, latency percentiles and errors (non-2xx responses and socket errors) as JSON
# in bench-out/loadtest.json and as text. Only 127.0.0.1 is ever contacted.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
out=bench-out
mkdir -p "$out"
bash Scripts/install-deps.sh
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product zhixun >&2
bin=.build/release/zhixun
data=$(mktemp -d /tmp/zhixun-load-XXXXXX)
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
"$bin" ingest Corpus --rebuild --data "$data" >/dev/null
port=18765
token=load-test-token
"$bin" serve --data "$data" --port "$port" --editor-token "$token" 2>"$out/loadtest-server.log" &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

# wrk script: rotate through the evaluation questions (URL-encoded), count non-2xx.
python3 - "$out/loadtest.lua" <<'PY'
import json, sys, urllib.parse
qs = [json.loads(l)["query"] for l in open("Tests/Fixtures/eval/questions.jsonl", encoding="utf-8")]
paths = ["/v1/answer?q=" + urllib.parse.quote(q) + "&session=load" for q in qs]
with open(sys.argv[1], "w") as f:
    f.write("paths = {\n" + ",\n".join('"%s"' % p for p in paths) + "\n}\n")
    f.write("""
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format('{"requests":%d,"seconds":%.3f,"non2xx":%d,"socket_errors":%d,', summary.requests,
    summary.duration / 1e6, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format('"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\\n', latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
""")
PY
# One wrk thread drives 64 connections at over 10,000 requests/s; a second one would only compete
# with the server for this machine's two cores and measure the scheduler instead of the server.
# Warm-up: one short pass over the questions first, as for any benchmark of a warm service (the
# first request of each question fills the answer cache and touches the index pages it needs).
wrk -t1 -c64 -d3s -s "$out/loadtest.lua" "http://127.0.0.1:$port" > /dev/null
generation() { curl -sf "http://127.0.0.1:$port/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["generation"])'; }
before=$(generation)
# Switch generations twice while the load runs; each rebuild's wall time (through the API, under
# load) goes to the report.
rebuild_log="$out/loadtest-rebuilds.txt"
: > "$rebuild_log"
# Each line: the rebuild's seconds, and when it finished, in seconds from the start of the load.
start=$(date +%s.%N)
( for n in 1 2; do
    sleep "$((seconds / 4))"
    took=$(curl -sf -o /dev/null -w '%{time_total}' -X POST -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port/v1/rebuild") || continue
    awk -v took="$took" -v now="$(date +%s.%N)" -v start="$start" 'BEGIN { print took, now - start }' >> "$rebuild_log"
    echo "rebuild $n done after $took s" >&2
  done ) &
rebuilds=$!
wrk -t1 -c64 -d"${seconds}s" --latency -s "$out/loadtest.lua" "http://127.0.0.1:$port" > "$out/loadtest-wrk.txt"
wait $rebuilds || true
after=$(generation)
result=$(grep '^{"requests"' "$out/loadtest-wrk.txt")
python3 - "$result" "$out/loadtest.json" "$before" "$after" "$rebuild_log" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
r["answers_per_s"] = r["requests"] / r["seconds"]
r["generation_before"], r["generation_after"] = sys.argv[3], sys.argv[4]
rows = [line.split() for line in open(sys.argv[5]) if line.strip()]
r["rebuild_seconds"] = [float(took) for took, _ in rows]
r["rebuilds_done_at_s"] = [float(at) for _, at in rows]
json.dump(r, open(sys.argv[2], "w"), indent=2)
print(f"{r['answers_per_s']:.0f} answers/s over {r['seconds']:.0f} s, p50 {r['p50_ms']:.2f} ms, p99 {r['p99_ms']:.2f} ms, "
      f"max {r['max_ms']:.1f} ms, non-2xx {r['non2xx']}, socket errors {r['socket_errors']}; "
      f"{len(r['rebuild_seconds'])} rebuilds ({', '.join(f'{s:.2f} s' for s in r['rebuild_seconds'])}), "
      f"served {r['generation_before']} -> {r['generation_after']}")
if len(rows) != 2 or r["generation_before"] == r["generation_after"] or max(r["rebuilds_done_at_s"]) > r["seconds"]:
    sys.exit("loadtest: the generations did not switch twice within the load; run longer (SECONDS) to measure the switches")
PY
