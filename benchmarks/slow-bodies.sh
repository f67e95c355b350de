#!/usr/bin/env bash
# Slow-body load on the registry (issue 13 item 2): GET latency while 400 anonymous connections trickle
# bodies to the compatibility dry run, against a quiet baseline in the same session.
#
#   benchmarks/slow-bodies.sh                  30 s per run, 400 slow connections, 4 GET threads
#   BASE_JAR=/path/old.jar benchmarks/slow-bodies.sh   also runs an older jar (e.g. main before the fix)
#
# Loopback only: starts `tokencontract serve --dev` on a free 127.0.0.1 port with throwaway data, publishes
# one contract, then runs benchmarks/slow-bodies/SlowBodiesLoad.java (plain JDK, `java File.java`): the
# slow connections send one byte each every 500 ms and reconnect whenever the server answers or closes one.
# Writes benchmarks/results/slow-bodies.md and prints it. Not a test: nothing fails on a slow number.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
seconds="${SECONDS_PER_RUN:-30}"
slow="${SLOW:-400}"
getters="${GETTERS:-4}"
"$root/bin/tokencontract" --version >/dev/null   # builds the jar when stale
work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

contract='{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://tokencontract.dev/contracts/hostile.crm/1.0.0","x-contract":{"name":"hostile.crm","version":"1.0.0","kind":"jwt-access-token","owner":"identity-team"},"x-jose":{"alg":["RS256"],"typ":["at+jwt","application/at+jwt"]},"type":"object","required":["iss","aud","exp"],"properties":{"iss":{"type":"string","format":"uri"},"aud":{"type":["string","array"],"minLength":1,"minItems":1,"items":{"type":"string","minLength":1}},"exp":{"type":"integer","minimum":0,"maximum":253402300799}}}'

measure() { # label jar
  local label="$1" jar="$2" port data
  port="$(free_port)"; data="$work/data-$label"
  java -XX:+UseParallelGC -Xms512m -Xmx512m -jar "$jar" serve --dev --host 127.0.0.1 --port "$port" --data "$data" >"$work/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  curl -fsS -o /dev/null -X POST -H "Content-Type: application/json" -H "Authorization: Bearer $(cat "$data/dev-publisher.token")" \
    --data-binary "$contract" "http://127.0.0.1:$port/contracts/hostile.crm/versions"
  for _ in $(seq 1 2000); do curl -fsS -o /dev/null "http://127.0.0.1:$port/contracts/hostile.crm/versions/1.0.0"; done # warm up
  java "$here/slow-bodies/SlowBodiesLoad.java" "$port" "$label quiet" 0 "$getters" "$seconds" 500 >>"$work/rows"
  java "$here/slow-bodies/SlowBodiesLoad.java" "$port" "$label under attack" "$slow" "$getters" "$seconds" 500 >>"$work/rows"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

[[ -n "${BASE_JAR:-}" ]] && measure "base" "$BASE_JAR"
measure "this" "$root/cli/target/tokencontract.jar"

mkdir -p "$here/results"
{
  echo "# Slow request bodies (benchmarks/slow-bodies.sh)"
  echo
  cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
  echo "Machine: $(nproc) vCPU $cpu, $(uname -sr); $(java -version 2>&1 | head -1); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Each run: ${seconds} s; GET threads send GETs back to back over keep-alive HTTP/1.1 (exact version, /health/live, latest in turn)"
  echo "while the slow connections each send one body byte every 500 ms to POST /contracts/hostile.crm/compatibility"
  echo "(declared 100,000 bytes) and reconnect when answered. A GET over 5 s counts as failed. Registry: serve --dev,"
  echo "-XX:+UseParallelGC -Xmx512m, default limits; load generator and registry share the cores."
  echo
  echo "| run | slow conns | GET threads | GETs | p50 ms | p90 ms | p99 ms | max ms | failed GETs | slow conns opened | slow conns answered |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  cat "$work/rows"
} >"$here/results/slow-bodies.md"
cat "$here/results/slow-bodies.md"
