#!/usr/bin/env python3
"""FHIR R4 validation of the patient export and the practice export: demo patients exported by the real binary in en, uz
and ru, opened with `decrypt-export`, and each Bundle parsed by fhir.resources 6.1.0 (the models
generated from the official FHIR R4 4.0.1 definitions: types, cardinalities, required elements,
formats, no unknown elements), then held to the bindings and references the models leave out:
administrative gender, observation status, the v3 interpretation codes, LOINC and UCUM systems,
every reference resolving to an entry's fullUrl. A broken copy must be refused (so the validator
is known to bite). Then the whole demo practice through `export-bulk`: a wrong code opens nothing,
every NDJSON line parses as its resource type, the counts match the manifest, every subject is a
patient of the export. Runs with the Python of VENV (made by `make test`).

usage: fhir_validate.py MEDORA_BINARY"""
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Browser"))
import export_fixture  # noqa: E402

import fhir.resources  # noqa: E402
from fhir.resources.bundle import Bundle  # noqa: E402
from fhir.resources.diagnosticreport import DiagnosticReport  # noqa: E402
from fhir.resources.observation import Observation  # noqa: E402
from fhir.resources.patient import Patient  # noqa: E402

MODELS = {"Patient": Patient, "Observation": Observation, "DiagnosticReport": DiagnosticReport}

INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"


