#!/usr/bin/env bash
# Measures the time from `./blackbox up` to the web app answering 200 on its URL
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DIR=${1:?usage: bench/stack-web-time.sh DATA_DIR (a fresh one includes initdb)}
start=$(date +%s.%N)
./blackbox up --free-ports --data-dir "$DIR" > /tmp/up-$$.log 2>&1 &
PID=$!
url=""
for i in $(seq 1 1200); do
  if [ -f "$DIR/stack.json" ]; then
    url=$(python3 -c "import json;print(json.load(open('$DIR/stack.json')).get('web') or '')" 2>/dev/null)
    if [ -n "$url" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = "200" ]; then break; fi
  fi
  sleep 0.05
done
end=$(date +%s.%N)
echo "web app answered at $url after $(python3 -c "print(round($end-$start,2))") s"
grep -E "demo user|web app" /tmp/up-$$.log | head -6
kill -TERM $PID; wait $PID 2>/dev/null
sleep 2
echo "left after stop: $(pgrep -f "postgres -D $DIR|redis-server|blackbox.cli.Main" | wc -l) processes"
