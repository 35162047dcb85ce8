#!/usr/bin/env bash
# Ingestion benchmark (issue 6): starts Vigil on a fresh embedded PostgreSQL (temporary directory,
# pg_stat_statements preloaded) and prints, in one run on the same database: raw COPY rows/s into
# observations, HTTP batch ingestion rows/s with the alert evaluation drained, single-reading POST
# rate at concurrency 1 and 16 with p50/p99, evaluation lag p50/p95/p99, and SQL statements per reading.
#   usage: bench/ingestion.sh [patients=2000] [days=30] [perDay=4] [batch=1000] [senders=2]
#                             [batchWarmSeconds=60] [singleSeconds=15] [warmSeconds=60] [lagReadings=300]
# Full size (issue 6): bench/ingestion.sh  (2,000 patients × 8 metrics × 30 days × 4 = 1,920,000 readings per phase)
# The server runs Vigil's embedded settings (EmbeddedServerSettings); for a comparison set others, e.g.
#   BENCH_PG_SETTINGS=shared_buffers=128MB bench/ingestion.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q test-compile
[ -s target/bench.cp ] && [ target/bench.cp -nt pom.xml ] || mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp
exec java ${BENCH_JAVA_OPTS:--Xmx6g} -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
  org.vigil.bench.IngestionBenchmark "$@"
