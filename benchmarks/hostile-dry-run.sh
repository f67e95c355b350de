#!/usr/bin/env bash
# CPU amplification through the anonymous dry run (issue 13 item 3): how long POST .../compatibility takes
# for hostile bodies against N stored versions (the counterexample search runs per version and direction).
#
#   benchmarks/hostile-dry-run.sh                         122 versions, this build
#   VERSIONS=30 BASE_JAR=/path/old.jar benchmarks/hostile-dry-run.sh   also an older jar, for the ratio
#
# Loopback only: `tokencontract serve --dev` on a free 127.0.0.1 port with throwaway data. Each body widens
# the roles enum and the exp range (breaks producers: claim sets are generated from the submitted schema)
# and demands minProperties N. Writes benchmarks/results/hostile-dry-run.md. Not a test.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
versions="${VERSIONS:-122}"
"$root/bin/tokencontract" --version >/dev/null
work="$(mktemp -d)"
pid=""
cleanup() { [[ -n "$pid" ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

contract() { # version [minProperties]
  python3 - "$@" <<'PY'
import json, sys
version = sys.argv[1]
d = {"$schema": "https://json-schema.org/draft/2020-12/schema",
     "$id": "https://tokencontract.dev/contracts/hostile.crm/" + version,
     "x-contract": {"name": "hostile.crm", "version": version, "kind": "jwt-access-token", "owner": "identity-team"},
     "x-jose": {"alg": ["RS256"], "typ": ["at+jwt", "application/at+jwt"]},
     "type": "object", "required": ["iss", "aud", "exp"],
     "properties": {"iss": {"type": "string", "format": "uri"},
                    "aud": {"type": ["string", "array"], "minLength": 1, "minItems": 1, "items": {"type": "string", "minLength": 1}},
                    "exp": {"type": "integer", "minimum": 0, "maximum": 253402300799},
                    "roles": {"type": "array", "items": {"enum": ["reader", "writer"]}}}}
if len(sys.argv) > 2:
    d["properties"]["roles"]["items"]["enum"].append("root")
    d["properties"]["exp"] = {"type": "integer", "minimum": 0}
    d["minProperties"] = int(sys.argv[2])
else:
    d["description"] = "v" + version
print(json.dumps(d))
PY
}

measure() { # label jar
  local label="$1" jar="$2" port data token
  port="$(free_port)"; data="$work/data-$label"
  java -XX:+UseParallelGC -Xms512m -Xmx512m -jar "$jar" serve --dev --host 127.0.0.1 --port "$port" --data "$data" >"$work/$label.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 150); do curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
  token="$(cat "$data/dev-publisher.token")"
  for minor in $(seq 0 $((versions - 1))); do
    contract "1.$minor.0" >"$work/v.json"
    curl -fsS -o /dev/null -X POST -H "Content-Type: application/json" -H "Authorization: Bearer $token" \
      --data-binary @"$work/v.json" "http://127.0.0.1:$port/contracts/hostile.crm/versions"
  done
  for min in 1000000 9000 500; do
    contract 9.0.0 "$min" >"$work/h.json"
    curl -s -o "$work/answer.json" -w "| $label | $versions | $(wc -c <"$work/h.json") | minProperties $min | %{http_code} | %{time_total} |" \
      -X POST -H "Content-Type: application/json" --data-binary @"$work/h.json" \
      "http://127.0.0.1:$port/contracts/hostile.crm/compatibility" >>"$work/rows"
    python3 -c 'import json,sys,collections; d=json.load(open(sys.argv[1])); c=collections.Counter(n["reason"].split(" ")[0] for n in d.get("notSearched",[])); print(" %d | %s |" % (len(d.get("counterexamples",[])), ", ".join("%s %d" % kv for kv in sorted(c.items())) or "(member absent)"))' "$work/answer.json" >>"$work/rows"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

[[ -n "${BASE_JAR:-}" ]] && measure base "$BASE_JAR"
measure this "$root/cli/target/tokencontract.jar"
mkdir -p "$here/results"
{
  echo "# Hostile dry runs (benchmarks/hostile-dry-run.sh)"
  echo
  cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
  echo "Machine: $(nproc) vCPU $cpu, $(uname -sr); $(java -version 2>&1 | head -1); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "One anonymous POST /contracts/hostile.crm/compatibility per row (curl's total time), FULL_TRANSITIVE, default limits."
  echo
  echo "| build | stored versions | body bytes | body | status | seconds | counterexamples | not searched (reason: count) |"
  echo "|---|---:|---:|---|---:|---:|---:|---|"
  cat "$work/rows"
} >"$here/results/hostile-dry-run.md"
cat "$here/results/hostile-dry-run.md"
