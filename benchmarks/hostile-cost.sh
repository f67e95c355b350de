#!/usr/bin/env bash
# Issue 13's cost target: the worst hostile token costs at most 2x an ordinary rejected one. Runs
# HostileTokenBenchmark (JMH, average time) and prints every benchmark as a ratio to ordinaryRejected from
# the same run. See docs/benchmarks.md.
#
#   benchmarks/hostile-cost.sh           2 forks, 3x2 s warm-up, 5x2 s measurement (about 3 minutes)
#   benchmarks/hostile-cost.sh --quick   1 fork, 2x1 s + 3x1 s (indicative only)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
settings=(-f 2 -wi 3 -i 5 -w 2s -r 2s)
[[ "${1:-}" == "--quick" ]] && settings=(-f 1 -wi 2 -i 3 -w 1s -r 1s)

if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src" "$root/validator-lib/src/main" -newer "$jar" -type f -print -quit)" ]]; then
    echo "building $jar ..."
    (cd "$root" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests)
fi
mkdir -p "$here/results"
out="$here/results/$(date -u +%Y%m%dT%H%M%SZ)-hostile.json"
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$jar" HostileTokenBenchmark "${settings[@]}" -jvmArgsAppend -Dslf4j.internal.verbosity=ERROR -bm avgt -tu us -rf json -rff "$out" > /dev/null
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$out" <<'PY'
import json, sys
runs = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
base = runs["ordinaryRejected"]["score"]
print("| benchmark | µs/op (± 99.9% CI) | ratio to ordinaryRejected |")
print("|---|---:|---:|")
for name in ["ordinaryRejected", "hostileZeroSignature", "hostileTypeViolationsSigned", "hostileZeroSignatureDiagnosed"]:
    m = runs[name]
    print(f"| {name} | {m['score']:,.1f} ± {m['scoreError']:,.1f} | {m['score'] / base:,.2f} |")
ratio = runs["hostileZeroSignature"]["score"] / base
print(f"target (hostileZeroSignature <= 2x ordinaryRejected): {'met' if ratio <= 2 else 'NOT met'} ({ratio:.2f}x)")
PY
