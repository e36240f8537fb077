#!/usr/bin/env python3
"""The release archive, checked as a user on a fresh machine would use it (`make test` runs this
after `make release`):

- dist/SHA256SUMS verifies the archive, and the archive's own SHA256SUMS its files;
- the binary is under 80 MB, and `ldd` lists only the C runtime (no libsodium, SQLite or zlib);
- `--version` names the SQLite and libsodium linked in;
- unpacked into an otherwise empty root with only the libraries `ldd` lists (and /proc), the
  binary runs `demo` under chroot; a doctor signs in over HTTP and reads a patient.

Usage: release_check.py DIST_DIR
"""
import glob
import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request

MAX_BYTES = 80 * 1024 * 1024
ALLOWED = {"linux-vdso.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libc.so.6", "libm.so.6",
           "libstdc++.so.6", "libgcc_s.so.1"}
checks = 0


def expect(condition, message):
    global checks
    if not condition:
        sys.exit(f"release check FAILED: {message}")
    checks += 1


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify_sums(folder, sums):
    with open(sums, encoding="utf-8") as f:
        lines = [l.split() for l in f if l.strip()]
    expect(lines, f"{sums} lists files")
    for digest, name in lines:
        expect(sha256(os.path.join(folder, name)) == digest, f"{name} matches {sums}")
    return [name for _, name in lines]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method, url, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, json.loads(r.read())


def main():
    dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
    archives = sorted(glob.glob(os.path.join(dist, "medora-lite-*-linux-*.tar.gz")), key=os.path.getmtime)
    expect(archives, f"an archive in {dist} (make release)")
    archive = archives[-1]
    name = os.path.basename(archive)[: -len(".tar.gz")]
    listed = verify_sums(dist, os.path.join(dist, "SHA256SUMS"))
    expect(os.path.basename(archive) in listed, "the archive is in dist/SHA256SUMS")

    work = tempfile.mkdtemp(prefix="medora-release-")
    mounted = None
    server = None
    try:
        root = os.path.join(work, "root")
        os.makedirs(root)
        with tarfile.open(archive) as t:
            members = t.getnames()
            expect(all(m == name or m.startswith(name + "/") for m in members), "everything under one folder")
            t.extractall(root, filter="data")
        folder = os.path.join(root, name)
        inside = verify_sums(folder, os.path.join(folder, "SHA256SUMS"))
        for needed in ["medora-lite", "README.md", "licenses/libsodium.txt", "licenses/sqlite.txt", "licenses/zlib.txt",
                       "licenses/icu.txt", "licenses/swift.txt", "licenses/GRDB.swift.txt", "licenses/hummingbird.txt"]:
            expect(needed in inside, f"the archive holds {needed}")
        binary = os.path.join(folder, "medora-lite")
        size = os.path.getsize(binary)
        print(f"binary {size / 1e6:.1f} MB (limit {MAX_BYTES / 1e6:.0f} MB), archive {os.path.getsize(archive) / 1e6:.1f} MB")
        expect(size < MAX_BYTES, f"the binary is under 80 MB ({size} bytes)")
        expect(b".debug_info" not in subprocess.run(["readelf", "-S", binary], capture_output=True).stdout, "stripped")

        ldd = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
        libraries = [line.split()[0] for line in ldd.splitlines() if line.strip()]
        print("ldd:", " ".join(os.path.basename(l) for l in libraries))
        for library in libraries:
            expect(os.path.basename(library) in ALLOWED, f"only the C runtime is shared; ldd lists {library}")
        version = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout
        print(version.strip().splitlines()[0], "|", version.strip().splitlines()[-1])
        expect("SQLite 3." in version and "THREADSAFE=1" in version and "libsodium 1." in version,
               f"--version names what is linked in: {version}")

        if os.geteuid() != 0:
            print(f"release check: {checks} checks passed; the chroot run SKIPPED (needs root)")
            return
        # An otherwise empty root: the unpacked folder, the libraries ldd lists, /proc.
        for line in ldd.splitlines():
            path = next((p for p in line.split() if p.startswith("/")), None)
            if path:
                target = os.path.join(root, path.lstrip("/"))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copy(path, target)
        present = [os.path.relpath(os.path.join(d, f), root) for d, _, files in os.walk(root) for f in files]
        shared = [p for p in present if ".so" in os.path.basename(p)]
        expect(not [p for p in shared if "libsodium" in p or "libsqlite3" in p or "libz." in p],
               f"no libsodium, SQLite or zlib among the libraries in the root: {shared}")
        os.makedirs(os.path.join(root, "proc"))
        subprocess.run(["mount", "-t", "proc", "proc", os.path.join(root, "proc")], check=True)
        mounted = os.path.join(root, "proc")
        port = free_port()
        server = subprocess.Popen(["chroot", root, f"/{name}/medora-lite", "demo", "--data", "/data", "--port", str(port)],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if http("GET", f"{base}/health")[0] == 200:
                    break
            except OSError:
                pass
            if server.poll() is not None:
                expect(False, f"the demo runs in the empty root: {server.stdout.read()}")
            expect(time.monotonic() < deadline, "the demo answers within a minute")
            time.sleep(0.1)
        status, login = http("POST", f"{base}/api/v1/auth/login", body={"login": "doctor", "password": "medora-demo"})
        expect(status == 200 and login.get("token"), "the demo doctor signs in")
        status, page = http("GET", f"{base}/api/v1/patients?limit=1", login["token"])
        expect(status == 200 and page["total"] == 320, f"the demo's 320 patients: {page.get('total')}")
        first = page["items"][0]
        status, patient = http("GET", f"{base}/api/v1/patients/{first['id']}", login["token"])
        expect(status == 200 and patient["id"] == first["id"] and patient["lastName"] == first["lastName"], "a patient is read")
        expect(os.path.exists(os.path.join(root, "data", "medora.db")), "the data folder is inside the root")
        print(f"release check: {checks} checks passed ({name}, served from an empty root)")
    finally:
        if server and server.poll() is None:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
        if mounted:
            subprocess.run(["umount", "-l", mounted])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
