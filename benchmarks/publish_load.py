#!/usr/bin/env python3
"""Publish throughput of `tokencontract serve`, for comparing two builds (or stores) in one session.

Used by benchmarks/publish-load.sh; not a test. For each (label, jar) pair and each store it starts
`java -jar JAR serve --dev` on a free loopback port with a fresh data directory (or a fresh PostgreSQL
database), publishes one version of a small contract, sets its mode to NONE (so every later publish is
allowed and the compatibility check is cheap), then publishes COUNT more versions from CLIENTS threads,
each over its own keep-alive connection, and reports publishes/s and latency percentiles. The pairs run
interleaved, ROUNDS times, so drift of a shared machine hits both alike.
"""
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

CONTRACT = """{"$schema": "https://json-schema.org/draft/2020-12/schema",
 "$id": "https://tokencontract.dev/contracts/%(name)s/%(version)s",
 "x-contract": {"name": "%(name)s", "version": "%(version)s", "kind": "jwt-access-token", "owner": "identity-team"},
 "x-jose": {"alg": ["RS256"], "typ": ["at+jwt", "application/at+jwt"]},
 "type": "object", "required": ["iss", "aud", "exp"],
 "properties": {"iss": {"type": "string", "format": "uri"},
  "aud": {"type": ["string", "array"], "minLength": 1, "minItems": 1, "items": {"type": "string", "minLength": 1}},
  "exp": {"type": "integer", "minimum": 0, "maximum": 253402300799}}}"""


def start(jar, work, extra_args, env):
    data = os.path.join(work, "data")
    out = open(os.path.join(work, "serve.out"), "w")
    proc = subprocess.Popen(["java", "-jar", jar, "serve", "--port", "0", "--dev", "--data", data] + extra_args,
                            stdout=out, stderr=subprocess.STDOUT, env=env)
    deadline = time.time() + 120
    while time.time() < deadline:
        with open(os.path.join(work, "serve.out")) as f:
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", f.read())
        if m:
            with open(os.path.join(data, "dev-publisher.token")) as f:
                return proc, int(m.group(1)), f.read().strip()
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("serve did not start: " + open(os.path.join(work, "serve.out")).read())


def request(conn, method, path, body, token):
    conn.request(method, path, body=body, headers={"Authorization": "Bearer " + token,
                                                   "Content-Type": "application/json"})
    response = conn.getresponse()
    response.read()
    return response.status


def run_one(jar, store_args, env, count, clients):
    work = tempfile.mkdtemp(prefix="tc-publish-load-")
    proc = None
    try:
        proc, port, token = start(jar, work, store_args, env)
        name = "bench.publish"
        setup = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        assert request(setup, "POST", "/contracts/%s/versions" % name, CONTRACT % {"name": name, "version": "0.0.1"}, token) == 201
        assert request(setup, "PUT", "/contracts/%s/config" % name, '{"mode":"NONE"}', token) == 200
        # warm-up: JIT and pools, not timed
        for i in range(30):
            assert request(setup, "POST", "/contracts/%s/versions" % name, CONTRACT % {"name": name, "version": "0.1.%d" % i}, token) == 201
        latencies, failures = [], []
        lock = threading.Lock()

        def client(k):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            for i in range(k, count, clients):
                t0 = time.perf_counter()
                status = request(conn, "POST", "/contracts/%s/versions" % name, CONTRACT % {"name": name, "version": "1.0.%d" % i}, token)
                t1 = time.perf_counter()
                with lock:
                    (latencies if status == 201 else failures).append(t1 - t0 if status == 201 else status)

        threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        latencies.sort()
        pct = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
        return {"per_s": len(latencies) / elapsed, "p50": pct(0.50), "p99": pct(0.99), "failures": len(failures)}
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--jar", action="append", required=True, help="LABEL=PATH, two or more")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--pg-url", help="a PostgreSQL URL template with {db}; databases are created by the caller")
    parser.add_argument("--pg-databases", help="comma-separated database names, one per run, in order")
    args = parser.parse_args()
    jars = [j.split("=", 1) for j in args.jar]
    stores = [("embedded H2", None)] + ([("PostgreSQL", args.pg_url)] if args.pg_url else [])
    pg_dbs = iter(args.pg_databases.split(",")) if args.pg_databases else None
    results = {}
    for store, url in stores:
        for _ in range(args.rounds):
            for label, jar in jars:
                extra, env = [], dict(os.environ)
                if url:
                    extra = ["--db", url.format(db=next(pg_dbs))]
                r = run_one(jar, extra, env, args.count, args.clients)
                results.setdefault((store, label), []).append(r)
                print("%s %s: %.1f publishes/s, p50 %.1f ms, p99 %.1f ms, %d failures" % (
                    store, label, r["per_s"], r["p50"], r["p99"], r["failures"]), file=sys.stderr, flush=True)
    print("| store | build | publishes/s (mean of %d runs) | p50 ms | p99 ms | failed | ratio to %s |" % (args.rounds, jars[0][0]))
    print("|---|---|---:|---:|---:|---:|---:|")
    for store, _ in stores:
        base = statistics.mean(r["per_s"] for r in results[(store, jars[0][0])])
        for label, _ in jars:
            rs = results[(store, label)]
            mean = statistics.mean(r["per_s"] for r in rs)
            print("| %s | %s | %.1f (%s) | %.1f | %.1f | %d | %.2f |" % (
                store, label, mean, ", ".join("%.1f" % r["per_s"] for r in rs),
                statistics.mean(r["p50"] for r in rs), statistics.mean(r["p99"] for r in rs),
                sum(r["failures"] for r in rs), mean / base))


if __name__ == "__main__":
    main()
