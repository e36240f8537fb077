#!/usr/bin/env python3
"""The web UI in a real browser (Debian's chromium, headless, over the DevTools protocol): signs in
with the demo login, finds patients by a Cyrillic and a Latin query (search as you type), creates
and edits a patient, switches language, signs out; saves screenshots of the main pages in en, uz
and ru and at phone width into OUT; fails on any console error or failed request.

usage: browser_test.py MEDORA_BINARY OUT_DIR"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Page  # noqa: E402


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("chromium is not installed (make test installs it)")


def start_demo(binary, work):
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDORA_")}
    env["MEDORA_LANG"] = "en"
    proc = subprocess.Popen([binary, "demo", "--port", "0", "--data", os.path.join(work, "demo")],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    seen, deadline = "", time.time() + 120
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen += line
        m = re.search(r"http://127\.0\.0\.1:\d+", line)
        if m:
            return proc, m.group(0)
    proc.kill()
    sys.exit(f"demo did not start: {seen}")


def start_browser(work):
    profile = os.path.join(work, "profile")
    proc = subprocess.Popen([chromium(), "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--disable-extensions", "--remote-debugging-port=0", f"--user-data-dir={profile}",
                             "about:blank"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 60
    while time.time() < deadline:
        if os.path.exists(port_file):
            with open(port_file) as f:
                first = f.readline().strip()
            if first:
                return proc, int(first)
        time.sleep(0.1)
    proc.kill()
    sys.exit("chromium did not open its DevTools port")


def main():
    binary, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="medora-browser-")
    demo, base = start_demo(binary, work)
    browser, port = start_browser(work)
    checks = 0
    started = time.monotonic()
    try:
        page = Page(port)

        def shot(name, mobile=False):
            page.screenshot(os.path.join(out, f"{name}.png"), width=375 if mobile else 1200, height=800, mobile=mobile)

        def expect(condition, what):
            nonlocal checks
            checks += 1
            if not condition:
                raise AssertionError(what)

        # Sign in with the printed demo login.
        page.goto(f"{base}/privacy")
        expect("Nothing is sent anywhere" in page.eval("document.body.innerText"), "the privacy page")
        page.goto(f"{base}/login")
        expect("medora-demo" in page.eval("document.body.innerText"), "the demo login page shows the demo credentials")
        shot("login-en")
        page.eval("document.getElementById('login').value = 'doctor'; document.getElementById('password').value = 'medora-demo';"
                  "document.querySelector('form').submit(); true")
        # The first time: the terms, accepted once.
        page.wait_for("location.pathname === '/consent' && document.readyState === 'complete'")
        shot("consent-en")
        page.eval("document.querySelector('form[action=\"/consent\"]').submit(); true")
        page.wait_for("location.pathname === '/' && document.readyState === 'complete'")
        expect("320" in page.eval("document.querySelector('ul.stats').innerText"), "dashboard counts the demo patients")
        expect(page.eval("document.querySelectorAll('main table tbody tr').length") > 0, "dashboard lists recent patients")
        shot("dashboard-en")

        # Search as you type: Cyrillic, then Latin finds the same spellings.
        page.goto(f"{base}/patients")
        for query in ("Шохрух", "Shoxrux"):
            page.eval(f"var q = document.getElementById('q'); q.value = {query!r}; q.dispatchEvent(new Event('input')); true")
            page.wait_for(f"location.search.indexOf(encodeURIComponent({query!r})) >= 0 && document.querySelectorAll('#results tbody tr').length > 0")
            names = page.eval("Array.from(document.querySelectorAll('#results tbody tr')).map(r => r.innerText).join('\\n')")
            expect(names.strip() != "", f"{query} finds patients")
        shot("patients-search-en")
        # The passport Latin of the Russian form finds the same people (the spelling key).
        query = "SHAKHRUKH"
        page.eval(f"var q = document.getElementById('q'); q.value = {query!r}; q.dispatchEvent(new Event('input')); true")
        page.wait_for(f"location.search.indexOf(encodeURIComponent({query!r})) >= 0 && document.querySelectorAll('#results tbody tr').length > 0")
        names = page.eval("Array.from(document.querySelectorAll('#results tbody tr')).map(r => r.innerText).join('\\n')")
        expect(re.search(r"Shoxrux|Шохрух|Шоҳруҳ", names) is not None, f"{query} finds Shoxrux / Шохрух: {names[:200]}")
        shot("patients-search-passport-en")

        # Create a patient, with one mistake first: the message sits beside the field, values stay.
        page.goto(f"{base}/patients/new")
        page.eval("document.getElementById('firstName').value = 'Nodirabegim'; document.getElementById('lastName').value = 'Usmonxoʻjayeva';"
                  "document.getElementById('phone').value = 'call me'; document.querySelector('form.card').submit(); true")
        page.wait_for("document.querySelector('.field-error') !== null")
        expect(page.eval("document.getElementById('lastName').value") == "Usmonxoʻjayeva", "entered values are kept")
        shot("patient-form-error-en")
        page.eval("document.getElementById('phone').value = '+998 90 123 45 67'; document.getElementById('birthDate').value = '1990-05-17';"
                  "document.querySelector('form.card').submit(); true")
        page.wait_for("location.pathname.startsWith('/patients/') && document.querySelector('dl.details') !== null")
        expect("Usmonxoʻjayeva" in page.eval("document.querySelector('h1').innerText"), "the new patient's page")
        expect("17.05.1990" in page.eval("document.body.innerText"), "dates as dd.mm.yyyy")
        patient_url = page.eval("location.pathname")
        shot("patient-en")

        # Edit: the change shows on the patient's page.
        page.goto(f"{base}{patient_url}/edit")
        page.eval("document.getElementById('notes').value = 'Allergy: penicillin'; document.querySelector('form.card').submit(); true")
        page.wait_for("document.querySelector('dl.details') !== null && document.body.innerText.indexOf('penicillin') >= 0")

        # Find the new patient by a Cyrillic spelling of the Latin name.
        page.goto(f"{base}/patients?q=" + "%D0%9D%D0%BE%D0%B4%D0%B8%D1%80%D0%B0")
        expect("Usmonxoʻjayeva" in page.eval("document.body.innerText"), "Cyrillic query finds a Latin name")

        # Lab analyses: a CBC typed with the keyboard only (Tab from field to field), flags shown while
        # typing, then the report with its reading.
        page.goto(f"{base}{patient_url}")
        page.eval("document.querySelector('a[href$=\"/analyses/new\"]').click(); true")
        page.wait_for("location.pathname.endsWith('/analyses/new') && document.readyState === 'complete'")
        shot("analysis-panels-en")
        page.eval("document.querySelector('a[href$=\"panel=CBC\"]').click(); true")
        page.wait_for("document.getElementById('v-718-7') !== null")
        page.eval("document.getElementById('v-718-7').focus(); true")
        for value in ("7.9", "3.9", "27", "68"):      # HGB, RBC, HCT, MCV: value, then unit, range low, range high
            page.type(value)
            for _ in range(4):
                page.press("Tab", vk=9)
        expect(page.eval("document.activeElement.id") == "v-785-6", "Tab walks the rows in order")
        expect(page.eval("document.querySelector('#v-718-7').parentElement.querySelector('[data-flag]').textContent") == "low",
               "the flag shows while typing")
        shot("analysis-form-en")
        page.eval("document.getElementById('v-785-6').focus(); true")
        page.press("Enter", vk=13, text="\r")
        page.wait_for("document.querySelector('ul.reading') !== null")
        reading = page.eval("document.querySelector('ul.reading').innerText")
        expect("microcytic" in reading, "the reading names the microcytic anaemia: " + reading)
        shot("report-en")

        # A lipid panel pasted as a table from a lab's printout, checked, then saved.
        page.goto(f"{base}{patient_url}/analyses/new")
        page.eval("document.getElementById('table').value = 'Общий холестерин\\t6,9\\tммоль/л\\nHDL 0.9 mmol/L\\nTRIG 2.1 mmol/L 0-1.7\\nColour: yellow';"
                  "document.querySelector('form[action$=\"/paste\"]').submit(); true")
        page.wait_for("document.getElementById('v-2093-3') !== null")
        expect(page.eval("document.getElementById('v-2093-3').value") == "6.9", "the pasted value is read into the form")
        expect("Colour" in page.eval("document.body.innerText"), "the line not read is shown")
        shot("analysis-paste-en")
        page.eval("document.querySelector('form.entry').submit(); true")
        page.wait_for("document.querySelector('ul.reading') !== null")
        expect("Friedewald" in page.eval("document.body.innerText"), "derived LDL with its formula")
        report_url = page.eval("location.pathname")
        page.call("Emulation.setEmulatedMedia", media="print")
        shot("report-print-en")
        expect(page.eval("getComputedStyle(document.querySelector('header.top')).display") == "none", "print hides the header")
        page.call("Emulation.setEmulatedMedia", media="")

        # Who accessed this record: the doctor's own reads and changes, newest first.
        page.goto(f"{base}{patient_url}")
        panel = page.eval("(document.querySelector('section.access') || {innerText: ''}).innerText")
        expect("Opened the record" in panel and "Created the record" in panel and "Added an analysis" in panel,
               "the access panel lists the reads and changes: " + panel[:300])

        # One's own sessions and the password form.
        page.goto(f"{base}/account")
        expect("this session" in page.eval("document.body.innerText"), "the account page lists this session")
        shot("account-en")

        # Every main page in each language (switched in the header, kept for the account), and at
        # phone width.
        for lang, word in (("uz", "Bemorlar"), ("ru", "Пациенты"), ("en", "Patients")):
            page.goto(f"{base}/patients")
            page.eval(f"document.querySelector('button[name=\"language\"][value=\"{lang}\"]').click(); true")
            page.wait_for(f"document.documentElement.lang === '{lang}' && document.readyState === 'complete'")
            for name, path in (("dashboard", "/"), ("patients", "/patients"), ("patient", patient_url),
                               ("patient-form", patient_url + "/edit"), ("report", report_url),
                               ("analysis-form", patient_url + "/analyses/new?panel=LIPID"), ("help", "/help"),
                               ("troubleshooting", "/help/troubleshooting")):
                page.goto(base + path)
                expect(word in page.eval("document.body.innerText"), f"{lang} text on {path}")
                shot(f"{name}-{lang}")
            page.goto(base + "/patients")
            shot(f"patients-{lang}-phone", mobile=True)
            page.goto(base + patient_url)
            shot(f"patient-{lang}-phone", mobile=True)
            page.goto(base + report_url)
            shot(f"report-{lang}-phone", mobile=True)

        # Sign out: the page goes back to the login and the old session is gone.
        page.eval("document.querySelector('form[action=\"/logout\"]').submit(); true")
        page.wait_for("location.pathname === '/login'")
        page.goto(f"{base}/patients")
        expect(page.eval("location.pathname") == "/login", "signed out")

        # The administrator: every doctor's patients, the users and the settings pages.
        page.eval("document.getElementById('login').value = 'admin'; document.getElementById('password').value = 'medora-admin';"
                  "document.querySelector('form').submit(); true")
        page.wait_for("location.pathname === '/consent' && document.readyState === 'complete'")
        page.eval("document.querySelector('form[action=\"/consent\"]').submit(); true")
        page.wait_for("location.pathname === '/' && document.readyState === 'complete'")
        expect("321" in page.eval("document.querySelector('ul.stats').innerText"), "the administrator counts every patient")
        for name, path in (("users", "/users"), ("settings", "/settings")):
            page.goto(base + path)
            expect(page.eval("document.querySelector('h1') !== null"), f"the {name} page")
            shot(f"{name}-en")
            shot(f"{name}-en-phone", mobile=True)
        page.goto(base + "/users")
        page.eval("document.querySelector('a[href^=\"/users/\"]').click(); true")
        page.wait_for("document.querySelector('form[action$=\"/role\"]') !== null")
        shot("user-en")

        # The audit trail: the doctor's sign-in and the record they created, filtered by action.
        page.goto(base + "/audit")
        audit = page.eval("document.querySelector('table.audit').innerText")
        expect("Signed in" in audit and "Dr. Dilnoza Karimova" in audit, "the audit page lists the sign-ins: " + audit[:300])
        shot("audit-en")
        page.goto(base + "/audit?action=patient.create")
        rows = page.eval("Array.from(document.querySelectorAll('table.audit tbody tr')).map(r => r.innerText)")
        expect(rows and all("Created the record" in r for r in rows), "the action filter: " + str(rows[:3]))
        # The trash: the new patient deleted from their page, listed with its date, restored.
        page.goto(f"{base}{patient_url}")
        page.eval("window.confirm = () => true; document.querySelector('form[action$=\"/delete\"] button').click(); true")
        page.wait_for("document.readyState === 'complete' && document.body.innerText.indexOf('trash') >= 0")
        page.goto(base + "/trash")
        expect("Usmonxoʻjayeva" in page.eval("document.body.innerText"), "the deleted patient is in the trash")
        shot("trash-en")
        page.eval("document.querySelector('form[action$=\"/restore\"] button').click(); true")
        page.wait_for("location.pathname.startsWith('/patients/') && document.querySelector('h1') !== null")
        expect("Usmonxoʻjayeva" in page.eval("document.querySelector('h1').innerText"), "restored from the trash")
        page.goto(base + "/backups")
        shot("backups-en")

        problems = page.problems(allowed_statuses=(422,))
        expect(not problems, "console errors or failed requests:\n" + "\n".join(problems))

        # The request budgets (the server's defaults) against this workflow at a machine's pace, far
        # brisker than a doctor's: the signed-in pages, repeated back to back for an hour, stay under a
        # fifth of the per-user budget; the anonymous requests (two sign-ins, help and privacy pages:
        # all within one minute here) stay under a fifth of one minute's budget for the address.
        minutes = (time.monotonic() - started) / 60
        time.sleep(0.5)  # the log is flushed every 100 ms
        per_user, anonymous = {}, 0
        with open(os.path.join(work, "demo", "logs", "medora.log"), encoding="utf-8") as log:
            for line in log:
                entry = json.loads(line)
                if entry.get("msg") != "request" or entry.get("route", "").startswith("/static") or entry.get("route") == "/health":
                    continue
                if "user_id" in entry:
                    per_user[entry["user_id"]] = per_user.get(entry["user_id"], 0) + 1
                else:
                    anonymous += 1
        budgets = {"pages per user and minute": (max(per_user.values()) / minutes, 1200),
                   "anonymous per address and minute": (anonymous / max(1.0, minutes), 100)}
        for name, (rate, budget) in budgets.items():
            print(f"budget {name}: {rate:.1f} a minute at the test's pace, {rate / budget:.2f} of {budget}")
            expect(rate <= budget / 5, f"{name}: {rate:.1f} a minute is over a fifth of {budget}")
        print(f"browser test: {checks} checks passed, screenshots in {out}")
    finally:
        browser.kill()
        demo.terminate()
        demo.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
