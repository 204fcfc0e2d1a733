#!/bin/sh
# The ./onex launcher with and without its AppCDS archive (README "The launcher"): whole
# processes, launcher included (its source-staleness `find` and the archive's stamp check), for
#   - version:  `./onex --version` (picocli, no store),
#   - log:      `./onex log -n 1` in a repository of NODES noop nodes (default 5) whose test cases
#               ran twice (NODES records executed, NODES served from the cache): opens the MapDB
#               store, catches the notes up through JGit, reads one record,
#   - validate: `./onex validate --format json` there (YAML, schema validation, Jackson),
# each with ONEX_CDS=0 (off) and with the current archive (cds), plus `java -version` as the floor.
#
# Run:   bench/launcher-cds.sh          (NODES=5 RUNS=15 WORK=<dir> override)
# Needs: git, hyperfine (apt-get install hyperfine), python3; builds the CLI and makes the
#        archive through ONEX_CDS=sync ./onex once, outside the timings.
# Output: hyperfine's lines per case, then wall medians with min/max, mean CPU (user+system)
#         and the ratios cds/off; the raw JSON exports stay in $WORK (printed at the end).
set -eu
NODES=${NODES:-5}
RUNS=${RUNS:-15}
root=$(cd "$(dirname "$0")/.." && pwd)
onex=$root/onex
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/onex-launcher-cds.XXXXXX")}
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" GIT_CONFIG_NOSYSTEM=1
mkdir -p "$HOME"
for tool in git hyperfine python3; do
  command -v "$tool" > /dev/null || { echo "launcher-cds: $tool is missing (apt-get install hyperfine)" >&2; exit 3; }
done
unset ONEX_JAVA_OPTS ONEX_CDS
ONEX_CDS=sync "$onex" --version > /dev/null   # builds the CLI and makes the archive once
[ -f "$root/onex-cli/target/onex.jsa.stamp" ] || { echo "launcher-cds: no archive (see onex-cli/target/cds-training.log)" >&2; exit 1; }
ls -l "$root/onex-cli/target/onex.jsa" | awk '{print "== archive: " $5 " bytes"}'

echo "== repository of $NODES nodes, test cases run twice (records: executed, then cached)"
repo=$WORK/repo
"$root/bench/make-repo.sh" "$NODES" "$repo" noop
cd "$repo"
"$onex" test --all > /dev/null
"$onex" test --all > /dev/null
"$onex" log -n 1 > /dev/null

cases_file=$WORK/cases.txt
: > "$cases_file"
run() { # label, command
  label=$1; shift
  hyperfine --style basic -N --runs "$RUNS" --warmup 2 --export-json "$WORK/$label.json" "$@" \
    > "$WORK/$label.txt" 2>&1 || { echo "launcher-cds: $label failed, see $WORK/$label.txt" >&2; cat "$WORK/$label.txt" >&2; exit 1; }
  echo "$label" >> "$cases_file"
  grep -E "Time|Range" "$WORK/$label.txt" | sed "s/^/  $label: /"
}
run java-version "java -version"
for c in "version:--version" "log:log -n 1" "validate:validate --format json"; do
  name=${c%%:*} args=${c#*:}
  run "$name-off" "env ONEX_CDS=0 $onex $args"
  run "$name-cds" "env ONEX_CDS=1 $onex $args"
done

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
    print(f"{c:14s} {med[c]:8.1f} ms  [{min(r)*1000:.1f}, {max(r)*1000:.1f}]   cpu {cpu[c]:7.1f} ms"
          f"   over java -version {med[c] - med.get('java-version', 0):+7.1f} ms")
for c in cases:
    if c.endswith("-cds"):
        off = c[:-4] + "-off"
        print(f"ratio {c[:-4]:10s} cds/off  wall {med[c] / med[off]:5.2f}x ({med[c] - med[off]:+.1f} ms)"
              f"   cpu {cpu[c] / cpu[off]:5.2f}x ({cpu[c] - cpu[off]:+.1f} ms)")
PY
echo "raw results: $WORK"
