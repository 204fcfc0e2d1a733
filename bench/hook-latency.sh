#!/bin/sh
# Hook latency, side by side in one run (issues 5 and 8): `git commit` in a repository of
# NODES ONEX nodes (default 1000) with
#   - no hook at all (the floor),
#   - lefthook running one no-op command (npm package lefthook, pinned below),
#   - the pre-commit framework running one no-op hook (Debian package pre-commit),
#   - ONEX's hooks (`onex hooks install`), a no-op commit (a staged file outside any node),
#   - ONEX's hooks, one node changed to content that was verified before (served from the cache
#     by the shell fast path, docs/formats/hooks.md; post-commit starts only a detached fold),
# and turbo's fully cached `turbo run test` over TURBO_PACKAGES packages (default 100).
# Every timed `git commit` includes all its hooks (git waits for post-commit too).
# The warm-up commits both versions of the flipped node through the full JVM path (which
# verifies them), then checks that a third flip is served by the fast path before timing.
#
# Run:   bench/hook-latency.sh            (NODES=100 RUNS=20 TURBO_PACKAGES=100 override)
# Needs: git, hyperfine and pre-commit (apt-get install hyperfine pre-commit), node + npm.
# Output: hyperfine's table per case, then medians with min/max and ratios; the raw JSON
#         exports stay in $WORK (printed at the end).
set -eu
NODES=${NODES:-100}
RUNS=${RUNS:-20}
TURBO_PACKAGES=${TURBO_PACKAGES:-100}
LEFTHOOK_VERSION=2.2.2
TURBO_VERSION=2.11.11
root=$(cd "$(dirname "$0")/.." && pwd)
onex=$root/onex
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/onex-hook-bench.XXXXXX")}
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" GIT_CONFIG_NOSYSTEM=1
# turbo: no telemetry, no update check (a closed network makes both cost seconds)
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 TURBO_NO_UPDATE_NOTIFIER=1
mkdir -p "$HOME" "$XDG_CONFIG_HOME"
git config --global user.name "ONEX bench"
git config --global user.email "bench@onex.invalid"
git config --global init.defaultBranch main

for tool in git hyperfine pre-commit npm; do
  command -v "$tool" > /dev/null || { echo "hook-latency: $tool is missing (apt-get install hyperfine pre-commit nodejs npm)" >&2; exit 3; }
done

echo "== tools (npm: lefthook@$LEFTHOOK_VERSION turbo@$TURBO_VERSION) in $WORK/tools"
mkdir -p "$WORK/tools"
(cd "$WORK/tools" && npm init -y > /dev/null && npm install --silent --no-audit --no-fund \
  "lefthook@$LEFTHOOK_VERSION" "turbo@$TURBO_VERSION" > /dev/null 2>&1)
lefthook=$WORK/tools/node_modules/.bin/lefthook
turbo=$WORK/tools/node_modules/.bin/turbo
"$onex" --version > /dev/null   # builds the CLI once, outside the timings

echo "== repository of $NODES nodes"
"$root/bench/make-repo.sh" "$NODES" "$WORK/base" noop

variant() { # name: copy of the base repository
  cp -a "$WORK/base" "$WORK/$1"
}
noop_prepare() { # a staged change outside any node
  echo "cd '$WORK/$1' && date +%s%N >> notes.txt && git add notes.txt"
}

variant nohook
variant lefthook
(cd "$WORK/lefthook" && printf 'pre-commit:\n  commands:\n    noop:\n      run: "true"\n' > lefthook.yml \
  && git add lefthook.yml && git commit -q -m lefthook && "$lefthook" install > /dev/null)
variant precommit
(cd "$WORK/precommit" && printf 'repos:\n- repo: local\n  hooks:\n  - id: noop\n    name: noop\n    entry: "true"\n    language: system\n    always_run: true\n    pass_filenames: false\n' > .pre-commit-config.yaml \
  && git add .pre-commit-config.yaml && git commit -q -m pre-commit && pre-commit install > /dev/null)
have_onex_hooks=0
if "$onex" help hooks > /dev/null 2>&1; then
  have_onex_hooks=1
  variant onex
  (cd "$WORK/onex" && "$onex" hooks install > /dev/null)
  # two versions of n00001 that differ in a file of the node, both stamped and verified
  # during the warm-up: the timed commits flip between them and are served from the cache
  (cd "$WORK/onex" && cp -p n00001/README.md "$WORK/README.a" && echo "flip" >> n00001/README.md \
    && "$onex" stamp n00001 > /dev/null && cp -p n00001/README.md "$WORK/README.b" \
    && cp -p n00001/node.onex.yaml "$WORK/meta.b" && cp -p "$WORK/README.a" n00001/README.md \
    && "$onex" stamp n00001 > /dev/null && cp -p n00001/node.onex.yaml "$WORK/meta.a")
  cat > "$WORK/flip.sh" <<FLIP
