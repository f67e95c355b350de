#!/usr/bin/env bash
# Runs the JMH suite and prints (c)/(a) and (c)/(b) per algorithm. See docs/benchmarks.md.
#
#   benchmarks/run.sh            full run for a quiet 2-core machine (about 15 minutes)
#   benchmarks/run.sh --quick    smoke run (about 3 minutes; numbers are indicative only)
#   benchmarks/run.sh -- ARGS    extra JMH arguments for both passes, e.g. -- -p alg=RS256
#
# Builds benchmarks/target/benchmarks.jar first when it is missing or older than any source or POM.
# Writes benchmarks/results/<stamp>-{avgt,thrpt}.json, <stamp>-machine.txt, and summary.md (the one
# file there that is committed). Exits 1 when the RS256 goal is not met in this run.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
results="$here/results"

quick=false
extra=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --quick) quick=true; shift ;;
        --) shift; extra=("$@"); break ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
done

# One fork at a time, single-threaded benchmarks: on 2 cores the second core absorbs JIT and GC.
if $quick; then
    settings=(-f 1 -wi 2 -i 3 -w 1s -r 1s)
else
    settings=(-f 2 -wi 3 -i 5 -w 2s -r 2s)
fi

needs_build() {
    [[ ! -f "$jar" ]] && return 0
    local newer
    newer="$(find "$root/pom.xml" "$here/pom.xml" "$here/src" \
        "$root/validator-lib/pom.xml" "$root/validator-lib/src/main" \
        "$root/contract-schemas/pom.xml" "$root/contract-schemas/src/main" \
        "$root/conformance-tests/pom.xml" "$root/conformance-tests/src/main" \
        -type f -newer "$jar" -print -quit 2>/dev/null)"
    [[ -n "$newer" ]]
}

if needs_build; then
    echo "building $jar ..."
    (cd "$root" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests)
fi

mkdir -p "$results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
machine="$results/$stamp-machine.txt"
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
    echo "run: $($quick && echo 'smoke (--quick)' || echo full) ${settings[*]} ${extra[*]:-}"
    echo "--- lscpu | head"
    lscpu 2>/dev/null | head -n 14 || echo "lscpu unavailable"
    echo "--- java -version"
    java -version 2>&1
} > "$machine"

avgt="$results/$stamp-avgt.json"
thrpt="$results/$stamp-thrpt.json"

echo "== average time, every benchmark, with allocation and CPU-time profilers"
java -jar "$jar" "${settings[@]}" -bm avgt -tu us \
    -prof gc -prof dev.tokencontract.benchmarks.CpuTimeProfiler \
    -rf json -rff "$avgt" "${extra[@]}"

echo "== throughput, the (a)/(b)/(c) comparison"
java -jar "$jar" 'TokenValidationBenchmark' "${settings[@]}" -bm thrpt -tu s \
    -rf json -rff "$thrpt" "${extra[@]}"

status=0
python3 "$here/ratios.py" --avgt "$avgt" --thrpt "$thrpt" --machine "$machine" --summary "$results/summary.md" || status=$?
echo "results: $avgt $thrpt"
echo "summary: $results/summary.md"
# Exit 1 when the RS256 goal ((c) <= 1.10 x (a) and <= (b)) is not met in this run.
exit "$status"
