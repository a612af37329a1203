#!/usr/bin/env bash
# Abuse suite (issue 15): builds and starts the README's server (-Xmx256m -XX:+UseParallelGC) on a
# free loopback port with its own index, data and temporary folders, runs each attack of the
# issue's table (bench/abuse/*.java; row 7 restarts the server on a damaged parsed-entries.bin),
# and prints one line per attack:  row N  held|FAILED  figure; heap after; time.
# During each load attack a chat question from another client must be answered in < 100 ms (p90).
# Exits non-zero when one attack fails. Bounded: each attack stops after its count or ~30 s.
# Usage: bench/abuse.sh [row ...]   (default: all; rows baseline, 1-15, 6b, per-client, F1, F13, F3, F7, F8, F10, F12, F10-hash, secrets, F2b, F9, F11, low)
# ABUSE_SKIP_BUILD=1 uses the jar already built.
set -uo pipefail
cd "$(dirname "$0")/.."
ROWS=("$@")
if [ ${#ROWS[@]} -eq 0 ]; then
  # Quick checks first, then the load attacks; row 1 last, since an unbounded table would leave the
  # heap full for whatever came after it; row 7 restarts the server.
  # "baseline" is chat with no attack: if it fails, the machine is too busy to judge latency.
  ROWS=(baseline 4 6b 10 11 12 13 14 15 8 6 9 per-client F1 F13 F3 F10 F7 F8 F12 F10-hash secrets F2b F9 F11 low 2 3 5 1 7)
fi
if [ -z "${ABUSE_SKIP_BUILD:-}" ]; then
  mvn -q -B package -DskipTests >/dev/null || { echo "build failed" >&2; exit 2; }
fi
WORK=$(mktemp -d)
mkdir -p "$WORK/tmp" "$WORK/data"
# A copy of the shipped content: row F2b tries to add alternatives to it, which must all be refused.
cp -r content "$WORK/content"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE="http://127.0.0.1:$PORT"
PASSWORD="abuse-$RANDOM$RANDOM"
PID=

start_server() {
  # The README's command; uploads spill into $WORK/tmp so the suite can see they are deleted.
  FAQBOT_DATA="$WORK/data" FAQBOT_TRUSTED_PROXIES=127.0.0.1 FAQBOT_STAFF_PASSWORD="$PASSWORD" \
    java -Xmx256m -XX:+UseParallelGC -XX:SharedArchiveFile=target/faqbot.jsa -Djava.io.tmpdir="$WORK/tmp" \
    -jar target/faqbot.jar serve --host 127.0.0.1 --port "$PORT" --index "$WORK/index" --content "$WORK/content" >>"$WORK/server.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 900); do
    curl -s -o /dev/null --max-time 1 "$BASE/health" && return 0
    kill -0 "$PID" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

stop_server() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null
    for _ in $(seq 1 100); do kill -0 "$PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$PID" 2>/dev/null
  fi
  wait "$PID" 2>/dev/null
  PID=
}
trap 'stop_server; rm -rf "$WORK"' EXIT

start_server || { echo "the server did not start:" >&2; tail -20 "$WORK/server.log" >&2; exit 2; }
STATUS=0
JAVA_ROWS=()
RUN_ROW7=
for row in "${ROWS[@]}"; do
  if [ "$row" = 7 ]; then RUN_ROW7=1; else JAVA_ROWS+=("$row"); fi
done
if [ ${#JAVA_ROWS[@]} -gt 0 ]; then
  # The attacks run with the jar on the class path: they parse the e-mails they get back with its Jakarta Mail.
  javac -d "$WORK/classes" -cp target/faqbot.jar bench/abuse/*.java || exit 2
  ABUSE_STAFF_PASSWORD="$PASSWORD" java -cp "target/faqbot.jar:$WORK/classes" abuse.Abuse "$BASE" "$PID" "$WORK" \
    "${JAVA_ROWS[@]}" || STATUS=1
fi

# Row 7: a parsed-entries.bin whose first entry claims 2^31-1 alternatives must not stop a start.
if [ -n "$RUN_ROW7" ]; then
  stop_server
  python3 - "$WORK/index/parsed-entries.bin" <<'EOF'
import struct, sys
path = sys.argv[1]
b = bytearray(open(path, 'rb').read())
o = 0
def skip_utf():
    global o
    o += 2 + struct.unpack('>H', b[o:o + 2])[0]
skip_utf(); skip_utf()          # format, build
o += 4                          # entry count
skip_utf()                      # first entry's key
for _ in range(4):              # id, lang, question, section
    n = struct.unpack('>i', b[o:o + 4])[0]
    o += 4 + max(n, 0)
b[o:o + 4] = struct.pack('>i', 0x7fffffff)   # alternatives: a huge list count
open(path, 'wb').write(b)
EOF
  LOG_BEFORE=$(stat -c %s "$WORK/server.log")
  T0=$(date +%s.%N)
  if start_server; then
    T1=$(date +%s.%N)
    CHAT=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H 'Content-Type: application/json' \
      -d '{"message":"hvordan legger jeg inn API-nøkkelen","lang":"nb"}' "$BASE/api/chat")
    IGNORED=$(tail -c +"$((LOG_BEFORE + 1))" "$WORK/server.log" | grep -c "Not using" || true)
    HEAP=$(jcmd "$PID" GC.heap_info 2>/dev/null | awk '/PSYoungGen|ParOldGen/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub("K", "", $(i+1)); s += $(i+1) } } END { printf "%d", s / 1024 }')
    RESULT=FAILED
    if [ "${CHAT%% *}" = 200 ] && [ "$IGNORED" -ge 1 ]; then RESULT=held; fi
    [ "$RESULT" = held ] || STATUS=1
    printf "%-11s %-6s  damaged parsed-entries.bin (list count 2^31-1): started in %.1f s, file ignored (%s log line), chat %s s; heap after %s MB\n" \
      "row 7" "$RESULT" "$(echo "$T1 - $T0" | bc)" "$IGNORED" "$CHAT" "$HEAP"
  else
    STATUS=1
    printf "%-11s %-6s  damaged parsed-entries.bin: the server did not start: %s\n" "row 7" FAILED \
      "$(tail -c +"$((LOG_BEFORE + 1))" "$WORK/server.log" | grep -m1 -i "error" || echo "no answer")"
  fi
fi
exit $STATUS
