#!/usr/bin/env python3
"""Seeds a registry through its HTTP API with N contracts x V versions (scripts/ui-load.sh).

Each contract is a realistic access-token contract (ten claims, a roles enum, x-authorization with
operations). Versions 1.0.0 .. 1.<V-1>.0 reword descriptions (cosmetic); the last one also adds operation
deleteCustomer (scope crm.write): authorization widening, published with ?acknowledge=authorization-widening.
Comparing the first with the last version shows cosmetic and widening changes.

Seeding 2,000 versions through the full gate (FULL_TRANSITIVE: each publish compared with every earlier version)
took ~0.35 s a publish on a busy 2-core machine, ~12 minutes in all. So each contract's mode is NONE while its
versions are published and is set back to FULL_TRANSITIVE (the default) afterwards: the pages then read exactly
the store a gated seeding would have made. GATE=1 in the environment keeps the gate on throughout.

    seed.py URL TOKEN_FILE CONTRACTS VERSIONS [THREADS]
"""
import concurrent.futures
import json
import os
import sys
import time
import urllib.request


def contract(name, minor, last):
    operations = {
        "getCustomer": {"scopes": ["crm.read"], "description": "Read a customer record."},
        "updateAccountStatus": {"scopes": ["crm.write"], "description": "Change an account's status."},
        "lookupEmployee": {"roles": ["hr"], "description": "Read an employee record."},
    }
    if last:
        operations["deleteCustomer"] = {"scopes": ["crm.write"], "description": "Delete a customer record."}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://tokencontract.dev/contracts/{name}/1.{minor}.0",
        "title": f"Access token for {name}",
        "description": f"Load-run contract {name}, revision {minor}.",
        "x-contract": {"name": name, "version": f"1.{minor}.0", "kind": "jwt-access-token",
                       "owner": "identity-team", "description": f"Seeded by scripts/ui-load.sh, revision {minor}."},
        "x-jose": {"alg": ["RS256", "ES256"], "typ": ["at+jwt", "application/at+jwt"], "kidRequired": True,
                   "maxLifetimeSeconds": 28800},
        "x-authorization": {"scopeClaim": "scope", "rolesClaim": "roles", "operations": operations},
        "type": "object",
        "required": ["iss", "sub", "aud", "exp", "iat", "jti", "client_id", "tenant_id", "roles"],
        "properties": {
            "iss": {"type": "string", "format": "uri"},
            "sub": {"type": "string", "minLength": 1, "maxLength": 255, "description": f"The user (rev {minor})."},
            "aud": {"type": ["string", "array"], "minLength": 1, "minItems": 1,
                    "items": {"type": "string", "minLength": 1}},
            "exp": {"type": "integer", "minimum": 0, "maximum": 253402300799},
            "iat": {"type": "integer", "minimum": 0, "maximum": 253402300799},
            "jti": {"type": "string", "minLength": 1, "maxLength": 255},
            "client_id": {"type": "string", "minLength": 1, "maxLength": 255},
            "tenant_id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$",
                          "description": "The customer tenant the user acts in."},
            "roles": {"type": "array", "items": {"enum": ["support", "viewer", "hr"]}},
            "scope": {"type": "string", "description": "Space-delimited scopes (RFC 6749 section 3.3)."},
        },
    }


def publish(url, token, name, minor, last):
    body = json.dumps(contract(name, minor, last)).encode()
    query = "?acknowledge=authorization-widening" if last else ""
    request = urllib.request.Request(f"{url}/contracts/{name}/versions{query}", data=body, method="POST",
                                     headers={"Authorization": f"Bearer {token}",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        if response.status != 201:
            raise SystemExit(f"publish {name}@1.{minor}.0 answered {response.status}")


def set_mode(url, token, name, mode):
    request = urllib.request.Request(f"{url}/contracts/{name}/config", data=json.dumps({"mode": mode}).encode(),
                                     method="PUT", headers={"Authorization": f"Bearer {token}",
                                                            "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        if response.status != 200:
            raise SystemExit(f"config of {name} answered {response.status}")


def seed_one(url, token, name, versions, gate):
    for minor in range(versions):
        publish(url, token, name, minor, minor > 0 and minor == versions - 1)
        if minor == 0 and not gate:
            set_mode(url, token, name, "NONE")
    if not gate:
        set_mode(url, token, name, "FULL_TRANSITIVE")


def main():
    url, token_file, contracts, versions = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    threads = int(sys.argv[5]) if len(sys.argv) > 5 else 4
    token = open(token_file).read().strip()
    gate = os.environ.get("GATE") == "1"
    started = time.monotonic()
    names = [f"load.contract-{i:03d}" for i in range(contracts)]
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        for future in [pool.submit(seed_one, url, token, name, versions, gate) for name in names]:
            future.result()
    seconds = time.monotonic() - started
    print(f"seeded {contracts} contracts x {versions} versions ({contracts * versions} publishes, gate "
          f"{'on' if gate else 'off while seeding'}) in {seconds:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
