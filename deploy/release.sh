#!/usr/bin/env bash
# The self-contained release (`make release`): libsodium, SQLite and zlib linked in from Debian's
# static archives, the Swift runtime static, the binary stripped, and one archive with the README,
# the licence notices of everything linked in, and checksums.
#
#   deploy/release.sh build     release binaries in .build/release (also what `make bench` measures)
#   deploy/release.sh package   build, then dist/medora-lite-<version>-linux-<arch>.tar.gz and dist/SHA256SUMS
#
# How the static link works: a libsodium.pc first on PKG_CONFIG_PATH gives CSodium `-L` a folder
# holding only archives, so `-lsodium`, and GRDB's `-lsqlite3` and the `-lz` of the compression
# code, find the archives there before the shared libraries in the system's folders.
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
arch=$(uname -m)
libdir=/usr/lib/${arch}-linux-gnu
libs=$PWD/.build/static-libs

build() {
    mkdir -p "$libs"
    rm -rf "$libs"/*
    for archive in libsodium.a libsqlite3.a libz.a; do
        if [ ! -f "$libdir/$archive" ]; then
            echo "missing $libdir/$archive: \`make deps\` installs libsodium-dev, libsqlite3-dev and zlib1g-dev" >&2
            exit 1
        fi
        ln -s "$libdir/$archive" "$libs/$archive"
    done
    cat > "$libs/libsodium.pc" <<PC
Name: libsodium
Description: libsodium, linked in statically (SQLite and zlib from the same folder)
Version: $(pkg-config --modversion libsodium)
Cflags:
Libs: -L$libs -lsodium
PC
    # Foundation's ICU with its data package cut to the languages the product speaks
    # (deploy/icu_data.py): the smaller package under a name of its own, and ICU's data symbol
    # defined as that name on the linker's command line, so the archive member holding the full
    # package is never pulled in.
    local toolchain icu_asm icu_symbol
    toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v "$SWIFT")")")")
    icu_asm=$(python3 deploy/icu_data.py "$toolchain/lib/swift_static/linux/lib_FoundationICU.a" "$libs/icu")
    icu_symbol=$(basename "$icu_asm" .s)
    as -o "$libs/icu/icu-data.o" "$icu_asm"
    PKG_CONFIG_PATH="$libs" "$SWIFT" build -c release --static-swift-stdlib -Xlinker --no-export-dynamic \
        -Xlinker "$libs/icu/icu-data.o" -Xlinker "--defsym=$icu_symbol=medora_icu_data"
}

package() {
    build
    local bin=.build/release/medora-lite
    local version
    version=$("$bin" --version | head -1 | awk '{print $2}')
    local name="medora-lite-${version}-linux-${arch}"
    local stage="dist/$name"
    rm -rf "$stage" "dist/$name.tar.gz"
    mkdir -p "$stage/licenses"
    strip -o "$stage/medora-lite" "$bin"
    cp README.md "$stage/"
    # What is linked in: libsodium (ISC), SQLite (public domain), zlib, the Swift runtime and
    # Foundation (Apache 2.0 with the runtime library exception), ICU and its data, cut down, under
    # Foundation (the Unicode licence: deploy/licenses/icu.txt, as Debian ships it with ICU), and
    # the Swift packages.
    cp /usr/share/doc/libsodium23/copyright "$stage/licenses/libsodium.txt"
    cp /usr/share/doc/libsqlite3-0/copyright "$stage/licenses/sqlite.txt"
    cp /usr/share/doc/zlib1g/copyright "$stage/licenses/zlib.txt"
    cp deploy/licenses/icu.txt "$stage/licenses/icu.txt"
    local toolchain swift_licence
    toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v "$SWIFT")")")")
    swift_licence=$(find "$toolchain/share" -path '*swift*' -name 'LICENSE.txt' | sort | head -1)
    if [ -z "$swift_licence" ]; then echo "the Swift toolchain's LICENSE.txt was not found under $toolchain/share" >&2; exit 1; fi
    cp "$swift_licence" "$stage/licenses/swift.txt"
    for checkout in .build/checkouts/*/; do
        local licence
        licence=$(find "$checkout" -maxdepth 1 -iname 'LICENSE*' -type f | sort | head -1)
        [ -n "$licence" ] && cp "$licence" "$stage/licenses/$(basename "$checkout").txt"
    done
    (cd "$stage" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort | xargs sha256sum > SHA256SUMS)
    # Reproducible: sorted names, no owners, the last commit's time, gzip without a timestamp.
    local when
    when=$(git log -1 --format=%ct 2>/dev/null || echo 0)
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$when" -C dist -cf - "$name" | gzip -9n > "dist/$name.tar.gz"
    rm -rf "$stage"
    (cd dist && sha256sum "$name.tar.gz" > SHA256SUMS)
    ls -l "dist/$name.tar.gz"
    echo "binary: $(stat -c %s "$bin") bytes unstripped; archive and checksum in dist/"
}

case "${1:-package}" in
    build) build ;;
    package) package ;;
    *) echo "usage: deploy/release.sh build|package" >&2; exit 2 ;;
esac
