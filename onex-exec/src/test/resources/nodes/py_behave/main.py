"""Executor test fixture: behaves as the input's "mode" says."""
import json
import os
import subprocess
import sys
import time

state = json.load(sys.stdin)
mode = state.get("mode", "echo")
print("py_behave: mode " + mode, file=sys.stderr)

if mode == "echo":
    print(json.dumps({"greeting": "hello " + state.get("name", "nobody"), "count": state.get("count", 0),
                      "argv": sys.argv[1:]}))
elif mode == "fail":
    print("something went wrong\nlast words: bad input", file=sys.stderr)
    sys.exit(3)
elif mode == "sleep":
    time.sleep(60)
elif mode == "flood":
    chunk = b"x" * (1 << 20)
    for _ in range(50):
        sys.stdout.buffer.write(chunk)
    sys.stdout.flush()
elif mode == "notjson":
    print("hello, this is not json")
elif mode == "child":
    child = subprocess.Popen(["sleep", "300"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    print(json.dumps({"child_pid": child.pid}))
elif mode == "env":
    print(json.dumps({name.lower(): os.environ.get(name) for name in
                      ["SECRET_TOKEN", "DECLARED_VAR", "FROM_PARENT", "ABSENT_IN_PARENT",
                       "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED"]}))
elif mode == "escape":
    with open("../escape.txt", "w") as f:
        f.write("escaped\n")
    with open("data.txt", "w") as f:
        f.write("overwritten\n")
    with open("new_file.txt", "w") as f:
        f.write("new\n")
    with open("data.txt") as f:
        print(json.dumps({"data_now": f.read().strip(), "escape_exists": os.path.exists("../escape.txt")}))
elif mode == "cost":
    print(json.dumps({"answer": 42, "_onex_cost_usd": 0.0125}))
else:
    print("unknown mode " + mode, file=sys.stderr)
    sys.exit(2)
