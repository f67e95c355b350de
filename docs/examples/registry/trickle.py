#!/usr/bin/env python3
"""A slow client for docs/registry-api.md (Limits): sends a dry run's headers, then one body byte every 0.5 s,
and prints what the registry answers and when. Usage: trickle.py URL (http://HOST:PORT/contracts/NAME/compatibility)."""
import socket
import sys
import time
from urllib.parse import urlsplit

url = urlsplit(sys.argv[1])
body = b'{"x-contract": {}}' * 64
started = time.monotonic()
with socket.create_connection((url.hostname, url.port), timeout=30) as s:
    s.sendall(("POST %s HTTP/1.1\r\nHost: %s:%d\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
               % (url.path, url.hostname, url.port, len(body))).encode())
    answer = b""
    for byte in body:
        try:
            s.sendall(bytes([byte]))
        except OSError:
            break  # the registry closed the connection
        s.settimeout(0.5)
        try:
            chunk = s.recv(65536)
        except socket.timeout:
            continue
        if not chunk:
            break
        answer += chunk
        break
    s.settimeout(5)
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            answer += chunk
    except OSError:
        pass
print(answer.decode("utf-8", "replace").replace("\r\n", "\n"))
print("answered after %.1f s" % (time.monotonic() - started))
