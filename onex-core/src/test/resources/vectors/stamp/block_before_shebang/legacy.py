# === OmniNode:Metadata ===
# metadata_version: 0.1.0
# protocol_version: 1.1.0
# owner: Old Author
# copyright: Old Author
# schema_version: 1.1.0
# name: legacy.py
# version: 1.0.0
# uuid: 3f1c2a9e-5b7d-4e8f-9a6b-0c1d2e3f4a5b
# author: Old Author
# created_at: 2024-01-15T08:30:00.123456Z
# last_modified_at: 2024-01-15T08:30:00.123456Z
# description: Stamped by ONEX
# state_contract: state_contract://default
# lifecycle: active
# hash: e7597176ab771cabb6adf572757dbc390b6fc52893e285edaaecc150fb7ea4a7
# entrypoint: python@legacy.py
# runtime_language_hint: python>=3.11
# namespace: onex.stamped.legacy
# meta_type: tool
# === /OmniNode:Metadata ===

#!/usr/bin/env python3
print(1)
