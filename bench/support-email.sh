#!/usr/bin/env bash
# Support e-mail benchmark: server time to build the preview (JSON) and the .eml with 5 x 1 MB
# screenshots, read from the Server-Timing header (multipart parsing, content checks, redaction,
# MIME). Usage: bench/support-email.sh [rounds, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-40}
PORT=${BENCH_PORT:-7172}
# Always the README's build: a jar left from older sources would measure the wrong code.
mvn -q -B package -DskipTests >/dev/null
WORK=$(mktemp -d)
# One client preparing dozens of e-mails in a row: over the per-client limit, so it is off here.
FAQBOT_LIMIT_SUPPORT_EMAIL=off \
  java -Xmx256m -XX:+UseParallelGC -XX:SharedArchiveFile=target/faqbot.jsa -jar target/faqbot.jar serve \
  --port "$PORT" --index "$WORK/index" >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
for i in 1 2 3 4 5; do
  # A valid PNG signature followed by 1 MB of noise: the server checks content, not names.
  { printf '\x89PNG\r\n\x1a\n'; head -c 1048576 /dev/urandom; } > "$WORK/shot$i.png"
done
until curl -s -o /dev/null "http://127.0.0.1:$PORT/health"; do sleep 0.05; done
run() {
  curl -s -o /dev/null -D - "$1" -F storeId=K123456 -F merchantEmail=shop@example.no -F errorCode=BAD_VALUE \
    -F httpStatus=400 -F "description=Testkjøpet feiler, passord: hemmelig" \
    -F "screenshots=@$WORK/shot1.png" -F "screenshots=@$WORK/shot2.png" -F "screenshots=@$WORK/shot3.png" \
    -F "screenshots=@$WORK/shot4.png" -F "screenshots=@$WORK/shot5.png" \
    | tr -d '\r' | sed -n 's/^Server-Timing: build;dur=//p'
}
summary() {
  sort -n | awk -v what="$1" '{ v[NR] = $1 } END {
    printf "%-28s median %.1f ms, p95 %.1f ms, max %.1f ms (%d runs)\n", what, v[int(NR*0.5)+1], v[int(NR*0.95)], v[NR], NR }'
}
for i in $(seq 1 10); do run "http://127.0.0.1:$PORT/api/support-email" >/dev/null; done   # warm-up
for i in $(seq 1 "$ROUNDS"); do run "http://127.0.0.1:$PORT/api/support-email?format=json"; done | summary "preview (JSON), 5 x 1 MB:"
for i in $(seq 1 "$ROUNDS"); do run "http://127.0.0.1:$PORT/api/support-email"; done | summary ".eml, 5 x 1 MB:"
echo "target: <= 50 ms server time"
