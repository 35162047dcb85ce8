#!/usr/bin/env bash
# Billing month readiness benchmark (issue 8): starts Vigil on a fresh embedded PostgreSQL, adds an
# organization of 10,000 RPM enrollments with 4 device readings a day for a month (~1.2 M readings,
# written with SQL, their daily rollup rebuilt from them: setup) and times GET /api/v1/billing/summary, /readiness
# (first page of 100) and /claims.csv for that month: a cold first call, then `runs` calls and their median.
#   usage: bench/billing.sh [enrollments=10000] [perDay=4] [month=2026-10] [runs=5]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
[ -s target/bench.cp ] && [ target/bench.cp -nt pom.xml ] || mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp
exec java ${BENCH_JAVA_OPTS:--Xmx6g} -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  org.vigil.bench.BillingBenchmark "$@"
