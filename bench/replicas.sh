#!/usr/bin/env bash
# Two PostgreSQL-backed replicas behind nginx on loopback, under chat load: one replica alone for
# comparison, then through nginx while one replica is stopped with SIGTERM and restarted, and
# while the other is killed with SIGKILL and restarted. Prints failed requests, p99 and rates.
# Needs PostgreSQL at 127.0.0.1:5432 (trust auth); installs Debian's nginx and wrk when missing.
# Usage: bench/replicas.sh [seconds per phase, default 20] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
PHASE=${1:-20}
CONNS=${2:-32}
PG=${BENCH_PG:-postgresql://postgres@127.0.0.1:5432}
LB_PORT=${BENCH_LB_PORT:-7280}
PORTS=(7281 7282)
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y -qq wrk >/dev/null; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "installing nginx"; \
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -n "${SKIP_BUILD:-}" ] || mvn -q -B package -DskipTests >/dev/null
WORK=$(mktemp -d)
DB="faqbot_replicas_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
psql -q "$PG/test" -c "CREATE DATABASE $DB"
declare -A PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  sleep 0.5
  psql -q "$PG/test" -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
JAVA_OPTS=${JAVA_OPTS:--Xmx256m -XX:+UseParallelGC -XX:SharedArchiveFile=target/faqbot.jsa}
java $JAVA_OPTS -jar target/faqbot.jar index --index "$WORK/index" >/dev/null
# The variables every replica shares (docs/deploy.md); each has its own index and data folder.
export FAQBOT_DATABASE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" FAQBOT_DATABASE_USER=postgres \
  FAQBOT_STAFF_PASSWORD=bench-password FAQBOT_TRUSTED_PROXIES=127.0.0.1 FAQBOT_SHUTDOWN_SECONDS=10 \
  FAQBOT_LIMIT_CHAT=off
start() { # replica number 0 or 1
  local n=$1
  [ -d "$WORK/index$n" ] || cp -r "$WORK/index" "$WORK/index$n"
  FAQBOT_DATA="$WORK/data$n" java $JAVA_OPTS -Dfaqbot.requests.level=warn \
    -jar target/faqbot.jar serve --port "${PORTS[$n]}" --index "$WORK/index$n" >>"$WORK/replica$n.log" 2>&1 &
  PIDS[$n]=$!
  until curl -sf -o /dev/null "http://127.0.0.1:${PORTS[$n]}/health/ready"; do sleep 0.1; done
}
stop() { # replica, signal; waits until the process is gone
  kill "-$2" "${PIDS[$1]}"; wait "${PIDS[$1]}" 2>/dev/null || true
}
# The deploy guide's upstream, on loopback.
cat >"$WORK/nginx.conf" <<CONF
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  upstream faqbot {
    server 127.0.0.1:${PORTS[0]} max_fails=1 fail_timeout=5s;
    server 127.0.0.1:${PORTS[1]} max_fails=1 fail_timeout=5s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header X-Forwarded-For \$remote_addr;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_next_upstream error timeout http_503;
    proxy_connect_timeout 1s;
    location / { proxy_pass http://faqbot; }
    # A chat answer changes nothing on the server, so a POST that failed on one replica may be sent again.
    location = /api/chat {
      proxy_next_upstream error timeout http_503 non_idempotent;
      proxy_pass http://faqbot;
    }
  }
}
CONF
load() { # url seconds -> "rps p99_ms failed"
  wrk -t2 -c"$CONNS" -d"${2}s" --latency -s bench/chat.lua "$1" | grep '^BENCH' \
    | sed -E 's/.*rps=([0-9.]+).*p99_ms=([0-9.]+).*errors=([0-9]+).*/\1 \2 \3/'
}
start 0
echo "warming up replica 1 alone"; load "http://127.0.0.1:${PORTS[0]}/" 40 >/dev/null
read -r one_rps one_p99 one_failed < <(load "http://127.0.0.1:${PORTS[0]}/" "$PHASE")
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
# nginx's own cost on these shared cores: the same replica alone behind it (replica 2 not started).
read -r lb_rps lb_p99 lb_failed < <(load "http://127.0.0.1:$LB_PORT/" "$PHASE")
start 1
echo "warming up both through nginx"; load "http://127.0.0.1:$LB_PORT/" 40 >/dev/null
read -r two_rps two_p99 two_failed < <(load "http://127.0.0.1:$LB_PORT/" "$PHASE")
# A third of the way into a phase the replica gets the signal and is restarted at once; load runs on.
phase() { # replica signal
  local out="$WORK/phase.out"
  load "http://127.0.0.1:$LB_PORT/" "$PHASE" >"$out" &
  local wrk_pid=$!
  sleep $(( PHASE / 3 ))
  local t0; t0=$(date +%s%3N)
  stop "$1" "$2"
  local down=$(( $(date +%s%3N) - t0 ))
  start "$1"
  local back=$(( $(date +%s%3N) - t0 ))
  wait "$wrk_pid"
  echo "$(cat "$out") $down $back" >"$WORK/phase.result"
}
# Not in a subshell: the restarted replica's pid must stay known to this shell.
phase 0 TERM
read -r term_rps term_p99 term_failed term_down term_back <"$WORK/phase.result"
sleep 6 # past nginx's fail_timeout, so both replicas take traffic again
phase 1 KILL
read -r kill_rps kill_p99 kill_failed kill_down kill_back <"$WORK/phase.result"
printf '%-44s %10s %9s %7s\n' "phase (${PHASE} s, $CONNS connections, chat)" "req/s" "p99 ms" "failed"
printf '%-44s %10s %9s %7s\n' "one replica alone (direct)" "$one_rps" "$one_p99" "$one_failed"
printf '%-44s %10s %9s %7s\n' "one replica through nginx" "$lb_rps" "$lb_p99" "$lb_failed"
printf '%-44s %10s %9s %7s\n' "two replicas through nginx" "$two_rps" "$two_p99" "$two_failed"
printf '%-44s %10s %9s %7s\n' "... replica 1 SIGTERM + restart" "$term_rps" "$term_p99" "$term_failed"
printf '%-44s %10s %9s %7s\n' "... replica 2 SIGKILL + restart" "$kill_rps" "$kill_p99" "$kill_failed"
echo "SIGTERM: stopped after $term_down ms (graceful), ready again after $term_back ms"
echo "SIGKILL: gone after $kill_down ms, ready again after $kill_back ms"
echo "rate two/one through nginx: $(awk -v a="$two_rps" -v b="$lb_rps" 'BEGIN { printf "%.2f", a / b }');" \
  "two through nginx / one direct: $(awk -v a="$two_rps" -v b="$one_rps" 'BEGIN { printf "%.2f", a / b }')" \
  "(replicas, nginx and wrk all share this machine's cores)"
grep -c "Shutting down" "$WORK/replica0.log" | sed 's/^/graceful stops logged by replica 1: /'
