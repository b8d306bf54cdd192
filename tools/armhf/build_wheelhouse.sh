#!/usr/bin/env bash
# Build the classroom wheelhouse for ARM laptops (armv7l: XO-1.75, XO-4) ON a 32-bit ARM Debian:
# one of the laptops, another armhf machine, or the emulated folder of tools/armhf/run_in_qemu.sh.
# pygame-ce publishes no armv7l wheel, so it is built here from its source package against Debian's
# SDL2 (about 10 minutes on an XO-4, much longer under emulation); everything else is pure Python.
#
# Needs (Debian package names):
#   build-essential pkg-config python3-dev python3-venv libsdl2-dev libsdl2-image-dev
#   libsdl2-mixer-dev libsdl2-ttf-dev libfreetype-dev libportmidi-dev libjpeg-dev libpng-dev
# The laptops then need only the libraries the pygame-ce wheel links to (it does not carry them):
#   libsdl2-2.0-0 libsdl2-image-2.0-0 libsdl2-mixer-2.0-0 libsdl2-ttf-2.0-0 libfreetype6 libportmidi0
#
# usage: tools/armhf/build_wheelhouse.sh [WHEELHOUSE_DIR]     (default: build/wheelhouse-armv7l)
# env:   PYGAME_CE=2.5.8 (the pygame-ce version to build)   DEV=1 (also the test tools)
#        NO_NEON=1 (build pygame-ce without its sse2neon code: for ARM laptops whose processor has NEON)
#        PYGAME_SDIST=FILE (with NO_NEON: pygame-ce's source package already here, not downloaded)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$REPO/build/wheelhouse-$(uname -m)}"
PYGAME_CE="${PYGAME_CE:-2.5.8}"
VENV="${BUILD_VENV:-/tmp/kidcoder-wheel-venv}"

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
[ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
pip=("$VENV/bin/python" -m pip)

if ! ls "$OUT"/pygame_ce-"$PYGAME_CE"-*.whl >/dev/null 2>&1; then
    echo "wheelhouse-arm: building pygame-ce $PYGAME_CE from source against the system's SDL2"
    if [ "${NO_NEON:-0}" = "1" ]; then
        # pygame-ce's meson.build turns on its sse2neon code for every armv7l compiler that takes
        # -mfpu=neon, and that code faulted under emulation (docs/xo.md); there is no option to turn it
        # off, so the one condition is made false in a copy of the source package.
        SRC="$(mktemp -d)"
        SDIST="${PYGAME_SDIST:-}"          # a copy of pygame_ce-VERSION.tar.gz brought along, or downloaded
        if [ -z "$SDIST" ]; then
            "${pip[@]}" download --no-deps --no-binary pygame-ce --dest "$SRC" "pygame-ce==$PYGAME_CE"
            SDIST="$SRC/pygame_ce-$PYGAME_CE.tar.gz"
        fi
        tar -xzf "$SDIST" -C "$SRC"
        sed -i "s/if cc.has_argument(flag) and host_machine.cpu() == 'armv7l'/if false/" \
            "$SRC/pygame_ce-$PYGAME_CE/meson.build"
        grep -q "^    if false$" "$SRC/pygame_ce-$PYGAME_CE/meson.build" || { echo "NO_NEON: meson.build changed" >&2; exit 1; }
        "${pip[@]}" wheel --no-deps --wheel-dir "$OUT" "$SRC/pygame_ce-$PYGAME_CE"
    else
        "${pip[@]}" wheel --no-deps --no-binary pygame-ce --wheel-dir "$OUT" "pygame-ce==$PYGAME_CE"
    fi
fi
echo "wheelhouse-arm: KidCoder and what it needs on $(uname -m) (markers judged by this machine)"
rm -f "$OUT"/kidcoder-*.whl
"${pip[@]}" wheel --quiet --find-links "$OUT" --wheel-dir "$OUT" "$REPO"
if [ "${DEV:-0}" = "1" ]; then
    echo "wheelhouse-arm: test tools (numpy and PyYAML for gguf come from Debian)"
    "${pip[@]}" wheel --quiet --find-links "$OUT" --wheel-dir "$OUT" pytest hypothesis tqdm requests
    "${pip[@]}" wheel --quiet --no-deps --wheel-dir "$OUT" gguf
fi
if ls "$OUT" | grep -qi '^gpt4all'; then
    echo "wheelhouse-arm: gpt4all must not be in an ARM wheelhouse" >&2
    exit 1
fi
echo "wheelhouse-arm: $(ls "$OUT"/*.whl | wc -l) wheels, $(du -sh "$OUT" | cut -f1) in $OUT"