#!/bin/sh
set -e
cd "$WORK/onex/n00001"
if cmp -s README.md "$WORK/README.a"; then s=b; else s=a; fi
cp -p "$WORK/README.\$s" README.md && cp -p "$WORK/meta.\$s" node.onex.yaml
git add -A .
FLIP
  chmod +x "$WORK/flip.sh"
  echo "== warm-up: both versions of n00001 through the full path"
  for s in b a; do
    "$WORK/flip.sh"
    (cd "$WORK/onex" && ONEX_FAST_PATH=0 git commit -q -m "warm-up $s" 2> "$WORK/warm-$s.txt") \
      || { echo "hook-latency: warm-up commit failed:" >&2; cat "$WORK/warm-$s.txt" >&2; exit 1; }
  done
  "$WORK/flip.sh"
  (cd "$WORK/onex" && git commit -q -m "warm-up check" 2> "$WORK/warm-check.txt")
  case $(cat "$WORK/warm-check.txt") in
    *"served from the cache"*) echo "  fast path confirmed: $(cat "$WORK/warm-check.txt")" ;;
    *) echo "hook-latency: the warm-up did not reach the fast path:" >&2; cat "$WORK/warm-check.txt" >&2; exit 1 ;;
  esac
  wait_fold() { # the detached fold of earlier commits, so it does not overlap the next case
    i=0
    while [ -d "$WORK/onex/.git/onex/fold.running" ] && [ "$i" -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
  }
  wait_fold
fi

echo "== turbo: $TURBO_PACKAGES packages"
mkdir -p "$WORK/turbo/packages"
(cd "$WORK/turbo" && git init -q . \
  && printf '{"name":"bench","private":true,"packageManager":"npm@%s","workspaces":["packages/*"]}\n' "$(npm --version)" > package.json \
  && printf '{"$schema":"https://turbo.build/schema.json","tasks":{"test":{"outputs":[]}}}\n' > turbo.json \
  && i=1 && while [ "$i" -le "$TURBO_PACKAGES" ]; do \
       p=$(printf 'p%03d' "$i"); mkdir -p "packages/$p"; \
       printf '{"name":"%s","version":"1.0.0","scripts":{"test":"true"}}\n' "$p" > "packages/$p/package.json"; \
       echo "module.exports = $i;" > "packages/$p/index.js"; i=$((i + 1)); done \
  && mkdir -p node_modules && git add -A && git commit -q -m turbo)

cases_file=$WORK/cases.txt
: > "$cases_file"
run() { # label, hyperfine args...
  label=$1; shift
  hyperfine --style basic --runs "$RUNS" --warmup 3 --export-json "$WORK/$label.json" "$@" > "$WORK/$label.txt" 2>&1 \
    || { echo "hook-latency: $label failed, see $WORK/$label.txt" >&2; cat "$WORK/$label.txt" >&2; exit 1; }
  echo "$label" >> "$cases_file"
  grep -E "Time|Range" "$WORK/$label.txt" | sed "s/^/  $label: /"
}

run git-no-hook --prepare "$(noop_prepare nohook)" "cd '$WORK/nohook' && git commit -q -m x"
run lefthook-noop --prepare "$(noop_prepare lefthook)" "cd '$WORK/lefthook' && git commit -q -m x"
run precommit-noop --prepare "$(noop_prepare precommit)" "cd '$WORK/precommit' && git commit -q -m x"
if [ "$have_onex_hooks" = 1 ]; then
  run onex-noop --prepare "$(noop_prepare onex)" "cd '$WORK/onex' && git commit -q -m x"
  wait_fold
  run onex-cached-node --prepare "$WORK/flip.sh" "cd '$WORK/onex' && git commit -q -m x"
  wait_fold
  folded=$(git -C "$WORK/onex" notes --ref=onex/commits show HEAD 2>/dev/null || true)
  case $folded in
    *'"status":"cached"'*) echo "  the last timed commit's summary note: $folded" ;;
    *) echo "  note: the last timed commit is not folded yet (pending in .git/onex/pending; the next JVM run folds it)" ;;
  esac
fi
(cd "$WORK/turbo" && PATH="$WORK/tools/node_modules/.bin:$PATH" "$turbo" run test --output-logs=none > /dev/null 2>&1)
run turbo-cached "cd '$WORK/turbo' && PATH='$WORK/tools/node_modules/.bin':\$PATH '$turbo' run test --output-logs=none"

echo "== summary, NODES=$NODES RUNS=$RUNS (ms: median [min, max]; ratio = median / median of git-no-hook)"
python3 - "$WORK" "$cases_file" <<'PY'
import json, sys, statistics
work, cases = sys.argv[1], open(sys.argv[2]).read().split()
med = {}
for c in cases:
    r = json.load(open(f"{work}/{c}.json"))["results"][0]["times"]
    med[c] = statistics.median(r) * 1000
    print(f"{c:18s} {med[c]:8.1f} ms  [{min(r)*1000:.1f}, {max(r)*1000:.1f}]")
base = med["git-no-hook"]
for c in cases:
    print(f"ratio {c:18s} {med[c] / base:6.2f}x git-no-hook")
for a, b in (("onex-noop", "lefthook-noop"), ("onex-cached-node", "precommit-noop"), ("onex-cached-node", "turbo-cached")):
    if a in med and b in med:
        print(f"ratio {a} / {b}: {med[a] / med[b]:.2f}")
PY
echo "raw results: $WORK"
