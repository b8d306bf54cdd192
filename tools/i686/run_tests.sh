#!/usr/bin/env bash
# Run KidCoder's test suite on 32-bit x86 (i386) Debian, installed from the i686 wheelhouse only.
#
#   1. make_root.sh: debootstrap --arch=i386 into ROOT (once; outside the checkout)
#   2. build_wheelhouse.sh with DEV=1 (once; test tools included)
#   3. in a chroot: a fresh venv, `pip install --no-index` from the wheelhouse, pytest with SDL's
#      dummy video and audio drivers on a copy of this checkout, then kidcoder run/hint/ask as a
#      classroom laptop would use them (the installed wheel, from outside the checkout)
#
# usage: sudo tools/i686/run_tests.sh [pytest arguments]     (default: -q)
# env:   I386_ROOT=/work/i386root  WHEELHOUSE=build/wheelhouse-i686  (plus make_root.sh's)
# Exit status: pytest's (0 = all passed), or 1 when installing or a classroom command fails.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
ROOT="${I386_ROOT:-/work/i386root}"
WHEELHOUSE="${WHEELHOUSE:-$REPO/build/wheelhouse-i686}"
LOG="${LOG:-$ROOT/opt/kidcoder-tests.log}"
PYTEST_ARGS=("$@")
[ ${#PYTEST_ARGS[@]} -gt 0 ] || PYTEST_ARGS=(-q)
# shellcheck source=chroot.sh
. "$HERE/chroot.sh"

"$HERE/make_root.sh" "$ROOT"
ls "$WHEELHOUSE"/pytest-*.whl >/dev/null 2>&1 || DEV=1 "$HERE/build_wheelhouse.sh" "$WHEELHOUSE"
chroot_mount "$ROOT"
echo "run_tests: copying the checkout and the wheelhouse into $ROOT/opt"
copy_checkout "$REPO" "$ROOT/opt/kidcoder-src"
rm -rf "$ROOT/opt/wheelhouse" && mkdir -p "$ROOT/opt/wheelhouse" && cp "$WHEELHOUSE"/*.whl "$ROOT/opt/wheelhouse/"
cp "$HERE/inside_tests.sh" "$ROOT/opt/inside_tests.sh"

set +e
in_root "$ROOT" i686 /bin/bash /opt/inside_tests.sh "${PYTEST_ARGS[@]}" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
set -e
echo "run_tests: exit status $status; log in $LOG, JUnit XML in $ROOT/opt/kidcoder-junit.xml"
exit "$status"
