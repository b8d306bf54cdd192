#!/bin/sh
# Build the classroom model server (llama-cpp-python's OpenAI-compatible server) from its source
# package, for a PORTABLE instruction set, into a virtual environment.
#
# Why from source: llama-cpp-python publishes no binary wheel for most machines, and a build with
# the default "native" flags (-march=native) can use instructions that the processor reports but the
# machine (often a virtual machine) does not really run; that server dies on its first request with
# "Illegal instruction". This script switches native tuning off and names the instruction sets itself.
#
# Usage:  sh tools/build_classroom_server.sh [VENV] [LEVEL]
#   VENV   where to make the virtual environment (default: ./classroom-server-venv)
#   LEVEL  avx2 (default: x86-64 processors from about 2013 on: AVX, AVX2, FMA, F16C, BMI2)
#          avx  (older x86-64 processors with AVX but no AVX2, about 2011-2013; slower)
#          sse  (no AVX at all; much slower, only to try)
# Needs: python3 (3.8+) with venv, a C/C++ compiler, cmake (3.21+), and about 20-40 minutes on a
# 2-core machine. LLAMA_CPP_PYTHON_VERSION pins a version (default: the one tested with KidCoder);
# LLAMA_CPP_PYTHON_SDIST names an already downloaded source package
# (pip download llama-cpp-python==VERSION --no-binary :all: --no-deps) for a machine without network.
set -eu

VENV=${1:-./classroom-server-venv}
LEVEL=${2:-avx2}
VERSION=${LLAMA_CPP_PYTHON_VERSION:-0.3.36}
PACKAGE=${LLAMA_CPP_PYTHON_SDIST:-llama-cpp-python==$VERSION}

case "$LEVEL" in
  avx2) FLAGS="-DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON" ;;
  avx)  FLAGS="-DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=OFF -DGGML_FMA=OFF -DGGML_F16C=OFF -DGGML_BMI2=OFF" ;;
  sse)  FLAGS="-DGGML_SSE42=ON -DGGML_AVX=OFF -DGGML_AVX2=OFF -DGGML_FMA=OFF -DGGML_F16C=OFF -DGGML_BMI2=OFF" ;;
  *) echo "LEVEL must be avx2, avx or sse, not $LEVEL" >&2; exit 2 ;;
esac

# Never AVX-512 or AMX: many processors (and virtual machines) report them without running them well.
FLAGS="-DGGML_NATIVE=OFF $FLAGS -DGGML_AVX512=OFF -DGGML_AVX512_VBMI=OFF -DGGML_AVX512_VNNI=OFF \
-DGGML_AVX512_BF16=OFF -DGGML_AVX_VNNI=OFF -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF \
-DLLAVA_BUILD=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DGGML_CCACHE=OFF"

python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --upgrade pip
# The server's own dependencies come as ordinary wheels; only llama-cpp-python is compiled.
CMAKE_ARGS="$FLAGS" CMAKE_BUILD_PARALLEL_LEVEL=${JOBS:-2} \
  "$VENV/bin/python" -m pip install --verbose --no-binary llama-cpp-python --no-cache-dir "$PACKAGE"
"$VENV/bin/python" -m pip install "llama-cpp-python[server]==$("$VENV/bin/python" -c \
  'import importlib.metadata as m; print(m.version("llama_cpp_python"))')"

echo
echo "Built. Start the server with, for example:"
echo "  $VENV/bin/python -m llama_cpp.server --model MODEL.gguf --host 0.0.0.0 --port 8080 --n_threads 2"
