#!/bin/sh
# JVM start-up of a hook that must judge something (issue 5, docs/formats/hooks.md "Hook JVM"):
# `onex hook pre-commit` in a repository of NODES nodes (default 100) where one node is staged
# changed and its test case is served from the memoization cache, run as
#   - java-version:  `java -version` (the floor of any JVM),
#   - launcher:      `./onex hook pre-commit` (the repository's launcher: source-staleness `find`, then java),
#   - plain:         `java -jar onex.jar hook pre-commit` (default JIT and GC),
#   - c1:            the same with -XX:TieredStopAtLevel=1 -XX:+UseSerialGC (the launcher's flags),
#   - cds-c1:        c1 plus a dynamic AppCDS archive of a training run of the same hook
#                    (-XX:ArchiveClassesAtExit once, then -XX:SharedArchiveFile -Xshare:auto),
#   - installed:     the `onex-hook-java` wrapper that `onex hooks install` writes (what the hooks run).
# Plus class-load counts (-Xlog:class+load) of c1 and cds-c1 (classes loaded from the archive).
#
# Run:   bench/hook-jvm.sh            (NODES=100 RUNS=15 WORK=<dir> JAVA=<java> override)
# Needs: git, hyperfine (apt-get install hyperfine), python3; builds the CLI through ./onex once.
# Output: hyperfine's lines per case, then medians with min/max and ratios to java-version and
#         plain; the raw JSON exports stay in $WORK (printed at the end).
set -eu
NODES=${NODES:-100}
RUNS=${RUNS:-15}
JAVA=${JAVA:-java}
root=$(cd "$(dirname "$0")/.." && pwd)
onex=$root/onex
jar=$root/onex-cli/target/onex.jar
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/onex-hook-jvm.XXXXXX")}
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
for tool in git hyperfine python3; do
  command -v "$tool" > /dev/null || { echo "hook-jvm: $tool is missing (apt-get install hyperfine)" >&2; exit 3; }
done
"$onex" --version > /dev/null   # builds the CLI once, outside the timings
c1="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

echo "== repository of $NODES nodes, n00001 changed and staged, its test case cached"
repo=$WORK/repo
"$root/bench/make-repo.sh" "$NODES" "$repo" noop
cd "$repo"
echo "changed" >> n00001/README.md
"$onex" stamp n00001 > /dev/null
git add -A
"$onex" hook pre-commit > /dev/null   # runs the test case once: later runs are cache hits
"$onex" hook pre-commit | grep -q "passed" || { echo "hook-jvm: the pre-commit hook did not pass" >&2; exit 1; }

echo "== CDS archive from a training run (-XX:ArchiveClassesAtExit)"
jsa=$WORK/onex-bench.jsa
"$JAVA" -XX:ArchiveClassesAtExit="$jsa" $c1 -jar "$jar" hook pre-commit > /dev/null 2>"$WORK/cds-dump.log"
ls -l "$jsa" | awk '{print "  archive: " $5 " bytes"}'
env -u ONEX_LAUNCHER "$onex" hooks install > "$WORK/install.txt" 2>&1 || true
wrapper=$(git rev-parse --git-common-dir)/onex/onex-hook-java

echo "== classes loaded (c1 | cds-c1: of which from the archive)"
"$JAVA" $c1 -Xlog:class+load:file="$WORK/classes-c1.log" -jar "$jar" hook pre-commit > /dev/null
"$JAVA" $c1 -Xshare:auto -XX:SharedArchiveFile="$jsa" -Xlog:class+load:file="$WORK/classes-cds.log" -jar "$jar" hook pre-commit > /dev/null
echo "  c1:     $(grep -c 'source:' "$WORK/classes-c1.log") classes, $(grep -c 'shared objects file' "$WORK/classes-c1.log") from the JDK's default archive"
echo "  cds-c1: $(grep -c 'source:' "$WORK/classes-cds.log") classes, $(grep -c 'shared objects file' "$WORK/classes-cds.log") from archives"
for lib in org.eclipse.jgit org.mapdb org.jetbrains kotlin org.eclipse.collections org.bouncycastle org.yaml.snakeyaml com.networknt picocli io.onex; do
  echo "  $lib: $(grep -c " $lib\." "$WORK/classes-c1.log")"
done

cases_file=$WORK/cases.txt
: > "$cases_file"
prepare="rm -f '$repo'/.git/onex/pending/*.json"
run() { # label, command
  label=$1; shift
  hyperfine --style basic -N --runs "$RUNS" --warmup 2 --prepare "$prepare" --export-json "$WORK/$label.json" "$@" \
    > "$WORK/$label.txt" 2>&1 || { echo "hook-jvm: $label failed, see $WORK/$label.txt" >&2; cat "$WORK/$label.txt" >&2; exit 1; }
  echo "$label" >> "$cases_file"
  grep -E "Time|Range" "$WORK/$label.txt" | sed "s/^/  $label: /"
}
run java-version "$JAVA -version"
run launcher "$onex hook pre-commit"
run plain "$JAVA -jar $jar hook pre-commit"
run c1 "$JAVA $c1 -jar $jar hook pre-commit"
run cds-c1 "$JAVA $c1 -Xshare:auto -XX:SharedArchiveFile=$jsa -jar $jar hook pre-commit"
if [ -x "$wrapper" ]; then
  run installed "$wrapper hook pre-commit"
fi

echo "== summary (wall ms: median [min, max]; cpu = mean user+system ms, steadier on a loaded machine)"
python3 - "$WORK" "$cases_file" <<'PY'
import json, sys, statistics
work, cases = sys.argv[1], open(sys.argv[2]).read().split()
med, cpu = {}, {}
for c in cases:
    res = json.load(open(f"{work}/{c}.json"))["results"][0]
    r = res["times"]
    med[c] = statistics.median(r) * 1000
    cpu[c] = (res["user"] + res["system"]) * 1000
    print(f"{c:14s} {med[c]:8.1f} ms  [{min(r)*1000:.1f}, {max(r)*1000:.1f}]   cpu {cpu[c]:7.1f} ms")
for c in cases:
    print(f"ratio {c:14s} wall {med[c] / med['plain']:5.2f}x plain  {med[c] / med['java-version']:5.1f}x java-version"
          f"   cpu {cpu[c] / cpu['plain']:5.2f}x plain")
PY
echo "raw results: $WORK"
