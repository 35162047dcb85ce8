#!/usr/bin/env bash
# Start-time benchmark: how long `./vigil` (the README's run command) takes until
# /actuator/health is UP, on the embedded PostgreSQL, with a fresh VIGIL_HOME.
#   run 1 (cold): creates the data directory and, when stopped, records the class-data archive;
#   runs 2..N (warm): what every later start costs.
# Prints one line per run and the warm median.
#   usage: bench/start-time.sh [runs]
# To compare with the plain fat jar: START_COMMAND="java -jar target/vigil.jar" bench/start-time.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
command="${START_COMMAND:-./vigil}"
[ -f target/vigil.jar ] || mvn -B -q package -DskipTests
rm -f target/app/vigil.jsa
home="$(mktemp -d)"
port=18080
db_port=55439
trap 'rm -rf "$home"' EXIT
warm=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  VIGIL_HOME="$home" VIGIL_DB_PORT=$db_port SERVER_PORT=$port $command >"$home/run-$i.log" 2>&1 &
  pid=$!
  until curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "Vigil exited; see log:"; tail -20 "$home/run-$i.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  secs=$(echo "$end - $start" | bc)
  kind=$([ "$i" = 1 ] && echo cold || echo warm)
  printf 'run %d (%s): %.2f s until health UP\n' "$i" "$kind" "$secs"
  [ "$i" = 1 ] || warm+=("$secs")
  kill -TERM "$pid"; wait "$pid" || true
done
if [ ${#warm[@]} -gt 0 ]; then
  printf 'warm median: %.2f s\n' "$(printf '%s\n' "${warm[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')"
fi
