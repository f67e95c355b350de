#!/usr/bin/env bash
# Load run of the registry's web pages (issue 16): 100 contracts x 20 versions, each page measured with wrk.
#
#   scripts/ui-load.sh            1 and 8 connections, 15 s per page after a 5 s warm-up (about 10 minutes with seeding)
#   scripts/ui-load.sh --quick    3 s per page (numbers indicative only)
#
# Needs wrk, curl and python3 (Debian: apt-get install -y wrk curl python3). Builds the CLI jar when stale
# (through bin/tokencontract). Starts `tokencontract serve --dev` (embedded H2) on a free loopback port with
# throwaway data, seeds it through the HTTP API (scripts/ui-load/seed.py: every publish passes the real
# compatibility gate), then for each page: the weight (HTML + CSS + JS as sent, scripts/ui-load/weight.py) and
# wrk (keep-alive, Accept: text/html) for p50/p99, with 1 connection (one person) and 8 (a busy team). Two
# baselines run the same way in the same session, first and last: GET /health/live (the server's floor) and the JSON
# list GET /contracts (what the API pays for the same 100 contracts). Writes scripts/ui-load/results.md and prints it.
# Not a test: nothing fails on a slow number. Targets (issue 16): p99 <= 50 ms, weight <= 200 KB.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
duration=15s
warmup=5s
[[ "${1:-}" == "--quick" ]] && { duration=3s; warmup=2s; }
contracts=${CONTRACTS:-100}
versions=${VERSIONS:-20}

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "ui-load: $tool is needed (apt-get install -y wrk curl python3)" >&2; exit 2; }
done

work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

"$root/bin/tokencontract" --version >/dev/null   # builds the jar when stale
port="$(free_port)"
base="http://127.0.0.1:$port"
java -XX:+UseParallelGC -Xms512m -Xmx512m -jar "$root/cli/target/tokencontract.jar" serve --dev \
  --port "$port" --data "$work/registry" >"$work/registry.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do
  curl -fsS "$base/health/ready" >/dev/null 2>&1 && [[ -f "$work/registry/dev-publisher.token" ]] && break
  sleep 0.2
done
curl -fsS "$base/health/ready" >/dev/null || { cat "$work/registry.log" >&2; exit 3; }

seed_started=$(date +%s)
python3 "$here/ui-load/seed.py" "$base" "$work/registry/dev-publisher.token" "$contracts" "$versions" 2>"$work/seed.txt"
seed_seconds=$(( $(date +%s) - seed_started ))
cat "$work/seed.txt" >&2

last=$((versions - 1))
middle=$(printf 'load.contract-%03d' $((contracts / 2)))
pages=(
  "health=/health/live"
  "api-list=/contracts"
  "list=/ui/contracts"
  "contract=/ui/contracts/$middle"
  "compare=/ui/contracts/$middle/compare?from=1.0.0&to=1.$last.0"
  "explain=/ui/explain"
  "admin=/ui/admin"
  "api-docs=/ui/api"
  "health-again=/health/live"
  "api-list-again=/contracts"
)
python3 "$here/ui-load/weight.py" "$base" "${pages[@]:2:6}" >"$work/weight.tsv"

for spec in "${pages[@]}"; do
  label="${spec%%=*}"; path="${spec#*=}"
  accept='text/html'; [[ "$path" == /ui/* ]] || accept='application/json'
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Accept: $accept" "$base$path")
  [[ "$status" == 200 ]] || { echo "ui-load: $path answered $status" >&2; exit 4; }
  for c in 1 8; do
    threads=$(( c < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$c" -d"$warmup" -H "Accept: $accept" "$base$path" >/dev/null
    wrk -t"$threads" -c"$c" -d"$duration" --latency -H "Accept: $accept" "$base$path" >"$work/$label-c$c.txt"
  done
  echo "ran $label" >&2
done

python3 - "$work" "$duration" "$contracts" "$versions" "$seed_seconds" "${pages[@]}" \
  >"$here/ui-load/results.md" <<'PY'
import re, sys, platform, subprocess
work, duration, contracts, versions, seed_seconds = sys.argv[1:6]
pages = [p.split("=", 1) for p in sys.argv[6:]]
weights = {}
for line in open(f"{work}/weight.tsv"):
    label, html, css, js, total, files = line.rstrip("\n").split("\t")
    weights[label] = (int(html), int(css), int(js), int(total), files)
def parse(name):
    text = open(f"{work}/{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def ms(q):
        m = re.search(rf"\s{q}%\s+([\d.]+)(us|ms|s)\b", text)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, ms(50), ms(99), (int(errors.group(1)) if errors else 0)
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
load = open("/proc/loadavg").read().split()[:3]
print(f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} vCPU {cpu}, "
      f"{platform.platform()}; {java}; {wrk}. Load average at the end of the run: {' '.join(load)}.")
print(f"Store: {contracts} contracts x {versions} versions (embedded H2), seeded through the API in {seed_seconds} s.")
print(f"wrk --latency -d{duration} after a warm-up, keep-alive, with 1 connection (-t1 -c1) and 8 (-t2 -c8); "
      "wrk and the registry (-XX:+UseParallelGC -Xms512m -Xmx512m) share the same cores. Pages are asked for with "
      "Accept: text/html, the baselines with Accept: application/json.")
print()
health = [parse(f"{l}-c1")[1] for l in ("health", "health-again")]
floor = sum(health) / 2
print("| page | path | c=1 req/s | c=1 p50 ms | c=1 p99 ms | c=8 req/s | c=8 p50 ms | c=8 p99 ms | c=1 p50 / health p50 | non-2xx | weight KB (HTML+CSS+JS) | p99 <= 50 ms (c=1 / c=8) | <= 200 KB |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
for label, path in pages:
    one, eight = parse(f"{label}-c1"), parse(f"{label}-c8")
    weight = weights.get(label)
    w = f"{weight[3] / 1024:.1f} ({weight[0]:,}+{weight[1]:,}+{weight[2]:,} B)" if weight else "—"
    ok = lambda p99: "yes" if p99 <= 50 else "NO"
    print(f"| {label} | `{path}` | {one[0]:,.0f} | {one[1]:.2f} | {one[2]:.2f} | {eight[0]:,.0f} | {eight[1]:.2f} | "
          f"{eight[2]:.2f} | {one[1] / floor:.1f} | {one[3] + eight[3]} | {w} | "
          f"{ok(one[2]) + ' / ' + ok(eight[2]) if weight else '—'} | "
          f"{('yes' if weight[3] <= 200 * 1024 else 'NO') if weight else '—'} |")
print()
print("Files each page loads: " + "; ".join(f"{label}: {weights[label][4] or '(none)'}" for label in weights) + ".")
PY
cat "$here/ui-load/results.md"
