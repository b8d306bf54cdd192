#!/bin/bash
# Runs INSIDE the test root (tools/i686/run_tests.sh, tools/armhf/run_in_qemu.sh): install KidCoder from
# /opt/wheelhouse with no index, run pytest on /opt/kidcoder-src, then the classroom commands.
# Arguments go to pytest. Exit status: pytest's, or 1 when installing or a classroom command fails.
set -u
echo "== $(uname -m) machine, userland: $(dpkg --print-architecture), $(python3 --version)"
rm -rf /opt/venv
# --system-site-packages: numpy and PyYAML (only the gguf test tool needs them) come from Debian
python3 -m venv --system-site-packages /opt/venv || exit 1
/opt/venv/bin/python -m pip install --quiet --no-index --find-links /opt/wheelhouse "kidcoder[dev]" || exit 1
/opt/venv/bin/python - <<'PY'
import platform, struct, sys
import pygame, pygame_gui, whoosh
print("== python", platform.python_version(), platform.machine(), struct.calcsize("P") * 8, "bit; maxsize", sys.maxsize)
print("== pygame-ce", pygame.version.ver, "SDL", pygame.get_sdl_version())
try:
    import gpt4all  # noqa: F401
    print("== gpt4all: installed")
except ImportError:
    print("== gpt4all: not installed (left out by its marker)")
PY
status=0
if [ "${1:-}" != "--no-tests" ]; then
    cd /opt/kidcoder-src
    /opt/venv/bin/python -m pytest -p no:cacheprovider --junitxml=/opt/kidcoder-junit.xml "$@"
    status=$?
    echo "== pytest exit status $status"
fi
mkdir -p /tmp/classroom && cd /tmp/classroom
export KIDCODER_HOME=/tmp/classroom/home
printf 'score = 0\nprint(scor)\n' > broken.py
example=$(/opt/venv/bin/python -c "import kidcoder.paths as p; print(p.assets_dir() / 'examples' / 'bouncing_ball.py')")
classroom() { echo "== kidcoder $*"; /opt/venv/bin/kidcoder "$@" || { echo "== classroom command failed"; exit 1; }; }
classroom run "$example" --headless --frames 60 --json
classroom hint broken.py --json --no-model
classroom ask "how do I make my guy jump?" --json --no-model
exit $status
