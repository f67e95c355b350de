#!/usr/bin/env bash
# Load run of the registry's web pages (issue 16): 100 contracts x 20 versions, each page measured with wrk.
#
#   scripts/ui-load.sh            8 connections, 20 s per page after a 10 s warm-up (about 6 minutes with seeding)
#   scripts/ui-load.sh --quick    8 connections, 5 s per page (numbers indicative only)
#
# Needs wrk, curl and python3 (Debian: apt-get install -y wrk curl python3). Builds the CLI jar when stale
# (through bin/tokencontract). Starts `tokencontract serve --dev` (embedded H2) on a free loopback port with
# throwaway data, seeds it through the HTTP API (scripts/ui-load/seed.py: every publish passes the real
# compatibility gate), then for each page: the weight (HTML + CSS + JS as sent, scripts/ui-load/weight.py) and
# wrk (2 threads, keep-alive, Accept: text/html) for p50/p99. Writes scripts/ui-load/results.md and prints it.
# Not a test: nothing fails on a slow number. Targets (issue 16): p99 <= 50 ms, weight <= 200 KB.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
duration=20s
warmup=10s
[[ "${1:-}" == "--quick" ]] && { duration=5s; warmup=5s; }
connections=8
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
  "list=/ui/contracts"
  "contract=/ui/contracts/$middle"
  "compare=/ui/contracts/$middle/compare?from=1.0.0&to=1.$last.0"
  "explain=/ui/explain"
  "admin=/ui/admin"
  "api-docs=/ui/api"
)
python3 "$here/ui-load/weight.py" "$base" "${pages[@]}" >"$work/weight.tsv"

for spec in "${pages[@]}"; do
  label="${spec%%=*}"; path="${spec#*=}"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept: text/html' "$base$path")
  [[ "$status" == 200 ]] || { echo "ui-load: $path answered $status" >&2; exit 4; }
  wrk -t2 -c"$connections" -d"$warmup" -H 'Accept: text/html' "$base$path" >/dev/null
  wrk -t2 -c"$connections" -d"$duration" --latency -H 'Accept: text/html' "$base$path" >"$work/$label.txt"
  echo "ran $label" >&2
done

python3 - "$work" "$duration" "$connections" "$contracts" "$versions" "$seed_seconds" "${pages[@]}" \
  >"$here/ui-load/results.md" <<'PY'
import re, sys, platform, subprocess
work, duration, conns, contracts, versions, seed_seconds = sys.argv[1:7]
pages = [p.split("=", 1) for p in sys.argv[7:]]
weights = {}
for line in open(f"{work}/weight.tsv"):
    label, html, css, js, total, files = line.rstrip("\n").split("\t")
    weights[label] = (int(html), int(css), int(js), int(total), files)
def parse(label):
    text = open(f"{work}/{label}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def ms(q):
        m = re.search(rf"\s{q}%\s+([\d.]+)(us|ms|s)\b", text)
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sock = re.search(r"Socket errors: (.*)", text)
    return rps, ms(50), ms(99), (int(errors.group(1)) if errors else 0), (sock.group(1) if sock else "none")
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.splitlines()[0]
load = open("/proc/loadavg").read().split()[:3]
print(f"Machine: {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} vCPU {cpu}, "
      f"{platform.platform()}; {java}; {wrk}. Load average before the report: {' '.join(load)}.")
print(f"Store: {contracts} contracts x {versions} versions (embedded H2), seeded through the API in {seed_seconds} s.")
print(f"wrk -t2 -c{conns} -d{duration} --latency -H 'Accept: text/html', keep-alive, after a warm-up; wrk and the "
      "registry (-XX:+UseParallelGC -Xms512m -Xmx512m) share the same cores.")
print()
print("| page | path | req/s | p50 ms | p99 ms | non-2xx | HTML B | CSS B | JS B | total KB | p99 <= 50 ms | <= 200 KB |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
for label, path in pages:
    rps, p50, p99, errors, sock = parse(label)
    html, css, js, total, files = weights[label]
    print(f"| {label} | `{path}` | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {errors} | {html:,} | {css:,} | {js:,} | "
          f"{total / 1024:.1f} | {'yes' if p99 <= 50 else 'NO'} | {'yes' if total <= 200 * 1024 else 'NO'} |")
print()
print("Files each page loads: " + "; ".join(f"{label}: {weights[label][4] or '(none)'}" for label, _ in pages) + ".")
PY
cat "$here/ui-load/results.md"
