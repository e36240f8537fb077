#!/usr/bin/env python3
"""The patient export in a real browser (Debian's chromium, headless, over the DevTools protocol):
a demo patient's export made by the binary is opened from disk (file://); a wrong code shows the
error and none of the record, the right code (typed in lower case without dashes) shows it; the
FHIR JSON the page's WebCrypto decrypted (fetched from its download link) must equal what
`decrypt-export` writes. No request may leave the page. Screenshots go into OUT.

usage: export_browser_test.py MEDORA_BINARY OUT_DIR"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser_test import start_browser  # noqa: E402
from cdp import Page  # noqa: E402
import export_fixture  # noqa: E402


def main():
    binary, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="medora-export-browser-")
    browser = None
    checks = 0

    def expect(condition, what):
        nonlocal checks
        if not condition:
            raise AssertionError(what)
        checks += 1

    try:
        patients = export_fixture.demo_patients(binary, work)
        expect(patients, "the demo has a patient with analyses")
        patient_id, last_name, first_name = patients[0]
        path = os.path.join(work, "record.html")
        code = export_fixture.export(binary, work, patient_id, path)
        with open(path, "rb") as f:
            raw = f.read()
        expect(last_name.encode() not in raw and first_name.encode() not in raw, "no plaintext name in the file")
        expected_fhir = export_fixture.decrypt(binary, path, code, os.path.join(work, "opened"))

        browser, port = start_browser(work)
        page = Page(port)
        page.goto("file://" + path)
        page.wait_for("!!document.getElementById('code')")

        def enter(text):
            page.eval("(() => { const i = document.getElementById('code'); i.value = ''; i.focus(); })()")
            page.type(text)
            page.eval("document.getElementById('open').click()")

        wrong = ("3" if code[0] == "2" else "2") + code[1:]
        enter(wrong)
        page.wait_for("document.getElementById('status').className === 'error'", timeout=60)
        status = page.eval("document.getElementById('status').textContent")
        expect("does not open" in status, f"the wrong code is named: {status!r}")
        html = page.eval("document.documentElement.outerHTML")
        expect(last_name not in html and first_name not in html, "no patient name in the DOM after a wrong code")
        expect(page.eval("document.getElementById('opened').hidden") is True, "the record stays hidden")
        page.screenshot(os.path.join(out, "export-wrong-code.png"), width=1000, height=700)

        enter(code.lower().replace("-", ""))
        page.wait_for("!!document.querySelector('#record h1')", timeout=60)
        text = page.eval("document.body.innerText")
        expect(last_name in text, "the patient's name is shown once opened")
        expect("not a substitute for medical advice" in text, "the disclaimer is shown")
        expect(page.eval("document.querySelectorAll('#record table tbody tr').length") > 0, "the results are listed")
        expect(page.eval("!document.getElementById('code')"), "the prompt is gone")
        page.screenshot(os.path.join(out, "export-opened.png"), width=1000, height=900)

        link = page.eval("document.getElementById('download-fhir').download")
        expect(link.endswith(".fhir.json"), f"the download is named as FHIR JSON: {link}")
        browser_fhir = page.eval("fetch(document.getElementById('download-fhir').href).then(r => r.text())")
        expect(browser_fhir == expected_fhir, "the bundle WebCrypto decrypted equals the one decrypt-export wrote")
        expect(json.loads(browser_fhir)["resourceType"] == "Bundle", "the download is a Bundle")

        requests = [e["params"]["request"]["url"] for e in page.events if e["method"] == "Network.requestWillBeSent"]
        outside = [u for u in requests if not (u.startswith("file://") or u.startswith("blob:") or u.startswith("data:"))]
        expect(not outside, f"no request leaves the page: {outside}")
        problems = page.problems()
        expect(not problems, f"console errors or failed requests: {problems}")
        print(f"export browser test: {checks} checks passed, screenshots in {out}")
    finally:
        if browser:
            browser.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
