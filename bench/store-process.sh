#!/usr/bin/env bash
# Whole-process costs of the store, measured as separate JVM runs (what a git hook or a user
# pays), and their ratios to a fresh JVM running a trivial main:
#   (a) baseline: a fresh JVM, trivial main          (io.onex.bench.StoreProbe trivial)
#   (b) open:     a fresh JVM that opens the N-record store and serves one cache hit
#   (c) log:      `onex log -n 20` over the N-record store (the real CLI jar)
# Targets: (b) - (a) < 150 ms; (c) < 500 ms wall, JVM start included.
#
# Usage: bench/store-process.sh [DATA_DIR]        (default $ONEX_BENCH_DIR or /tmp/onex-bench)
#   N=1000000 RUNS=10 JAVA_OPTS='-XX:TieredStopAtLevel=1 -XX:+UseSerialGC' bench/store-process.sh
# Needs bench/target/benchmarks.jar and onex-cli/target/onex.jar:
#   mvn -q -o -pl bench -am package -DskipTests
# The N-record store is generated once (several minutes for 10^6) by io.onex.bench.StoreGenerator
# and reused when DATA_DIR/store-N already holds it. Uses hyperfine when installed (median of
# RUNS runs after 2 warm-ups), else a loop of `date +%s%N` (median of RUNS runs).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${1:-${ONEX_BENCH_DIR:-/tmp/onex-bench}}
N=${N:-1000000}
RUNS=${RUNS:-10}
JAVA_OPTS=${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
bench_jar=$root/bench/target/benchmarks.jar
cli_jar=$root/onex-cli/target/onex.jar
for j in "$bench_jar" "$cli_jar"; do
  [ -f "$j" ] || { echo "missing $j: run mvn -q -o -pl bench -am package -DskipTests" >&2; exit 3; }
done
store=$data/store-$N
mkdir -p "$data"
# a private copy of the jar: a rebuild of bench/ while this runs must not pull it away
probe_jar=$data/benchmarks-probe.jar
cp "$bench_jar" "$probe_jar"
java $JAVA_OPTS -cp "$probe_jar" io.onex.bench.StoreGenerator "$store/.onex-store" "$N"

# a cache key that hits: record 0 of the generator is a success
cmd_a="java $JAVA_OPTS -cp $probe_jar io.onex.bench.StoreProbe trivial"
cmd_b="java $JAVA_OPTS -cp $probe_jar io.onex.bench.StoreProbe hit $store/.onex-store 0"
cmd_c="env ONEX_CWD=$store java $JAVA_OPTS -jar $cli_jar log -n 20"
$cmd_b || { echo "the probe missed its cache key" >&2; exit 1; }
[ "$($cmd_c | wc -l)" -eq 20 ] || { echo "onex log -n 20 did not print 20 lines" >&2; exit 1; }

# median_ms prints the median wall time in ms over RUNS runs and leaves the mean CPU time
# (user + system, ms; hyperfine only, else "-") in $data/.cpu: on this shared 2-core machine the
# wall time swings with other load, the CPU time much less.
median_ms() { # command...
  echo - > "$data/.cpu"
  if command -v hyperfine >/dev/null 2>&1; then
    local out; out=$(mktemp)
    hyperfine -N --warmup 2 --runs "$RUNS" --export-json "$out" "$*" >/dev/null 2>&1
    python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results'][0]; print(round(r['median']*1000)); \
open(sys.argv[2],'w').write(str(round((r['user']+r['system'])*1000)))" "$out" "$data/.cpu"
    rm -f "$out"
  else
    local times=() s e
    for _ in $(seq "$RUNS"); do
      s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N)
      times+=($(( (e - s) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
  fi
}
cpu() { cat "$data/.cpu"; }

# (d) the same as (c) with an application class-data archive (AppCDS, JDK 17: trained once with
# -XX:ArchiveClassesAtExit): what a launcher could do to cut class loading
jsa=$data/onex-log.jsa
rm -f "$jsa"
env ONEX_CWD="$store" java $JAVA_OPTS -XX:ArchiveClassesAtExit="$jsa" -jar "$cli_jar" log -n 20 >/dev/null 2>&1 || true
cmd_d="env ONEX_CWD=$store java $JAVA_OPTS -XX:SharedArchiveFile=$jsa -jar $cli_jar log -n 20"
jsa_b=$data/probe-hit.jsa
rm -f "$jsa_b"
java $JAVA_OPTS -XX:ArchiveClassesAtExit="$jsa_b" -cp "$probe_jar" io.onex.bench.StoreProbe hit "$store/.onex-store" 0 >/dev/null 2>&1 || true
cmd_e="java $JAVA_OPTS -XX:SharedArchiveFile=$jsa_b -cp $probe_jar io.onex.bench.StoreProbe hit $store/.onex-store 0"

report() { # label wall cpu target
  printf '%-38s %5d ms  (+%d ms over (a), ratio %.2f%s)  cpu %s ms\n' "$1" "$2" $(($2 - a)) \
    "$(awk -v x="$2" -v y="$a" 'BEGIN {print x / y}')" "$4" "$3"
}
a=$(median_ms $cmd_a); ca=$(cpu)
echo "store: $store ($N records), JAVA_OPTS: $JAVA_OPTS, median of $RUNS runs, ms; load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-38s %5d ms  cpu %s ms\n' "(a) fresh JVM, trivial main:" "$a" "$ca"
b=$(median_ms $cmd_b); report "(b) open store + one cache hit:" "$b" "$(cpu)" "; target +150"
c=$(median_ms $cmd_c); report "(c) onex log -n 20:" "$c" "$(cpu)" "; target 500 total"
if [ -f "$jsa" ]; then
  d=$(median_ms $cmd_d); report "(d) onex log -n 20, AppCDS archive:" "$d" "$(cpu)" ""
fi
if [ -f "$jsa_b" ]; then
  e=$(median_ms $cmd_e); report "(e) open + one hit, AppCDS archive:" "$e" "$(cpu)" "; target +150"
fi
