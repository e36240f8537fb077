#!/usr/bin/env python3
"""A smaller ICU data package for the release binary (deploy/release.sh).

Foundation links ICU with its whole data package compiled in (`icudt<N>_dat`, 34 MB of the 95 MB
stripped binary). Medora Lite speaks en, ru and uz and converts only UTF-8, so the release keeps
ICU's root data, every non-locale table (time-zone rules, likely subtags, plurals, normalization…)
and the en, ru and uz locales (with their regional variants) in every tree, and drops the other
locales' data, collation and display names, the legacy character-set converters (.cnv), the
transliterators and the word-break dictionaries of Chinese, Japanese, Thai, Khmer, Lao and Burmese.

It writes an assembler file defining `medora_icu_data` with the smaller package; the release links
it with `--defsym icudt<N>_dat=medora_icu_data`, so ICU's reference to its data is satisfied
before the archive member holding the full package is looked at (that member defines nothing
else, which this script checks).

Usage: icu_data.py LIB_FOUNDATIONICU_A OUT_DIR   (prints the .s path, named after ICU's symbol)
"""
import os
import re
import struct
import subprocess
import sys

LANGUAGES = {"root", "en", "ru", "uz"}
MEMBER = "icu_packaged_data.cpp.o"


def tool(*args):
    return subprocess.run(args, check=True, capture_output=True).stdout


def packaged_data(archive, work):
    """The bytes of the icudt<N>_dat symbol and its name, from the archive member."""
    member = os.path.join(work, MEMBER)
    with open(member, "wb") as f:
        f.write(tool("ar", "p", archive, MEMBER))
    symbols = [l.split() for l in tool("readelf", "-s", "-W", member).decode().splitlines()]
    defined = [s for s in symbols if len(s) >= 8 and s[4] == "GLOBAL" and s[6] != "UND"]
    if len(defined) != 1 or not re.fullmatch(r"icudt\d+_dat", defined[0][7]):
        sys.exit(f"{MEMBER} should define only icudt<N>_dat: {defined}")
    name, value, size, section = defined[0][7], int(defined[0][1], 16), int(defined[0][2], 0), int(defined[0][6])
    for line in tool("readelf", "-S", "-W", member).decode().splitlines():
        m = re.match(r"\s*\[\s*(\d+)\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+([0-9a-f]+)\s+([0-9a-f]+)", line)
        if m and int(m.group(1)) == section:
            offset = int(m.group(3), 16) + value
            with open(member, "rb") as f:
                f.seek(offset)
                return name, f.read(size)
    sys.exit(f"section {section} of {MEMBER} not found")


def items(data):
    """(header bytes, [(name, bytes)]) of a common data package ("CmnD", little-endian)."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD" or data[8] != 0:
        sys.exit("not a little-endian ICU common data package")
    toc = header_size
    count, = struct.unpack_from("<I", data, toc)
    entries = []
    for i in range(count):
        name_offset, data_offset = struct.unpack_from("<II", data, toc + 4 + 8 * i)
        end = data.index(b"\0", toc + name_offset)
        entries.append((data[toc + name_offset:end].decode("ascii"), data_offset))
    ordered = sorted(entries, key=lambda e: e[1])
    bounds = {name: (start, ordered[i + 1][1] if i + 1 < len(ordered) else len(data) - toc)
              for i, (name, start) in enumerate(ordered)}
    return data[:header_size], [(name, data[toc + bounds[name][0]:toc + bounds[name][1]]) for name, _ in entries]


LOCALE = re.compile(r"^(root|[a-z]{2,3})(_[A-Za-z0-9]+)*\.res$")
DICTIONARY = re.compile(r"\.dict$")


def keep(name):
    path = name.split("/", 1)[1]          # "icudt76l/coll/ru.res" -> "coll/ru.res"
    tree, _, file = path.rpartition("/")
    if file.endswith(".cnv") or tree == "translit" or DICTIONARY.search(file):
        return False
    if file in ("res_index.res", "pool.res"):
        return True
    m = LOCALE.match(file)
    if not m:
        return True                        # not a locale: rules, tables, normalization data
    return m.group(1) in LANGUAGES


def package(header, kept):
    """The package again: the same header, a table of contents, names, then 16-byte aligned items."""
    count = len(kept)
    names = b""
    name_offsets = []
    toc_size = 4 + 8 * count
    for name, _ in kept:
        name_offsets.append(toc_size + len(names))
        names += name.encode("ascii") + b"\0"
    body = bytearray()
    position = toc_size + len(names)
    pad = (-(len(header) + position)) % 16
    body += b"\0" * pad
    position += pad
    data_offsets = []
    for _, data in kept:
        data_offsets.append(position + len(body) - pad)
        body += data
        extra = (-(len(header) + position + len(body) - pad)) % 16
        body += b"\0" * extra
    toc = struct.pack("<I", count) + b"".join(struct.pack("<II", n, d) for n, d in zip(name_offsets, data_offsets))
    return header + toc + names + bytes(body)


def main():
    archive, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    symbol, data = packaged_data(archive, out)
    header, all_items = items(data)
    kept = [(n, d) for n, d in all_items if keep(n)]   # the table stays sorted by name
    smaller = package(header, kept)
    # The package must read back as the items kept, unchanged.
    again_header, again = items(smaller)
    assert again_header == header and again == kept
    dat = os.path.join(out, f"{symbol}.dat")
    with open(dat, "wb") as f:
        f.write(smaller)
    asm = os.path.join(out, f"{symbol}.s")
    with open(asm, "w") as f:
        f.write(f'\t.section .rodata.medora_icu_data,"a",@progbits\n\t.balign 16\n\t.globl medora_icu_data\n'
                f'\t.type medora_icu_data,@object\nmedora_icu_data:\n\t.incbin "{dat}"\n\t.size medora_icu_data, {len(smaller)}\n'
                '\t.section .note.GNU-stack,"",@progbits\n')
    sys.stderr.write(f"ICU data: {len(kept)} of {len(all_items)} items, {len(smaller) / 1e6:.1f} MB of {len(data) / 1e6:.1f} MB\n")
    print(asm)


if __name__ == "__main__":
    main()
