#!/usr/bin/env bash
# Web UI render-time benchmark (issue 9): starts Vigil on a fresh embedded PostgreSQL with the demo
# clinic, signs in to the web session as the demo administrator and times each main page (and the
# fragments it loads by itself): one warm-up, then `runs` requests, median / p95 / max.
#   usage: bench/pages.sh [runs=20] [pages=/,/triage,...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
[ -s target/bench.cp ] && [ target/bench.cp -nt pom.xml ] || mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp
exec java ${BENCH_JAVA_OPTS:--Xmx4g} -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  org.vigil.bench.PageRenderBenchmark "$@"
