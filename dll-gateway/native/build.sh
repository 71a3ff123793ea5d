#!/usr/bin/env bash
# Builds the ProfitDLL simulator (libprofitdll-sim.so) with the system gcc. Usage: build.sh OUT_DIR
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:?usage: build.sh OUT_DIR}"
mkdir -p "$OUT"
if ! command -v gcc >/dev/null 2>&1; then
  echo "error: gcc not found; the ProfitDLL simulator is built from C (apt-get install gcc)" >&2
  exit 1
fi
gcc -std=c11 -O2 -g -Wall -Wextra -Werror -fPIC -shared -pthread -fvisibility=hidden \
    -I"$HERE" -o "$OUT/libprofitdll-sim.so" "$HERE"/sim/*.c -lm
