#!/usr/bin/env bash
# Make a 32-bit x86 Debian folder (a chroot) to test KidCoder in, with Debian's own Python.
# An x86-64 Linux kernel runs i386 programs natively, so no emulator is needed.
#
# usage: tools/i686/make_root.sh [ROOT]          (default /work/i386root; keep it outside the checkout)
# env:   DEBIAN_SUITE=bookworm  DEBIAN_MIRROR=http://deb.debian.org/debian
#        DEBOOTSTRAP=debootstrap   (apt-get install debootstrap)
set -euo pipefail
ROOT="${1:-${I386_ROOT:-/work/i386root}}"
SUITE="${DEBIAN_SUITE:-bookworm}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
DEBOOTSTRAP="${DEBOOTSTRAP:-debootstrap}"
ARCH="${DEBIAN_ARCH:-i386}"
# python3-venv for a clean venv; numpy and PyYAML (needed only by the gguf test tool) have no i686 wheels.
PACKAGES="${PACKAGES:-python3,python3-venv,python3-numpy,python3-yaml,ca-certificates}"

if [ "$(id -u)" != 0 ]; then
    echo "make_root: debootstrap and chroot need root" >&2
    exit 2
fi
if [ -x "$ROOT/usr/bin/python3" ]; then
    missing=()
    for package in ${PACKAGES//,/ }; do
        chroot "$ROOT" dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "make_root: adding ${missing[*]}"
        cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
        chroot "$ROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    fi
    echo "make_root: $ROOT is ready ($(chroot "$ROOT" /usr/bin/python3 --version))"
    exit 0
fi
mkdir -p "$ROOT"
echo "make_root: debootstrap --arch=$ARCH $SUITE into $ROOT (a few minutes)"
"$DEBOOTSTRAP" --arch="$ARCH" --variant=minbase --include="$PACKAGES" "$SUITE" "$ROOT" "$MIRROR"
echo "make_root: $ROOT is ready ($(chroot "$ROOT" /usr/bin/python3 --version))"
