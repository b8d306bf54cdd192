#!/bin/sh
# Build the classroom model server from source, for a PORTABLE instruction set.
#
# Two servers can be built; both speak the OpenAI-compatible /v1/chat/completions KidCoder uses:
#   llama-server  (default) llama.cpp's own C++ server, from the copy of llama.cpp that
#                 llama-cpp-python's source package carries (vendor/llama.cpp). It answers several
#                 laptops at once (--parallel N slots, continuous batching) and turns a JSON schema
#                 into a grammar. This is the one for a class: 20 laptops asking at once.
#   python        llama-cpp-python's server in a virtual environment. It answers ONE request at a
#                 time, so with 20 laptops most of them wait minutes; kept for teachers who have it.
#
# Why from source: llama-cpp-python publishes no binary wheel for most machines, and a build with
# the default "native" flags (-march=native) can use instructions that the processor reports but the
# machine (often a virtual machine) does not really run; that server dies on its first request with
# "Illegal instruction". This script switches native tuning off and names the instruction sets itself.
#
# Usage:  sh tools/build_classroom_server.sh [DEST] [LEVEL] [KIND]
#   DEST   a folder for the result (default ./classroom-server): DEST/bin/llama-server, or for
#          KIND=python a virtual environment in DEST
#   LEVEL  avx2 (default: x86-64 processors from about 2013 on: AVX, AVX2, FMA, F16C, BMI2)
#          avx  (older x86-64 processors with AVX but no AVX2, about 2011-2013; slower)
#          sse  (no AVX at all; much slower, only to try)
#   KIND   llama-server (default) or python
# Needs: a C/C++ compiler and cmake 3.14+ (Debian/Ubuntu: apt-get install build-essential cmake),
# python3 with pip to download the source package, and about 15 minutes (llama-server) or 20-40
# minutes (python) on a 2-core machine. LLAMA_CPP_PYTHON_VERSION pins a version (default: the one
# tested with KidCoder); LLAMA_CPP_PYTHON_SDIST names an already downloaded source package
# (pip download llama-cpp-python==VERSION --no-binary :all: --no-deps) for a machine without network.
set -eu

DEST=${1:-./classroom-server}
LEVEL=${2:-avx2}
KIND=${3:-llama-server}
VERSION=${LLAMA_CPP_PYTHON_VERSION:-0.3.36}
JOBS=${JOBS:-2}

case "$LEVEL" in
  avx2) FLAGS="-DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON" ;;
  avx)  FLAGS="-DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=OFF -DGGML_FMA=OFF -DGGML_F16C=OFF -DGGML_BMI2=OFF" ;;
  sse)  FLAGS="-DGGML_SSE42=ON -DGGML_AVX=OFF -DGGML_AVX2=OFF -DGGML_FMA=OFF -DGGML_F16C=OFF -DGGML_BMI2=OFF" ;;
  *) echo "LEVEL must be avx2, avx or sse, not $LEVEL" >&2; exit 2 ;;
esac

# Never AVX-512 or AMX: many processors (and virtual machines) report them without running them well.
FLAGS="-DGGML_NATIVE=OFF $FLAGS -DGGML_AVX512=OFF -DGGML_AVX512_VBMI=OFF -DGGML_AVX512_VNNI=OFF \
-DGGML_AVX512_BF16=OFF -DGGML_AVX_VNNI=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF \
-DGGML_CCACHE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF"

mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)

if [ "$KIND" = python ]; then
  PACKAGE=${LLAMA_CPP_PYTHON_SDIST:-llama-cpp-python==$VERSION}
  python3 -m venv "$DEST"
  "$DEST/bin/python" -m pip install --upgrade pip
  # The server's own dependencies come as ordinary wheels; only llama-cpp-python is compiled.
  CMAKE_ARGS="$FLAGS -DLLAVA_BUILD=OFF" CMAKE_BUILD_PARALLEL_LEVEL=$JOBS \
    "$DEST/bin/python" -m pip install --verbose --no-binary llama-cpp-python --no-cache-dir "$PACKAGE"
  "$DEST/bin/python" -m pip install "llama-cpp-python[server]==$("$DEST/bin/python" -c \
    'import importlib.metadata as m; print(m.version("llama_cpp_python"))')"
  echo
  echo "Built. Start the server (one request at a time) with, for example:"
  echo "  $DEST/bin/python -m llama_cpp.server --model MODEL.gguf --host 0.0.0.0 --port 8080 --n_threads 2"
  exit 0
fi
[ "$KIND" = llama-server ] || { echo "KIND must be llama-server or python, not $KIND" >&2; exit 2; }

SDIST=${LLAMA_CPP_PYTHON_SDIST:-}
if [ -z "$SDIST" ]; then
  python3 -m pip download "llama-cpp-python==$VERSION" --no-binary :all: --no-deps -d "$DEST/src"
  SDIST=$(ls "$DEST"/src/llama_cpp_python-*.tar.gz | head -n 1)
fi
mkdir -p "$DEST/src"
tar -xzf "$SDIST" -C "$DEST/src"
LLAMA=$(ls -d "$DEST"/src/llama_cpp_python-*/vendor/llama.cpp | head -n 1)

# One program with everything inside (no shared libraries), no web page assets (nothing is
# downloaded at build time), no HTTPS (a classroom network), llama.cpp's own thread pool.
cmake -S "$LLAMA" -B "$LLAMA/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF $FLAGS \
  -DGGML_OPENMP=OFF -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_APP=OFF \
  -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF
cmake --build "$LLAMA/build" --target llama-server -j "$JOBS"
mkdir -p "$DEST/bin"
cp "$LLAMA/build/bin/llama-server" "$DEST/bin/llama-server"

echo
echo "Built $DEST/bin/llama-server. Start it with, for example (4 laptops answered at a time):"
echo "  $DEST/bin/llama-server --model MODEL.gguf --host 0.0.0.0 --port 8080 --parallel 4 --ctx-size 4096 --threads 2"
