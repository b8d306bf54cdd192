#!/usr/bin/env bash
# Build the classroom wheelhouse for 32-bit x86 Linux laptops (i686: XO-1.5, old netbooks) on any
# machine with internet. The laptops then install with no network:
#     python3 -m pip install --no-index --find-links WHEELHOUSE kidcoder
#
# usage: tools/i686/build_wheelhouse.sh [WHEELHOUSE_DIR]     (default: build/wheelhouse-i686)
# env:   PYVER=3.11   the laptops' Python (Debian 12 i386 has 3.11)
#        DEV=1        also the test tools (pytest, hypothesis, gguf and its pure dependencies);
#                     numpy and PyYAML have no i686 wheels: take Debian's python3-numpy python3-yaml
#        PYTHON=python3  the Python that runs pip here
#
# pygame-ce publishes manylinux i686 wheels; pygame-gui and whoosh-reloaded are pure Python.
# gpt4all has no i686 wheel and is left out by its marker (KidCoder works without a model).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
OUT="${1:-$REPO/build/wheelhouse-i686}"
PYVER="${PYVER:-3.11}"
PYTHON="${PYTHON:-python3}"
MACHINE="${MACHINE:-i686}"
PLATFORMS=(manylinux_2_17_i686 manylinux2014_i686 manylinux2010_i686 manylinux1_i686 manylinux_2_5_i686 linux_i686)

mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
platform_args=()
for p in "${PLATFORMS[@]}"; do platform_args+=(--platform "$p"); done
download() {   # pip download of wheels for the laptops, never source packages
    "$PYTHON" -m pip download --quiet --only-binary=:all: --python-version "$PYVER" --implementation cp \
        "${platform_args[@]}" --dest "$OUT" "$@"
}

echo "wheelhouse-i686: KidCoder's own wheel"
rm -f "$OUT"/kidcoder-*.whl
"$PYTHON" -m pip wheel --quiet --no-deps --wheel-dir "$OUT" "$REPO"
WHEEL="$(ls -t "$OUT"/kidcoder-*.whl | head -n 1)"

echo "wheelhouse-i686: its requirements for linux/$MACHINE, Python $PYVER"
"$PYTHON" "$HERE/target_requirements.py" "$WHEEL" --machine "$MACHINE" --python "$PYVER" > "$OUT/requirements.txt"
cat "$OUT/requirements.txt"
download -r "$OUT/requirements.txt"

if [ "${DEV:-0}" = "1" ]; then
    echo "wheelhouse-i686: test tools"
    download pytest hypothesis tqdm requests
    download --no-deps gguf
fi

if ls "$OUT" | grep -qi '^gpt4all'; then
    echo "wheelhouse-i686: gpt4all must not be in an i686 wheelhouse" >&2
    exit 1
fi
echo "wheelhouse-i686: $(ls "$OUT"/*.whl | wc -l) wheels, $(du -sh "$OUT" | cut -f1) in $OUT"
