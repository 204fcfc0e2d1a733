#!/usr/bin/env bash
# Check of the launcher's AppCDS archive (run by .ci/run; README "The launcher"): the output of
# `./onex validate --format json`, `./onex log -n 1 --format json` (stdout,
# stderr, exit code) is byte-identical without the archive (ONEX_CDS=0), with a current archive,
# with a garbage archive the JVM is handed anyway, with a truncated archive (which would crash
# JDK 17: the launcher must not hand it over), with ONEX_JAVA_OPTS overriding the flags, after a
# failed training run (marked in onex.jsa.failed, not retried), and with
# the archive removed (the launcher then runs the command and makes a new archive in the
# background); and the current archive is really used (-Xshare:on starts, and io.onex.cli.Main is
# loaded from the "shared objects file"). Restores the archive it found (or makes one) at the end.
#
# Run:   bench/launcher-cds-check.sh        (builds the CLI through ./onex when needed)
# Needs: git, flock. Takes 30-55 s on a loaded 2-core machine: ~18 JVM start-ups, one or two
#        training runs (4-5 s each).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
onex=$root/onex
target=$root/onex-cli/target
jsa=$target/onex.jsa
work=$(mktemp -d "${TMPDIR:-/tmp}/onex-cds-check.XXXXXX")
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=check GIT_AUTHOR_EMAIL=check@localhost GIT_COMMITTER_NAME=check GIT_COMMITTER_EMAIL=check@localhost
unset ONEX_JAVA_OPTS ONEX_CDS
mkdir -p "$HOME"
c1="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
fail() { echo "launcher-cds-check: FAIL: $*" >&2; exit 1; }
key() { stat -L -c '%s-%.9Y' -- "$@" | paste -sd ' '; }
cleanup() {
  # leave a current archive behind (waits for a background training run of the 'missing' case)
  rm -f "$jsa.failed"
  ONEX_CDS=sync "$onex" --version > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

ONEX_CDS=sync "$onex" --version > /dev/null   # builds the CLI and makes the archive when missing
[ -f "$jsa.stamp" ] || fail "no archive after ONEX_CDS=sync (see $target/cds-training.log)"

# a repository with one node and one execution record
repo=$work/repo
git init -q "$repo"
cd "$repo"
"$onex" init > /dev/null
"$onex" new greet --type noop > /dev/null
"$onex" test --all > /dev/null

run_case() { # label [env assignments...]: runs the commands, keeps their stdout, stderr and exit code
  local label=$1; shift
  local i=0
  for cmd in "validate --format json" "log -n 1 --format json"; do
    i=$((i + 1))
    local rc=0
    # shellcheck disable=SC2086
    env "$@" "$onex" $cmd > "$work/$label.$i.out" 2> "$work/$label.$i.err" || rc=$?
    echo "$rc" > "$work/$label.$i.rc"
  done
}
same_as_off() { # label
  local i
  for i in 1 2; do
    for f in out err rc; do
      cmp -s "$work/off.$i.$f" "$work/$1.$i.$f" || { diff "$work/off.$i.$f" "$work/$1.$i.$f" >&2 || true; fail "case $1, command $i: $f differs from ONEX_CDS=0"; }
    done
  done
  echo "ok: $1 (stdout, stderr and exit codes identical to ONEX_CDS=0)"
}

run_case off ONEX_CDS=0
[ -s "$work/off.1.out" ] && [ -s "$work/off.2.out" ] || fail "no output without the archive"

run_case current
same_as_off current
ONEX_JAVA_OPTS="$c1 -Xshare:on" "$onex" --version > /dev/null 2>&1 || fail "-Xshare:on does not start with the archive"
ONEX_JAVA_OPTS="$c1 -Xlog:class+load" "$onex" --version > "$work/classes.log"
grep -q 'io\.onex\.cli\.Main source: shared objects file' "$work/classes.log" || fail "io.onex.cli.Main is not loaded from the archive"
echo "ok: the archive is used (-Xshare:on starts; io.onex.cli.Main from the shared objects file)"

run_case opts ONEX_JAVA_OPTS="-XX:+UseSerialGC -Xshare:off"
same_as_off opts

cp -p "$jsa" "$work/good.jsa"
cp -p "$jsa.stamp" "$work/good.stamp"
java=$(command -v java)
jarkey=$(key "$root/onex-cli/target/onex.jar" "$java")

# garbage of the same size, stamped as current: the launcher hands it to the JVM, which must ignore it silently
chmod u+w "$jsa"
head -c "$(stat -c %s "$work/good.jsa")" /dev/urandom > "$jsa"
key "$root/onex-cli/target/onex.jar" "$java" "$jsa" > "$jsa.stamp"
run_case garbage
same_as_off garbage

# truncated (the stamp no longer matches; the failed marker keeps the launcher from training)
head -c 100000 "$work/good.jsa" > "$jsa"
cp -p "$work/good.stamp" "$jsa.stamp"
echo "$jarkey" > "$jsa.failed"
run_case truncated
same_as_off truncated

# a failed training run (no scratch directory: TMPDIR does not exist): same output, the jar's key
# in onex.jsa.failed, and no retry for this jar (the next run starts no training)
rm -f "$jsa" "$jsa.stamp" "$jsa.failed"
run_case failed TMPDIR="$work/none" ONEX_CDS=sync
same_as_off failed
[ "$(cat "$jsa.failed" 2>/dev/null)" = "$jarkey" ] && [ ! -f "$jsa.stamp" ] || fail "no failed marker for the jar and java after a failed training run"
ONEX_CDS=sync "$onex" --version > /dev/null
[ ! -f "$jsa.stamp" ] || fail "the launcher trained again after a failed training run"
echo "ok: a failed training run is marked and not retried for the same jar"

# removed: the launcher runs the command, then trains in the background (detached from our pipes)
rm -f "$jsa" "$jsa.stamp" "$jsa.failed"
run_case missing
same_as_off missing

# restore (after a background training run, if one is under way, has finished)
flock -x "$target/.cds.lock" true
if [ ! -f "$jsa.stamp" ] || [ "$(cat "$jsa.stamp")" != "$(key "$root/onex-cli/target/onex.jar" "$java" "$jsa" 2>/dev/null)" ]; then
  flock -x "$target/.cds.lock" sh -c 'rm -f "$2" && cp -p "$1" "$2" && cp -p "$3" "$2.stamp"' _ "$work/good.jsa" "$jsa" "$work/good.stamp"
fi
ONEX_JAVA_OPTS="$c1 -Xlog:class+load" "$onex" --version > "$work/classes.log"
grep -q 'io\.onex\.cli\.Main source: shared objects file' "$work/classes.log" || fail "the archive is not used after the restore"
echo "ok: archive restored and used"
