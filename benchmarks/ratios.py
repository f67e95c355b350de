#!/usr/bin/env python3
"""Reads JMH JSON results and prints the (c)/(a) and (c)/(b) ratios per algorithm.

(a) rawNimbusVerify, (b) nimbusJwtProcessor, (c) tokencontractValidate; see docs/benchmarks.md.
Usage: ratios.py --avgt AVGT.json [--thrpt THRPT.json] [--machine MACHINE.txt] [--summary OUT.md]
"""
import argparse
import json
import sys

A, B, C = "rawNimbusVerify", "nimbusJwtProcessor", "tokencontractValidate"
LABELS = {A: "(a) raw Nimbus verify", B: "(b) Nimbus DefaultJWTProcessor", C: "(c) Tokencontract validate"}
STAGES = ["shapeDecode", "headerCheck", "signatureCheck", "timeCheck", "issuerAudience", "contractCheck"]
# The goal: (c) at least as fast as (b) and within 10% of (a), for RS256.
GOAL_ALGS = {"RS256"}


def load(path):
    """{(method, alg): result} from a JMH JSON file."""
    with open(path, encoding="utf-8") as f:
        runs = json.load(f)
    out = {}
    for run in runs:
        method = run["benchmark"].rsplit(".", 1)[1]
        alg = (run.get("params") or {}).get("alg", "-")
        out[(method, alg)] = run
    return out


def score(run):
    m = run["primaryMetric"]
    return m["score"], m["scoreError"], m["scoreUnit"]


def secondary(run, name):
    m = run.get("secondaryMetrics", {}).get(name)
    return None if m is None else m["score"]


def fmt(value, digits=2):
    return "n/a" if value is None else f"{value:,.{digits}f}"


def ratio(num, den):
    return None if num is None or den in (None, 0) else num / den


def comparison(avgt, thrpt):
    algs = sorted({alg for (method, alg) in avgt if method in (A, B, C)}, reverse=True)  # RS256 first
    lines = ["| alg | " + " | ".join(LABELS[m] + " µs/op" for m in (A, B, C)) + " | (c)/(a) | (c)/(b) | goal |",
             "|---|---:|---:|---:|---:|---:|---|"]
    verdicts = []
    for alg in algs:
        cells, means = [], {}
        for m in (A, B, C):
            run = avgt.get((m, alg))
            if run is None:
                cells.append("n/a")
                means[m] = None
                continue
            s, err, _ = score(run)
            means[m] = s
            cells.append(f"{s:.2f} ± {err:.2f}")
        ca, cb = ratio(means[C], means[A]), ratio(means[C], means[B])
        if alg in GOAL_ALGS and ca is not None and cb is not None:
            met = ca <= 1.10 and cb <= 1.0
            goal = ("met" if met else "NOT met") + " (≤ 1.10 × (a), ≤ (b))"
            verdicts.append((alg, met))
        else:
            goal = "none set"
        lines.append(f"| {alg} | " + " | ".join(cells) + f" | {fmt(ca)} | {fmt(cb)} | {goal} |")

    lines += ["", "| alg | benchmark | alloc B/op | CPU µs/op (process) | throughput ops/s |", "|---|---|---:|---:|---:|"]
    for alg in algs:
        for m in (A, B, C):
            run = avgt.get((m, alg))
            if run is None:
                continue
            cpu = secondary(run, "cpu.time.norm")
            t = thrpt.get((m, alg)) if thrpt else None
            ops = None
            if t is not None:
                s, err, unit = score(t)
                ops = f"{s:,.0f} ± {err:,.0f}" if unit == "ops/s" else f"{s} {unit}"
            lines.append(f"| {alg} | {LABELS[m]} | {fmt(secondary(run, 'gc.alloc.rate.norm'), 0)} | "
                         f"{fmt(None if cpu is None else cpu / 1000)} | {ops or 'n/a'} |")
    return lines, verdicts


def stages(avgt):
    algs = sorted({alg for (method, alg) in avgt if method in STAGES}, reverse=True)
    if not algs:
        return []
    lines = ["| stage | " + " | ".join(f"{alg} µs/op" for alg in algs) + " |", "|---|" + "---:|" * len(algs)]
    totals = {alg: 0.0 for alg in algs}
    for stage in STAGES:
        cells = []
        for alg in algs:
            run = avgt.get((stage, alg))
            if run is None:
                cells.append("n/a")
                continue
            s, err, _ = score(run)
            totals[alg] += s
            cells.append(f"{s:.3f} ± {err:.3f}")
        lines.append(f"| {stage} | " + " | ".join(cells) + " |")
    lines.append("| sum of stages | " + " | ".join(f"{totals[a]:.2f}" for a in algs) + " |")
    lines.append("| (c) full validate | " + " | ".join(
        fmt(score(avgt[(C, a)])[0]) if (C, a) in avgt else "n/a" for a in algs) + " |")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--avgt", required=True)
    parser.add_argument("--thrpt")
    parser.add_argument("--machine")
    parser.add_argument("--summary")
    args = parser.parse_args()

    avgt = load(args.avgt)
    thrpt = load(args.thrpt) if args.thrpt else {}
    table, verdicts = comparison(avgt, thrpt)
    stage_table = stages(avgt)

    print("\n".join(table))
    if stage_table:
        print()
        print("\n".join(stage_table))

    if args.summary:
        machine = open(args.machine, encoding="utf-8").read().strip() if args.machine else "(not recorded)"
        doc = ["# JMH summary", "",
               "Written by `benchmarks/run.sh` (see `docs/benchmarks.md`). Scores are means ± 99.9% CI.", "",
               *(["> **Smoke run** (`--quick`: 1 fork, 3 × 1 s iterations), likely on a busy machine: indicative "
                   "only. Run `benchmarks/run.sh` without `--quick` on a quiet machine before quoting these.", ""]
                 if "smoke" in machine else []),
               "## Machine and run", "", "```", machine, "```", "",
               "## (a) raw Nimbus, (b) Nimbus DefaultJWTProcessor, (c) Tokencontract", ""]
        doc += table
        if stage_table:
            doc += ["", "## Where (c) spends its time (stages alone)", ""] + stage_table
        with open(args.summary, "w", encoding="utf-8") as f:
            f.write("\n".join(doc) + "\n")

    return 0 if all(met for _, met in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