def check_bindings(bundle):
    """The problems the models do not see, as a list of strings (empty: none)."""
    problems = []
    urls = {e["fullUrl"] for e in bundle["entry"]}
    if bundle.get("type") != "collection":
        problems.append("Bundle.type is not collection")

    def refs(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "reference":
                    yield v
                else:
                    yield from refs(v)
        elif isinstance(node, list):
            for v in node:
                yield from refs(v)

    for e in bundle["entry"]:
        r = e["resource"]
        kind = r["resourceType"]
        if not e["fullUrl"].startswith("urn:uuid:") or e["fullUrl"] != "urn:uuid:" + r["id"]:
            problems.append(f"{kind}: fullUrl {e['fullUrl']} is not urn:uuid:<id>")
        for ref in refs(r):
            if ref not in urls:
                problems.append(f"{kind}/{r['id']}: reference {ref} does not resolve in the Bundle")
        if kind == "Patient" and r.get("gender") not in (None, "male", "female", "other", "unknown"):
            problems.append(f"Patient.gender {r.get('gender')}")
        if kind == "Observation":
            if r.get("status") != "final":
                problems.append(f"Observation.status {r.get('status')}")
            if not any(c.get("system") == "http://loinc.org" for c in r["code"].get("coding", [])):
                problems.append("Observation.code has no LOINC coding")
            q = r.get("valueQuantity", {})
            if q.get("code") and q.get("system") != "http://unitsofmeasure.org":
                problems.append("valueQuantity code without the UCUM system")
            for i in r.get("interpretation", []):
                for c in i.get("coding", []):
                    if c.get("system") != INTERPRETATION or c.get("code") not in ("L", "H", "LL", "HH", "N"):
                        problems.append(f"interpretation {c}")
            if not any(c.get("code") == "laboratory" for cat in r.get("category", []) for c in cat.get("coding", [])):
                problems.append("Observation.category is not laboratory")
        if kind == "DiagnosticReport" and r.get("status") != "final":
            problems.append(f"DiagnosticReport.status {r.get('status')}")
    return problems


def valid(bundle):
    try:
        Bundle.parse_obj(bundle)
    except Exception as e:  # pydantic's ValidationError names every path
        return [str(e)]
    return check_bindings(bundle)


def main():
    binary = sys.argv[1]
    if fhir.resources.__fhir_version__ != "4.0.1":
        sys.exit(f"fhir.resources models FHIR {fhir.resources.__fhir_version__}, not R4 4.0.1")
    work = tempfile.mkdtemp(prefix="medora-fhir-")
    checks = 0
    try:
        patients = export_fixture.demo_patients(binary, work, count=3)
        if len(patients) < 3:
            sys.exit("the demo has fewer than three patients with analyses")
        observations = 0
        for (patient_id, _, _), language in zip(patients, ("en", "uz", "ru")):
            path = os.path.join(work, f"{language}.html")
            code = export_fixture.export(binary, work, patient_id, path, language)
            bundle = json.loads(export_fixture.decrypt(binary, path, code, os.path.join(work, language)))
            problems = valid(bundle)
            if problems:
                sys.exit(f"FHIR R4 validation failed ({language}): " + "; ".join(problems[:10]))
            observations += sum(1 for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")
            checks += 1
            # The validator bites: each of these copies must be refused.
            broken = []
            b = copy.deepcopy(bundle)
            obs = next(e for e in b["entry"] if e["resource"]["resourceType"] == "Observation")
            del obs["resource"]["code"]
            broken.append(("Observation without code", b))
            b = copy.deepcopy(bundle)
            b["entry"][0]["resource"]["birthDate"] = "15.01.1990"
            broken.append(("birthDate not a FHIR date", b))
            b = copy.deepcopy(bundle)
            b["entry"][0]["resource"]["gender"] = "mle"
            broken.append(("gender outside the value set", b))
            b = copy.deepcopy(bundle)
            b["entry"][-1]["resource"]["result"] = [{"reference": "urn:uuid:00000000-0000-0000-0000-000000000000"}]
            broken.append(("dangling reference", b))
            for what, b in broken:
                if not valid(b):
                    sys.exit(f"the validator accepted a broken Bundle: {what}")
                checks += 1
        # The practice export: FHIR Bulk Data NDJSON, one resource per line, references Type/id.
        archive = os.path.join(work, "practice.mlfhir")
        r = subprocess.run([binary, "export-bulk", "--out", archive, "--data", os.path.join(work, "demo")],
                           capture_output=True, text=True, env=export_fixture.env(), timeout=600)
        if r.returncode != 0:
            sys.exit(f"export-bulk failed: {r.stderr}")
        code = re.search(r"code: ([2-9A-Z]{4}(?:-[2-9A-Z]{4}){3})\n", r.stdout).group(1)
        wrong = subprocess.run([binary, "decrypt-export", archive, "--code", "AAAA-BBBB-CCCC-DDDD", "--out", os.path.join(work, "x")],
                               capture_output=True, text=True, env=export_fixture.env(), timeout=120)
        if wrong.returncode == 0 or os.path.exists(os.path.join(work, "x", "Patient.ndjson")):
            sys.exit("a wrong code opened the practice export")
        checks += 1
        bulk = os.path.join(work, "bulk")
        r = subprocess.run([binary, "decrypt-export", archive, "--code", code, "--out", bulk],
                           capture_output=True, text=True, env=export_fixture.env(), timeout=600)
        if r.returncode != 0:
            sys.exit(f"decrypt-export of the practice export failed: {r.stderr}")
        with open(os.path.join(bulk, "manifest.json"), encoding="utf-8") as f:
            manifest = json.load(f)
        ids, lines = {}, 0
        for out in manifest["output"]:
            kind = out["type"]
            with open(os.path.join(bulk, out["url"]), encoding="utf-8") as f:
                rows = [json.loads(line) for line in f]
            if len(rows) != out["count"]:
                sys.exit(f"{kind}.ndjson has {len(rows)} lines, the manifest says {out['count']}")
            model = MODELS[kind]
            for resource in rows:
                if resource.get("resourceType") != kind:
                    sys.exit(f"{kind}.ndjson holds a {resource.get('resourceType')}")
                try:
                    model.parse_obj(resource)
                except Exception as e:
                    sys.exit(f"FHIR R4 validation failed in {kind}.ndjson: {str(e)[:500]}")
                ids.setdefault(kind, set()).add(resource["id"])
                lines += 1
        for kind in ("Observation", "DiagnosticReport"):
            with open(os.path.join(bulk, f"{kind}.ndjson"), encoding="utf-8") as f:
                for line in f:
                    subject = json.loads(line)["subject"]["reference"]
                    if subject.split("/", 1)[1] not in ids["Patient"]:
                        sys.exit(f"{kind} subject {subject} is not in Patient.ndjson")
        if len(ids["Patient"]) != 320:
            sys.exit(f"the practice export holds {len(ids['Patient'])} patients, not the demo's 320")
        if "medora-audit-head" not in json.dumps(manifest):
            sys.exit("the manifest carries no audit head")
        checks += 1
        print(f"FHIR validation: {checks} checks passed ({observations} Observations in 3 Bundles, "
              f"{lines} NDJSON resources of {len(ids['Patient'])} patients, FHIR R4 4.0.1)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
