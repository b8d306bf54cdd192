#!/usr/bin/env bash
# Make a Debian folder of another architecture (a chroot) to test KidCoder in, with Debian's own Python:
# i386 by default (an x86-64 kernel runs it natively), or DEBIAN_ARCH=armhf with qemu-user-static.
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
if [ ! -x "$ROOT/usr/bin/python3" ]; then
    mkdir -p "$ROOT"
    echo "make_root: debootstrap --arch=$ARCH $SUITE into $ROOT (a few minutes; much longer under emulation)"
    # Only Python here: debootstrap does not choose between alternatives (libjack0 or libjackd2 ...);
    # apt-get inside the new root does.
    "$DEBOOTSTRAP" --arch="$ARCH" --variant=minbase --include=python3 "$SUITE" "$ROOT" "$MIRROR"
fi
missing=()
for package in ${PACKAGES//,/ }; do
    chroot "$ROOT" dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "make_root: apt-get install ${missing[*]}"
    cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
    mount -t proc proc "$ROOT/proc"
    trap 'umount -l "$ROOT/proc" 2>/dev/null || true' EXIT
    chroot "$ROOT" /usr/bin/env DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin \
        sh -c 'apt-get update -q && apt-get install -y -q --no-install-recommends "$@"' apt "${missing[@]}"
fi
echo "make_root: $ROOT is ready ($(chroot "$ROOT" /usr/bin/python3 --version))"
