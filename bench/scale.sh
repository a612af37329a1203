#!/usr/bin/env bash
# Cost as the knowledge base grows: synthetic knowledge bases of 1,000, 10,000 and 100,000 entries
# (bench/ScaleBench.java), each in its own JVM within -Xmx1g. Goal at 100,000: index <= 30 s,
# reply p50 <= 2 ms; then the shared generator and probe (below). Run after
# `mvn -q -B package -DskipTests`; pass sizes to run others.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/faqbot.jar ] || { echo "build first: mvn -q -B package -DskipTests" >&2; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
for n in "${sizes[@]}"; do
  java -Xmx1g -XX:+UseParallelGC -Dfaqbot.log.level=warn \
    -cp target/faqbot.jar bench/ScaleBench.java "$n"
done

# The shared generator and probe beside it (issue 22): a 100,000-entry KB from the seed's words,
# served on a reused index within -Xmx1g, 300 sequential chats. SHARED=0 skips this part. For CPU
# time per reply on the same kind of KB (steadier on a busy machine than the probe's wall clock):
#   java -Xmx1g -XX:+UseParallelGC -cp target/faqbot.jar bench/ProbeBench.java DIR/content DIR/index \
#     ../shared/seed/faq-migrering-nb.txt
if [ "${SHARED:-1}" = 1 ] && [ -f ../shared/bench/gen_kb.py ]; then
  n=${SHARED_SIZE:-100000}
  dir=$(mktemp -d /tmp/faqbot-shared-kb.XXXXXX)
  pid=""
  trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
  python3 ../shared/bench/gen_kb.py "$n" "$dir/content" ../shared/seed/faq-migrering-nb.txt
  cp content/replies.yaml "$dir/content/" && cp -r content/synonyms "$dir/content/"
  start=$(date +%s.%N)
  java -Xmx1g -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar target/faqbot.jar \
    index --content "$dir/content" --index "$dir/index" >/dev/null
  echo "shared KB $n entries: index built in $(echo "$(date +%s.%N) - $start" | bc) s"
  port=${SHARED_PORT:-7199}
  start=$(date +%s.%N)
  FAQBOT_DATA="$dir/data" FAQBOT_LIMIT_CHAT=off FAQBOT_RECORDING=off \
    java -Xmx1g -XX:+UseParallelGC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -jar target/faqbot.jar \
    serve --port "$port" --content "$dir/content" --index "$dir/index" >"$dir/serve.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null -XPOST -H 'Content-Type: application/json' -d '{"message":"hei"}' \
    "http://127.0.0.1:$port/api/chat"; do sleep 0.1; done
  echo "shared KB: start to first answer (reused index) $(echo "$(date +%s.%N) - $start" | bc) s"
  python3 ../shared/bench/scale_probe.py "http://127.0.0.1:$port" ../shared/seed/faq-migrering-nb.txt
  echo "shared KB: server RSS $(($(ps -o rss= -p $pid) / 1024)) MB"
fi
