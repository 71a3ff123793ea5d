#!/usr/bin/env bash
# Regenerates the FFM bindings (package blackbox.gateway.ffm) from the ProfitDLL header with jextract 22+.
# Usage (from anywhere, on a workstation with jextract on PATH or JEXTRACT=/path/to/jextract):
#   dll-gateway/native/jextract/regenerate.sh
#
# The committed code has the shape of this output with one deliberate deviation: the library is chosen at run
# time, so ProfitDLL is instantiable (ProfitDLL.load(Path)) and its functions are instance methods, and the
# simulator-only exports sit in the nested ProfitDLL.Simulator. jextract writes the stock static header class;
# after regenerating, diff against git and carry the load()/Simulator deviation over before committing.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NATIVE="$(cd "$HERE/.." && pwd)"
MODULE="$(cd "$NATIVE/.." && pwd)"
JEXTRACT="${JEXTRACT:-jextract}"

if ! command -v "$JEXTRACT" >/dev/null 2>&1; then
  echo "error: jextract not found (looked for '$JEXTRACT'). Install jextract 22+ from https://jdk.java.net/jextract/" >&2
  echo "       and put it on PATH, or set JEXTRACT=/path/to/bin/jextract." >&2
  exit 1
fi

# One umbrella header so the simulator's four extra exports are seen too (jextract takes one header).
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
cat > "$TMP/profitdll_all.h" <<H
#include "$NATIVE/profitdll.h"
#include "$NATIVE/sim/profitdll_sim.h"
H

"$JEXTRACT" \
  --target-package blackbox.gateway.ffm \
  --header-class-name ProfitDLL \
  --output "$MODULE/src/main/java" \
  -I "$NATIVE" \
  @"$HERE/symbols.txt" \
  "$TMP/profitdll_all.h"

echo "regenerated into $MODULE/src/main/java/blackbox/gateway/ffm; review 'git diff' (see the note at the top of this script)"
