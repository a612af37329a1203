#!/usr/bin/env bash
# Insights at scale: fills an embedded store (in a temporary folder) with synthetic events over 90
# days, then times the staff insights page and the unanswered list over HTTP and prints the store
# size. Usage: bench/insights.sh [events, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B package -DskipTests >/dev/null
java -Xmx256m -XX:+UseParallelGC -Dfaqbot.log.level=warn \
  -cp target/faqbot.jar bench/InsightsBench.java "${1:-1000000}"
