#!/usr/bin/env bash
# Builds the committed tree (HEAD) twice, each time from a fresh copy in its own temporary folder, and
# compares the SHA-256 of every jar the build makes. Exit 0 when all are byte-identical, 1 otherwise.
# project.build.outputTimestamp (root pom) is what makes them so. Takes two full package builds
# (about 4 minutes on a quiet 2-core machine); tests are skipped, they do not change the jars.
#
#   scripts/reproducible-build.sh           compare two builds of HEAD
#   KEEP=1 scripts/reproducible-build.sh    keep the two build folders for inspection
set -euo pipefail

root="$(git rev-parse --show-toplevel)"
work="$(mktemp -d -t tokencontract-repro-XXXXXX)"
[[ "${KEEP:-}" == 1 ]] || trap 'rm -rf "$work"' EXIT

for run in a b; do
    mkdir -p "$work/$run"
    git -C "$root" archive HEAD | tar -x -C "$work/$run"
    echo "== build $run in $work/$run"
    (cd "$work/$run" && mvn -B -ntp -q package -DskipTests)
    (cd "$work/$run" && find . -path '*/target/*.jar' -type f | LC_ALL=C sort | xargs sha256sum) > "$work/$run.sha256"
done

jars=$(wc -l < "$work/a.sha256")
if diff -u "$work/a.sha256" "$work/b.sha256"; then
    echo "reproducible: all $jars jars are byte-identical across the two builds"
else
    echo "NOT reproducible: the jars above differ between the two builds" >&2
    exit 1
fi
