#!/usr/bin/env bash
# Cost as the knowledge base grows: synthetic knowledge bases of 1,000, 10,000 and 100,000 entries
# (bench/ScaleBench.java), each in its own JVM within -Xmx1g. Goal at 100,000: index <= 30 s,
# reply p50 <= 2 ms. Run after `mvn -q -B package -DskipTests`; pass sizes to run others.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/faqbot.jar ] || { echo "build first: mvn -q -B package -DskipTests" >&2; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
for n in "${sizes[@]}"; do
  java -Xmx1g -XX:+UseParallelGC -Dfaqbot.log.level=warn \
    -cp target/faqbot.jar bench/ScaleBench.java "$n"
done
