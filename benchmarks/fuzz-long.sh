#!/usr/bin/env bash
# The long fuzz run of issue 13: N seeded mutations of a valid RS256 token (one in ten a forged token over
# hostile claims) through a server's TokenValidator; counts escaped exceptions, wrong accepts and reports
# over 64 KiB (exit 1 if any), and prints validate latency percentiles. See docs/benchmarks.md.
#
#   benchmarks/fuzz-long.sh                 1,000,000 tokens, seed 0x13F022 (about 2-4 minutes on 2 cores)
#   benchmarks/fuzz-long.sh 5000000 42      more tokens, another seed
#
# The CI test (validator-lib TokenFuzzTest, 50,000 tokens) takes the same seed: -Dfuzz.seed=N -Dfuzz.tokens=N.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"
tokens="${1:-1000000}"
seed="${2:-1306658}"

if [[ ! -f "$jar" ]] || [[ -n "$(find "$here/src" "$root/validator-lib/src/main" -newer "$jar" -type f -print -quit)" ]]; then
    echo "building $jar ..."
    (cd "$root" && mvn -B -ntp -q -pl benchmarks -am package -DskipTests)
fi
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
java -Xss512k -cp "$jar" dev.tokencontract.benchmarks.FuzzLongRun "$tokens" "$seed"
