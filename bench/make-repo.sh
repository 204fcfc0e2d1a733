#!/bin/sh
# Creates a git repository of N ONEX nodes for the hook benchmarks, committed, with a git
# identity of its own. Usage: bench/make-repo.sh N DIR [noop|python]
# Nodes are n00001..nN, copies of one `onex new` node with their own name, namespace and uuid,
# stamped and listed in the .tree by one `onex stamp` and one `onex tree` run.
set -eu
n=${1:?usage: make-repo.sh N DIR [noop|python]}
dir=${2:?usage: make-repo.sh N DIR [noop|python]}
type=${3:-noop}
root=$(cd "$(dirname "$0")/.." && pwd)
onex=${ONEX:-$root/onex}
mkdir -p "$dir"
cd "$dir"
git init -q .
git config user.name "ONEX bench"
git config user.email "bench@onex.invalid"
git config commit.gpgsign false
"$onex" init > /dev/null
"$onex" new proto --type "$type" > /dev/null
i=1
while [ "$i" -le "$n" ]; do
  name=$(printf 'n%05d' "$i")
  mkdir "$name"
  cp -p proto/* "$name/"
  uuid=$(cat /proc/sys/kernel/random/uuid)
  sed -e "s/^name: proto$/name: $name/" \
      -e "s/^namespace: onex.nodes.proto$/namespace: onex.nodes.$name/" \
      -e "s/^uuid: .*/uuid: \"$uuid\"/" \
      -e "s/onex stamp proto/onex stamp $name/" proto/node.onex.yaml > "$name/node.onex.yaml"
  i=$((i + 1))
done
rm -r proto
"$onex" stamp > /dev/null
"$onex" tree > /dev/null
git add -A
git commit -q -m "$n nodes"
