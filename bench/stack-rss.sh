#!/usr/bin/env bash
# The whole stack on one machine, measured: (1) time from `./blackbox up` to the stack answering, beside the
# baseline of a bare `./blackbox --help` (JVM start + class loading) timed in the same run; (2) the resident memory of
# the whole stack (the blackbox JVM, its Redis child, the embedded PostgreSQL and its backends) while replaying the
# 15 B3 instruments of one session at 10x: RSS summed over every process, and PSS (shared pages divided among the
# processes sharing them, so PostgreSQL's shared buffers count once), sampled every SAMPLE seconds for DURATION.
#
# usage: bench/stack-rss.sh [DURATION_SECONDS=180] [SAMPLE_SECONDS=5]
#        SPEED (default 10x; e.g. max for the whole session as fast as the stack takes it),
#        B3_DIR (default ../shared/data/b3-btg-2025/trades), B3_DATE (default 08042025: the one date all 15 have)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION="${1:-180}"
SAMPLE="${2:-5}"
B3_DIR="${B3_DIR:-$ROOT/../shared/data/b3-btg-2025/trades}"
B3_DATE="${B3_DATE:-08042025}"
SPEED="${SPEED:-10x}"
WORK="$(mktemp -d /tmp/blackbox-stack-rss.XXXXXX)"
chmod 755 "$WORK"   # PostgreSQL runs as an unprivileged user when this runs as root
UP_PID=""
cleanup() {
  if [ -n "$UP_PID" ] && kill -0 "$UP_PID" 2>/dev/null; then kill -TERM "$UP_PID"; wait "$UP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

mapfile -t FILES < <(ls "$B3_DIR"/*_"$B3_DATE".csv 2>/dev/null | sort -t_ -k1,1n)
if [ "${#FILES[@]}" -ne 15 ]; then
  echo "need the 15 B3 files of $B3_DATE in $B3_DIR (found ${#FILES[@]})" >&2
  exit 1
fi
"$ROOT/blackbox" --version >/dev/null   # builds when needed, outside the timings

echo "== import: ${#FILES[@]} B3 files of $B3_DATE"
"$ROOT/blackbox" import --format b3-umdf --out "$WORK/b3-15.replay.csv" "${FILES[@]}" 2>/dev/null | sed -n '1,3p'
echo "trades in the tape: $(awk -F, '$4=="T"' "$WORK/b3-15.replay.csv" | wc -l) (the other rows are top-of-book events)"

echo "== baseline: ./blackbox --help (launcher + JVM start)"
t0=$(date +%s.%N); "$ROOT/blackbox" --help >/dev/null; t1=$(date +%s.%N)
BASELINE=$(awk "BEGIN{print $t1 - $t0}")

echo "== ./blackbox up --replay b3-15 --speed $SPEED"
t0=$(date +%s.%N)
"$ROOT/blackbox" up --data-dir "$WORK/stack" --replay "$WORK/b3-15.replay.csv" --speed "$SPEED" --free-ports \
  > "$WORK/up.out" 2>&1 &
UP_PID=$!
# the stack answers: the stack file exists and `status` reaches every service (status exits 0 only then)
until [ -f "$WORK/stack/stack.json" ]; do
  kill -0 "$UP_PID" 2>/dev/null || { cat "$WORK/up.out"; exit 1; }
  sleep 0.05
done
t_file=$(date +%s.%N)
until "$ROOT/blackbox" status --data-dir "$WORK/stack" --sample 0.1 >/dev/null 2>&1; do sleep 0.1; done
t_status=$(date +%s.%N)
JAVA_PID=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['pid'])" "$WORK/stack/stack.json")
grep -E "^\[|BlackBox is up" "$WORK/up.out"

pids() {   # the blackbox JVM and its descendants (Redis), the postmaster and its backends
  local pg
  pg=$(head -1 "$WORK/stack/postgres/postmaster.pid" 2>/dev/null || true)
  { echo "$JAVA_PID"; pgrep -P "$JAVA_PID" || true; [ -n "$pg" ] && { echo "$pg"; pgrep -P "$pg" || true; }; } | sort -u
}
kb() {  # field (Rss or Pss) summed over the pids, kB
  local sum=0 v
  for p in $(pids); do
    v=$(awk -v f="$1:" '$1==f {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
    sum=$((sum + ${v:-0}))
  done
  echo "$sum"
}

echo "== memory while replaying at $SPEED, every ${SAMPLE}s for ${DURATION}s"
printf "%6s %10s %10s %10s %6s %s\n" "t(s)" "RSS(MiB)" "PSS(MiB)" "JVM(MiB)" "procs" "stored trades"
MAX_RSS=0; MAX_PSS=0; end=$((SECONDS + DURATION))
while [ $SECONDS -lt $end ]; do
  rss=$(kb Rss); pss=$(kb Pss)
  jvm=$(awk '$1=="Rss:" {print $2}' "/proc/$JAVA_PID/smaps_rollup")
  stored=$("$ROOT/blackbox" status --data-dir "$WORK/stack" --json --sample 0.1 2>/dev/null \
    | python3 -c "import json,sys;r=json.load(sys.stdin)['rates'];print(r.get('trades_stored'), '(', r.get('received_per_second'), '/s )')" || echo "?")
  [ "$rss" -gt "$MAX_RSS" ] && MAX_RSS=$rss
  [ "$pss" -gt "$MAX_PSS" ] && MAX_PSS=$pss
  printf "%6d %10d %10d %10d %6d %s\n" "$((DURATION - end + SECONDS))" $((rss / 1024)) $((pss / 1024)) $((jvm / 1024)) "$(pids | wc -l)" "$stored"
  sleep "$SAMPLE"
done

echo "== stop (SIGTERM, as Ctrl-C)"
PG=$(head -1 "$WORK/stack/postgres/postmaster.pid")
kill -TERM "$UP_PID"; wait "$UP_PID" 2>/dev/null || true; UP_PID=""
for _ in $(seq 100); do kill -0 "$PG" 2>/dev/null || break; sleep 0.1; done  # the postmaster exits just after pg_ctl returns
LEFT=$(ps -eo pid=,args= | grep -F "$WORK/stack" | grep -v grep || true)
[ -d "/proc/$PG" ] && LEFT="$LEFT postmaster $PG"

echo
echo "== results"
printf "startup: %.2f s to the stack file, %.2f s to \`status\` answering (baseline \`./blackbox --help\`: %.2f s)\n" \
  "$(awk "BEGIN{print $t_file - $t0}")" "$(awk "BEGIN{print $t_status - $t0}")" "$BASELINE"
grep "BlackBox is up" "$WORK/up.out" | sed 's/^/in-JVM: /'
echo "memory, max over the run: RSS $((MAX_RSS / 1024)) MiB summed, PSS $((MAX_PSS / 1024)) MiB (goal < 1536 MiB)"
echo "processes left after stop: ${LEFT:-none}"
