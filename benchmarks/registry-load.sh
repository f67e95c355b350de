#!/usr/bin/env bash
# Load benchmark of the registry's hot path against nginx serving the same bytes, in one session.
#
#   benchmarks/registry-load.sh              64 connections, 30 s per run (about 4 minutes)
#   benchmarks/registry-load.sh --quick      64 connections, 5 s per run (numbers indicative only)
#
# Needs wrk and nginx (Debian: apt-get install -y wrk nginx). Builds the CLI jar when stale (through
# bin/tokencontract). Starts nginx and `tokencontract serve` on free loopback ports with throwaway data,
# warms the registry's JIT, then runs wrk (2 threads, keep-alive) against:
#   nginx     the contract file served statically (the ceiling)
#   exact     GET /contracts/mcp-access-token/versions/1.0.0
#   304       the same with If-None-Match: <its ETag>
#   latest    GET /contracts/mcp-access-token/versions/latest
#   nginx     again, to show how much the machine drifted during the session
# Writes benchmarks/results/registry-load.md (committed) and prints it. Not a test: nothing here fails
# on a slow number. See docs/benchmarks.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
duration=30s
warmup=15s
[[ "${1:-}" == "--quick" ]] && { duration=5s; warmup=5s; }
connections=64
path=/contracts/mcp-access-token/versions/1.0.0

for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "registry-load: $tool is needed (apt-get install -y wrk nginx curl)" >&2; exit 2; }
done

work="$(mktemp -d)"
chmod 755 "$work"   # nginx workers run as another user and must read the served file
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- the registry -------------------------------------------------------------------------------
"$root/bin/tokencontract" --version >/dev/null   # builds the jar when stale
reg_port="$(free_port)"
java -XX:+UseParallelGC -Xms512m -Xmx512m -jar "$root/cli/target/tokencontract.jar" serve \
  --port "$reg_port" --data "$work/registry" >"$work/registry.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$reg_port/health/ready" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$reg_port/health/ready" >/dev/null || { cat "$work/registry.log" >&2; exit 3; }

# --- nginx serving the same bytes ----------------------------------------------------------------
ngx_port="$(free_port)"
mkdir -p "$work/www/contracts/mcp-access-token/versions" "$work/nginx-tmp"
curl -fsS "http://127.0.0.1:$reg_port$path" -o "$work/www$path"
chmod -R a+rX "$work/www"
etag="$(curl -fsSI "http://127.0.0.1:$reg_port$path" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')"
cat >"$work/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-tmp;
  proxy_temp_path $work/nginx-tmp;
  fastcgi_temp_path $work/nginx-tmp;
  uwsgi_temp_path $work/nginx-tmp;
  scgi_temp_path $work/nginx-tmp;
  default_type application/json;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$ngx_port;
    root $work/www;
    add_header Cache-Control "public, max-age=31536000, immutable";
  }
}
EOF
nginx -c "$work/nginx.conf" -p "$work" -e "$work/nginx-error.log"
sleep 0.3
curl -fsS "http://127.0.0.1:$ngx_port$path" | cmp - "$work/www$path"

# --- runs ------------------------------------------------------------------------------------------
run() { # label url [header]
  local label="$1" url="$2"; shift 2
  wrk -t2 -c"$connections" -d"$duration" --latency "$@" "$url" >"$work/$label.txt"
  echo "ran $label" >&2
}
wrk -t2 -c"$connections" -d"$warmup" "http://127.0.0.1:$reg_port$path" >/dev/null
wrk -t2 -c"$connections" -d"$warmup" -H "If-None-Match: $etag" "http://127.0.0.1:$reg_port$path" >/dev/null
wrk -t2 -c"$connections" -d"$warmup" "http://127.0.0.1:$reg_port/contracts/mcp-access-token/versions/latest" >/dev/null
run nginx-before "http://127.0.0.1:$ngx_port$path"
run exact "http://127.0.0.1:$reg_port$path"
run not-modified "http://127.0.0.1:$reg_port$path" -H "If-None-Match: $etag"
run latest "http://127.0.0.1:$reg_port/contracts/mcp-access-token/versions/latest"
run nginx-after "http://127.0.0.1:$ngx_port$path"

mkdir -p "$here/results"
python3 - "$work" "$duration" "$connections" "$(nproc)" >"$here/results/registry-load.md" <<'EOF'
import re, sys, platform, subprocess
work, duration, conns, cpus = sys.argv[1:5]
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
rows = {l: parse(l) for l in ["nginx-before", "exact", "not-modified", "latest", "nginx-after"]}
ceiling = (rows["nginx-before"][0] + rows["nginx-after"][0]) / 2
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
nginx = subprocess.run(["nginx", "-v"], capture_output=True, text=True).stderr.strip()
wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
wrkv = (wrk.stdout + wrk.stderr).splitlines()[0]
print("# Registry load benchmark (benchmarks/registry-load.sh)\n")
print(f"Machine: {cpus} vCPU {cpu}, {platform.platform()}; {java}; {nginx}; {wrkv}.")
print(f"wrk -t2 -c{conns} -d{duration} --latency on loopback, keep-alive; wrk, nginx and the registry share the same cores.")
print("The registry ran with -XX:+UseParallelGC -Xms512m -Xmx512m over its embedded H2 store, warmed first.\n")
print("| run | req/s | p50 ms | p99 ms | non-2xx/3xx | socket errors | ratio to nginx (mean of both nginx runs) |")
print("|---|---:|---:|---:|---:|---|---:|")
for label, (rps, p50, p99, errs, sock) in rows.items():
    print(f"| {label} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {errs} | {sock} | {rps / ceiling:.2f} |")
EOF
cat "$here/results/registry-load.md"
