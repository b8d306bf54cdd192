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
# Exit status: pytest's (0 = all passed), or 1 when a classroom command fails.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
ROOT="${I386_ROOT:-/work/i386root}"
WHEELHOUSE="${WHEELHOUSE:-$REPO/build/wheelhouse-i686}"
LOG="${LOG:-$ROOT/opt/kidcoder-tests.log}"
PYTEST_ARGS=("$@")
[ ${#PYTEST_ARGS[@]} -gt 0 ] || PYTEST_ARGS=(-q)

"$HERE/make_root.sh" "$ROOT"
[ -d "$WHEELHOUSE" ] && ls "$WHEELHOUSE"/pytest-*.whl >/dev/null 2>&1 || DEV=1 "$HERE/build_wheelhouse.sh" "$WHEELHOUSE"

mounted=()
cleanup() {
    for (( i=${#mounted[@]}-1; i>=0; i-- )); do umount -l "${mounted[$i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
mount_in() {   # mount_in TYPE-OR--bind SOURCE TARGET
    mkdir -p "$3"
    if [ "$1" = "--bind" ]; then mount --bind "$2" "$3"; else mount -t "$1" "$2" "$3"; fi
    mounted+=("$3")
}
mount_in proc proc "$ROOT/proc"
mount_in sysfs sysfs "$ROOT/sys"
mount_in --bind /dev "$ROOT/dev"
mount_in tmpfs shm "$ROOT/dev/shm"            # the game's frames travel through shared memory
mount_in devpts devpts "$ROOT/dev/pts"

echo "run_tests: copying the checkout and the wheelhouse into $ROOT/opt"
rm -rf "$ROOT/opt/kidcoder-src" "$ROOT/opt/wheelhouse"
mkdir -p "$ROOT/opt/kidcoder-src" "$ROOT/opt/wheelhouse"
(cd "$REPO" && git ls-files -z -co --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$ROOT/opt/kidcoder-src"
cp "$WHEELHOUSE"/*.whl "$ROOT/opt/wheelhouse/"

set +e
# setarch: a 32-bit userland on an x86-64 kernel still hears "x86_64" from uname (and so from
# platform.machine() and pip's markers) unless the process runs with the 32-bit personality.
setarch i686 chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy PYGAME_HIDE_SUPPORT_PROMPT=1 \
    /bin/bash -s -- "${PYTEST_ARGS[@]}" <<'INSIDE' 2>&1 | tee "$LOG"
set -u
echo "== $(uname -m) kernel, userland: $(dpkg --print-architecture), $(python3 --version)"
rm -rf /opt/venv
python3 -m venv --system-site-packages /opt/venv || exit 1
/opt/venv/bin/python -m pip install --quiet --no-index --find-links /opt/wheelhouse "kidcoder[dev]" || exit 1
/opt/venv/bin/python - <<'PY'
import platform, struct, sys
import pygame, pygame_gui, whoosh
print("== python", platform.python_version(), platform.machine(), struct.calcsize("P") * 8, "bit; maxsize", sys.maxsize)
print("== pygame-ce", pygame.version.ver, "SDL", pygame.get_sdl_version(), "pygame-gui", pygame_gui.__version__ if hasattr(pygame_gui, "__version__") else "?")
try:
    import gpt4all  # noqa: F401
    print("== gpt4all: installed (unexpected on i686)")
except ImportError:
    print("== gpt4all: not installed (left out by its marker)")
PY
cd /opt/kidcoder-src
/opt/venv/bin/python -m pytest -p no:cacheprovider --junitxml=/opt/kidcoder-junit.xml "$@"
status=$?
echo "== pytest exit status $status"
mkdir -p /tmp/classroom && cd /tmp/classroom
export KIDCODER_HOME=/tmp/classroom/home
printf 'score = 0\nprint(scor)\n' > broken.py
example=$(/opt/venv/bin/python -c "import kidcoder.paths as p; print(p.assets_dir() / 'examples' / 'bouncing_ball.py')")
classroom() { echo "== kidcoder $*"; /opt/venv/bin/kidcoder "$@" || { echo "== classroom command failed"; exit 1; }; }
classroom run "$example" --headless --frames 60 --json
classroom hint broken.py --json --no-model
classroom ask "how do I make my guy jump?" --json --no-model
exit $status
INSIDE
status=${PIPESTATUS[0]}
set -e
echo "run_tests: exit status $status; log in $LOG, JUnit XML in $ROOT/opt/kidcoder-junit.xml"
exit "$status"
