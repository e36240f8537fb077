"""Shared by the export tests: a demo data directory, a patient of it with analyses, and that
patient's export made by the real binary (`export-patient`), opened again with `decrypt-export`."""
import json
import os
import re
import subprocess
import urllib.request

from browser_test import start_demo  # noqa: E402


def env():
    e = {k: v for k, v in os.environ.items() if not k.startswith("MEDORA_")}
    e["MEDORA_LANG"] = "en"
    return e


def api(base, method, path, token=None, body=None):
    req = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    return json.loads(urllib.request.urlopen(req, timeout=30).read())


def demo_patients(binary, work, count=1):
    """The demo's patients with the most analyses: [(id, last name, first name)], the demo stopped again."""
    demo, base = start_demo(binary, work)
    try:
        token = api(base, "POST", "/api/v1/auth/login", body={"login": "doctor", "password": "medora-demo"})["token"]
        items = api(base, "GET", "/api/v1/patients?limit=25", token)["items"]
        counted = []
        for p in items:
            analyses = api(base, "GET", f"/api/v1/patients/{p['id']}/analyses", token)["items"]
            counted.append((len(analyses), p["id"], p["lastName"], p["firstName"]))
        counted.sort(key=lambda c: -c[0])
        return [(i, last, first) for n, i, last, first in counted[:count] if n > 0]
    finally:
        demo.terminate()
        demo.wait(timeout=30)


def export(binary, work, patient_id, out, language="en"):
    """Writes the export file; returns the one-time code the command printed."""
    r = subprocess.run([binary, "export-patient", patient_id, "--out", out, "--data", os.path.join(work, "demo"),
                        "--language", language], capture_output=True, text=True, env=env(), timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"export-patient failed: {r.stderr}")
    m = re.search(r"code: ([2-9A-Z]{4}(?:-[2-9A-Z]{4}){3})\n", r.stdout)
    if not m:
        raise RuntimeError(f"no code in: {r.stdout}")
    return m.group(1)


def decrypt(binary, path, code, out_dir):
    """The FHIR Bundle text `decrypt-export` writes into out_dir."""
    r = subprocess.run([binary, "decrypt-export", path, "--code", code, "--out", out_dir], capture_output=True, text=True,
                       env=env(), timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"decrypt-export failed: {r.stderr}")
    name = next(n for n in os.listdir(out_dir) if n.endswith(".fhir.json"))
    with open(os.path.join(out_dir, name), encoding="utf-8") as f:
        return f.read()
