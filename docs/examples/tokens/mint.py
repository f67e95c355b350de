#!/usr/bin/env python3
"""How the example tokens of docs/cli.md were made (run from the repository root: python3 docs/examples/tokens/mint.py).

TEST KEYS ONLY. Two RSA 2048 keys are generated in memory ('rsa-1' signs, 'rsa-2' is the next key a JWKS would
publish); only their public halves are written (jwks.json), the private keys are thrown away, so re-running this
script makes new keys and new tokens. The tokens are long expired: the docs judge them with --at 2026-11-26T00:30:00Z.
Needs the Python 'cryptography' package.
"""
import base64
import json
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

OUT = Path(__file__).resolve().parent


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def uint(n: int) -> str:
    return b64(n.to_bytes((n.bit_length() + 7) // 8, "big"))


def jws(key, header: dict, claims: dict) -> str:
    signing_input = b64(json.dumps(header, separators=(",", ":")).encode()) + "." + b64(
        json.dumps(claims, separators=(",", ":")).encode())
    signature = key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
    return signing_input + "." + b64(signature)


keys = {kid: rsa.generate_private_key(public_exponent=65537, key_size=2048) for kid in ("rsa-1", "rsa-2")}
jwks = {"keys": [{"kty": "RSA", "kid": kid, "use": "sig", "alg": "RS256",
                  "n": uint(k.public_key().public_numbers().n), "e": uint(k.public_key().public_numbers().e)}
                 for kid, k in keys.items()]}
(OUT / "jwks.json").write_text(json.dumps(jwks, indent=2) + "\n")

claims = {
    "iss": "https://login.example.test", "sub": "alice@example.test", "aud": "https://mcp.example.test/mcp",
    "exp": 1795654800, "iat": 1795651200, "nbf": 1795651200, "jti": "6f1c2a8e-2c61-4c1e-9a51-2f7f5b3f0c11",
    "client_id": "crm-agent", "tenant_id": "acme", "roles": ["support"], "scope": "crm.read crm.write",
}
(OUT / "token.jwt").write_text(jws(keys["rsa-1"], {"alg": "RS256", "typ": "at+jwt", "kid": "rsa-1"}, claims) + "\n")

# the same login after a drift: an ID-token type, roles as one string, tenant_id dropped
drifted = {k: v for k, v in claims.items() if k != "tenant_id"}
drifted["roles"] = "support admin"
(OUT / "drifted.jwt").write_text(jws(keys["rsa-1"], {"alg": "RS256", "typ": "JWT", "kid": "rsa-1"}, drifted) + "\n")
