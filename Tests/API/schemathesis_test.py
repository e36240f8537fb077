#!/usr/bin/env python3
"""The OpenAPI document stays true: schemathesis (a test tool from PyPI, never a runtime
dependency) generates requests from the document the server serves at /api/v1/openapi.json and
checks every answer against it: no 5xx, only documented statuses, content types, headers and
bodies. A doctor's token for the patient and analysis routes, an administrator's for the users
routes (logout is left out: it would end the token the run uses).

usage: schemathesis_test.py BINARY VENV
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance"
EXAMPLES = os.environ.get("MEDORA_SCHEMATHESIS_EXAMPLES", "25")
SEED = os.environ.get("MEDORA_SCHEMATHESIS_SEED", "20261127")


def login(base, user, password):
    req = urllib.request.Request(f"{base}/api/v1/auth/login", data=json.dumps({"login": user, "password": password}).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    return json.load(urllib.request.urlopen(req))["token"]


def main():
    binary, venv = sys.argv[1], sys.argv[2]
    tool = os.path.join(venv, "bin", "schemathesis")
    work = tempfile.mkdtemp(prefix="medora-schemathesis-")
    # Budgets far above the run's few thousand requests: the run checks the document, not the limits.
    demo = subprocess.Popen([binary, "demo", "--port", "0", "--data", os.path.join(work, "demo"), "--limit-per-address", "1000000",
                             "--limit-api-anonymous", "1000000", "--limit-api-user", "1000000"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base, deadline = None, time.time() + 120
        while base is None and time.time() < deadline:
            line = demo.stdout.readline()
            if not line:
                break
            m = re.search(r"http://127\.0\.0\.1:\d+", line)
            base = m.group(0) if m else None
        if base is None:
            print("schemathesis: the demo server did not start")
            return 1
        runs = [("doctor", login(base, "doctor", "medora-demo"), ["--exclude-path-regex", "^/api/v1/(users|auth/logout)"]),
                ("administrator", login(base, "admin", "medora-admin"), ["--include-path-regex", "^/api/v1/users"])]
        failed = 0
        for who, token, selection in runs:
            result = subprocess.run([tool, "run", f"{base}/api/v1/openapi.json", "-H", f"Authorization: Bearer {token}",
                                     "--checks", CHECKS, "-n", EXAMPLES, "--seed", SEED, "--phases", "examples,coverage,fuzzing",
                                     "--request-timeout", "30", *selection], capture_output=True, text=True)
            summary = [l for l in result.stdout.splitlines() if "generated" in l or "failed" in l.lower() or "passed" in l]
            print(f"schemathesis as {who}: exit {result.returncode}; " + "; ".join(s.strip() for s in summary[-3:]))
            if result.returncode != 0:
                failed += 1
                print(result.stdout[-20000:])
        return 1 if failed else 0
    finally:
        demo.terminate()
        try:
            demo.wait(timeout=30)
        except subprocess.TimeoutExpired:
            demo.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
