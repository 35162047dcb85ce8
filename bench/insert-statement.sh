#!/usr/bin/env bash
# The ingestion's batch insert statement on its own, without HTTP, Java or the rest of the batch
# (docs/benchmarks.md, "where a batch's statement spends its time"): a throw-away cluster of the
# embedded PostgreSQL binaries, the tables the statement writes, 1.6 M stored readings, then `runs`
# runs of 80 batches of 1,000 new readings each; prints the backend's CPU time per run.
#   usage: bench/insert-statement.sh [runs=3] [variant=skip|new]
#     skip: the statement as Vigil runs it (ON CONFLICT ... DO NOTHING on the reading key)
#     new:  the same without ON CONFLICT (fails on a duplicate; the trial docs/benchmarks.md describes)
# Needs the embedded binaries unpacked once (any start of Vigil or of the test suite does it) or
# PG_BIN pointing at a PostgreSQL 17 bin directory; `perf record -p <backend pid>` profiles a run.
set -euo pipefail
cd "$(dirname "$0")/insert-statement"
runs=3; variant=skip
for arg in "$@"; do case "$arg" in runs=*) runs=${arg#runs=};; variant=*) variant=${arg#variant=};; *) echo "unknown: $arg" >&2; exit 2;; esac; done
bin=${PG_BIN:-$(ls -d "${TMPDIR:-/tmp}"/embedded-pg/PG-*/bin 2>/dev/null | head -1)}
[ -x "$bin/initdb" ] || { echo "no PostgreSQL binaries: start Vigil once, or set PG_BIN" >&2; exit 2; }
dir=$(mktemp -d); port=$((40000 + RANDOM % 20000))
as() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; runuser -u postgres -- "$@"; else "$@"; fi; }
as "$bin/initdb" -A trust -U postgres -D "$dir/data" -E UTF-8 --locale=C.UTF-8 >/dev/null
as "$bin/pg_ctl" -D "$dir/data" -o "-p $port -c shared_buffers=512MB -c fsync=off -c synchronous_commit=off -c max_wal_size=4GB" -l "$dir/log" -w start >/dev/null
trap 'as "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null; rm -rf "$dir"' EXIT
sql() { psql -X -q -At -h 127.0.0.1 -p "$port" -U postgres -d postgres "$@"; }
echo "setting up (1.6 M readings)..."
sql -f schema.sql
clause="ON CONFLICT ON CONSTRAINT observations_reading_key DO NOTHING"; [ "$variant" = new ] && clause=""
for run in $(seq 1 "$runs"); do
  { echo '\i statement.sql'; echo 'CHECKPOINT;'
    echo "SELECT split_part(pg_read_file('/proc/self/stat'),' ',14)::int + split_part(pg_read_file('/proc/self/stat'),' ',15)::int AS t0 \\gset"
    for b in $(seq 0 79); do echo "EXECUTE ins($b);"; done
    echo "SELECT 'run $run ($variant): ' || ((split_part(pg_read_file('/proc/self/stat'),' ',14)::int + split_part(pg_read_file('/proc/self/stat'),' ',15)::int - :t0) * 10) || ' ms of backend CPU for 80,000 readings';"
  } | sql -v run="$run" -v on_conflict="$clause" | grep -v '^1000$'
done
