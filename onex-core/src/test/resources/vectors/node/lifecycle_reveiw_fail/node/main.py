#!/usr/bin/env python3
import json, sys
state = json.load(sys.stdin)
json.dump({'greeting': 'Hello, ' + state['name'] + '!'}, sys.stdout)
