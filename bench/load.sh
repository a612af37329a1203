#!/usr/bin/env bash
# Load benchmark: POST /api/chat against a trivial route (GET /health) in the same run, on this
# machine's loopback. Prints both rates, the ratio and p99, and the start-up time with a reused
# index. Usage: bench/load.sh [seconds per run, default 20] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-20}
CONNS=${2:-32}
PORT=${BENCH_PORT:-7171}
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
# Always the README's build: a jar left from older sources would measure the wrong code.
mvn -q -B package -DskipTests >/dev/null
INDEX=$(mktemp -d)
# The README's run command, flag for flag.
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseParallelGC -XX:SharedArchiveFile=target/faqbot.jsa}
# First start builds the index; the measured start reuses it.
java $JAVA_OPTS -jar target/faqbot.jar index --index "$INDEX" >/dev/null
PID=
trap 'kill $PID 2>/dev/null; rm -rf "$INDEX"' EXIT
# Three starts (a start takes seconds, and this machine's speed drifts); the last keeps serving.
starts=""
for start in 1 2 3; do
  [ -n "$PID" ] && { kill "$PID"; wait "$PID" 2>/dev/null || true; }
  start_ms=$(date +%s%3N)
  # wrk is one client at ~12k chat requests/s: far over the per-client chat limit, so it is off
  # here. BENCH_CHAT_LIMIT=1000000/s keeps it on but out of reach, to measure what the check costs.
  FAQBOT_LIMIT_CHAT=${BENCH_CHAT_LIMIT:-off} java $JAVA_OPTS -jar target/faqbot.jar serve --port "$PORT" --index "$INDEX" \
    >/tmp/faqbot-bench.log 2>&1 &
  PID=$!
  until curl -s -o /dev/null -X POST -H 'Content-Type: application/json' \
      -d '{"message":"hvor finner jeg butikk-id"}' "http://127.0.0.1:$PORT/api/chat"; do sleep 0.02; done
  starts+="$(( $(date +%s%3N) - start_ms )) "
done
echo "start to first answer (reused index), three starts: ${starts}ms (target <= 2000 ms)"
# Warm-up until the JIT has compiled the hot paths: with both cores busy serving, the compiler
# thread gets a small share of the CPU, so the chat rate keeps climbing for a minute or more.
# Chat runs in 10 s rounds, at least 6, until two rounds in a row are within 5 % (at most 18).
rate_of() { sed -E 's/.*rps=([0-9.]+).*/\1/'; }
prev=0
for round in $(seq 1 18); do
  r=$(wrk -t2 -c"$CONNS" -d10s -s bench/chat.lua "http://127.0.0.1:$PORT/" | grep '^BENCH' | rate_of)
  if [ "$round" -ge 6 ] && awk -v a="$prev" -v b="$r" 'BEGIN { exit !(b > a * 0.95 && b < a * 1.05) }'; then
    break
  fi
  prev=$r
done
echo "warm-up: $round rounds of 10 s of chat, last at $r req/s"
wrk -t2 -c"$CONNS" -d10s -s bench/trivial.lua "http://127.0.0.1:$PORT/health" >/dev/null
# Alternate the two routes in PAIRS pairs (default 3) so drift on a shared machine hits both
# alike; report each pair and the medians, which a slow spell of the machine does not move.
PAIRS=${PAIRS:-3}
measure() { wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency -s "bench/$1.lua" "http://127.0.0.1:$PORT$2" | grep '^BENCH'; }
p99_of() { sed -E 's/.*p99_ms=([0-9.]+).*/\1/'; }
pairs=""
for pair in $(seq 1 "$PAIRS"); do
  t=$(measure trivial /health); c=$(measure chat /)
  printf 'pair %d  trivial GET /health : %s\n        chat POST /api/chat : %s\n' "$pair" "$t" "$c"
  pairs+="$(rate_of <<<"$t") $(rate_of <<<"$c") $(p99_of <<<"$c")"$'\n'
done
awk 'NF == 3 { ratio[NR] = 100 * $2 / $1; p99[NR] = $3; n = NR }
  function median(a, n,   i, j, t, b) {
    for (i = 1; i <= n; i++) b[i] = a[i]
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
    return n % 2 ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2 }
  END { printf "median of %d pairs: ratio chat/trivial = %.1f %% (target >= 40 %%), chat p99 = %.2f ms (target <= 10 ms)\n",
    n, median(ratio, n), median(p99, n) }' <<<"$pairs"
echo "server RSS: $(ps -o rss= -p $PID | awk '{printf "%.0f MB", $1/1024}')"
