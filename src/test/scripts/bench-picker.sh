#!/usr/bin/env bash
# The company pickers' type-ahead over HTTP at 100 000 firms (issue 15 target: ≤ 100 ms an answer). Starts the packaged
# production app (bench-app.sh) on a register of the local MariaDB (127.0.0.1:3306; BENCH_DB, default the district
# data set investcrm_load, docs/benchmarks.md §1; CompanySearchBenchmark's register works too), and runs
# bench/PickerHttpBenchmark against it with manager1's and officer1's tokens from the Keycloak on :8180.
# First:  ./mvnw -Pproduction package -DskipTests
# Usage:  src/test/scripts/bench-picker.sh [firms to type, default 60]
set -euo pipefail
cd "$(dirname "$0")/../../.."
db=${BENCH_DB:-investcrm_load}
port=${BENCH_PORT:-18089}
realm=http://localhost:8180/realms/investcrm
source src/test/scripts/bench-app.sh
start_bench_app "$db" "$port" target/bench-picker-app.log
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -q exec:java -Dexec.mainClass=io.investcrm.bench.PickerHttpBenchmark -Dexec.classpathScope=test \
  -Dexec.args="http://localhost:$port jdbc:mysql://127.0.0.1:3306/$db root - ${1:-60} $realm"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
