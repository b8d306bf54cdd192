#!/usr/bin/env bash
# Try KidCoder on 32-bit ARM (armhf, the XO-1.75 and XO-4 kind) on an x86-64 machine, by emulation:
#   1. qemu-user-static runs ARM programs (binfmt_misc); debootstrap --arch=armhf makes a Debian folder
#   2. inside it, tools/armhf/build_wheelhouse.sh builds pygame-ce from source and the wheelhouse
#   3. a fresh venv installs KidCoder from that wheelhouse with no index, then pytest (the tests given,
#      default a quick selection: emulation is 10-20 times slower) and the classroom commands
# The wheelhouse is copied out to build/wheelhouse-armv7l. Emulation proves that it builds, installs
# and runs; it says nothing about speed on a real XO.
#
# usage: sudo tools/armhf/run_in_qemu.sh [pytest arguments | --no-tests]
# env:   ARMHF_ROOT=/work/armhfroot   DEBIAN_SUITE, DEBIAN_MIRROR (see tools/i686/make_root.sh)
#        QEMU_CPU=cortex-a9,neon=off   the emulated processor (default: qemu's, with NEON). pygame-ce
#        2.5.8's NEON smoothscale crashed under emulation; without NEON (like the XO-1.75) it does not.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
ROOT="${ARMHF_ROOT:-/work/armhfroot}"
OUT="${WHEELHOUSE:-$REPO/build/wheelhouse-armv7l}"
LOG="${LOG:-$ROOT/opt/kidcoder-tests.log}"
TESTS=("$@")
[ ${#TESTS[@]} -gt 0 ] || TESTS=(-q tests/runner/test_runner.py tests/test_cli.py tests/ui/test_app_flow.py)
# shellcheck source=../i686/chroot.sh
. "$HERE/../i686/chroot.sh"

if [ ! -e /proc/sys/fs/binfmt_misc/qemu-arm ]; then
    command -v qemu-arm-static >/dev/null || { echo "run_in_qemu: apt-get install qemu-user-static" >&2; exit 2; }
    [ -e /proc/sys/fs/binfmt_misc/register ] || mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
    grep -v '^#' /usr/lib/binfmt.d/qemu-arm.conf > /proc/sys/fs/binfmt_misc/register
fi
DEBIAN_ARCH=armhf PACKAGES="python3,python3-venv,python3-dev,python3-numpy,python3-yaml,ca-certificates,\
build-essential,pkg-config,libsdl2-dev,libsdl2-image-dev,libsdl2-mixer-dev,libsdl2-ttf-dev,libfreetype-dev,\
libportmidi-dev,libjpeg-dev,libpng-dev" "$HERE/../i686/make_root.sh" "$ROOT"

chroot_mount "$ROOT"
copy_checkout "$REPO" "$ROOT/opt/kidcoder-src"
in_root "$ROOT" - env DEV=1 /bin/bash /opt/kidcoder-src/tools/armhf/build_wheelhouse.sh /opt/wheelhouse
mkdir -p "$OUT" && cp "$ROOT"/opt/wheelhouse/*.whl "$OUT/"
cp "$HERE/../i686/inside_tests.sh" "$ROOT/opt/inside_tests.sh"
set +e
in_root "$ROOT" - /bin/bash /opt/inside_tests.sh "${TESTS[@]}" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e
echo "run_in_qemu: exit status $status; log in $LOG; wheelhouse in $OUT"
exit "$status"
