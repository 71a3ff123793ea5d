#!/usr/bin/env bash
# Builds the ProfitDLL simulator and its C tests (ABI layout, smoke, routing), then runs them. Usage: run.sh OUT_DIR
#   SAN=1    build the library and the smoke test with -fsanitize=address,undefined
#   SAN=tsan build them with -fsanitize=thread
#   VALGRIND=1 run the tests under valgrind (memcheck, leak check)
#   THROUGHPUT=0 skip the throughput measurement
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NATIVE="$(dirname "$HERE")"
OUT="${1:?usage: run.sh OUT_DIR}"
mkdir -p "$OUT"
SANFLAGS=""
case "${SAN:-}" in
  "") ;;
  1) SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer" ;;
  tsan) SANFLAGS="-fsanitize=thread" ;;
  *) echo "SAN must be 1 or tsan" >&2; exit 2 ;;
esac
if [ -z "$SANFLAGS" ]; then
  bash "$NATIVE/build.sh" "$OUT"
else
  # same flags as build.sh plus the sanitizer
  gcc -std=c11 -O1 -g -Wall -Wextra -Werror -fPIC -shared -pthread -fvisibility=hidden $SANFLAGS \
      -I"$NATIVE" -o "$OUT/libprofitdll-sim.so" "$NATIVE"/sim/*.c -lm
fi
CFLAGS="-std=c11 -O2 -g -Wall -Wextra -Werror -pthread -I$NATIVE"
# the record layouts of profitdll.h against profitdll-api.md §3: compiling is the check
gcc $CFLAGS -fsyntax-only "$HERE/abi_layout.c"
gcc $CFLAGS $SANFLAGS -o "$OUT/sim_smoke" "$HERE/sim_smoke.c" -L"$OUT" -lprofitdll-sim -Wl,-rpath,"$OUT"
gcc $CFLAGS $SANFLAGS -o "$OUT/sim_routing" "$HERE/sim_routing.c" -L"$OUT" -lprofitdll-sim -lm -Wl,-rpath,"$OUT"
gcc $CFLAGS -o "$OUT/sim_throughput" "$HERE/sim_throughput.c" -L"$OUT" -lprofitdll-sim -Wl,-rpath,"$OUT"
gcc $CFLAGS -o "$OUT/sim_routing_throughput" "$HERE/sim_routing_throughput.c" -L"$OUT" -lprofitdll-sim -Wl,-rpath,"$OUT"
# the demo roster and the sample tape the gateway ships (checked by sim_routing)
export SIM_DEMO_ROSTER="$NATIVE/sim/demo-roster.csv"
export SIM_SAMPLE_REPLAY="$(dirname "$(dirname "$NATIVE")")/samples/replay/binance-spot-sample.replay.csv"
for t in sim_smoke sim_routing; do
  if [ "${VALGRIND:-0}" = 1 ]; then
    valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible "$OUT/$t"
  else
    "$OUT/$t"
  fi
done
if [ "${THROUGHPUT:-1}" = 1 ] && [ -z "$SANFLAGS" ]; then
  "$OUT/sim_throughput"
  "$OUT/sim_routing_throughput"
fi
