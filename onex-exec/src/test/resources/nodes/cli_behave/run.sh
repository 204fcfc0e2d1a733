#!/bin/sh
# Executor test fixture: $1 is the mode, "$3" the name, "$4" the count; the input state is on stdin.
mode="$1"
stdin=$(cat)
echo "cli_behave: mode $mode" >&2
case "$mode" in
  echo)
    printf '{"name": "%s", "count": %s, "args": %s, "flag": "%s", "stdin": %s}\n' "$3" "$4" "$#" "$2" "$stdin" ;;
  fail)
    printf 'something went wrong\nlast words: cli broke\n' >&2
    exit 3 ;;
  sleep)
    sleep 60 ;;
  flood)
    head -c 52428800 /dev/zero ;;
  notjson)
    echo "plain words, not json" ;;
  child)
    sleep 300 &
    printf '{"child_pid": %s}\n' "$!" ;;
  env)
    printf '{"secret_token": "%s", "declared_var": "%s"}\n' "${SECRET_TOKEN-<unset>}" "${DECLARED_VAR-<unset>}" ;;
  escape)
    echo escaped > ../escape.txt
    echo overwritten > data.txt
    echo new > new_file.txt
    printf '{"data_now": "%s"}\n' "$(cat data.txt)" ;;
  cost)
    echo '{"answer": 42, "_onex_cost_usd": 0.5}' ;;
  *)
    echo "unknown mode $mode" >&2
    exit 2 ;;
esac
