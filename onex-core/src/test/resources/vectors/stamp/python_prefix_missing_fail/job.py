# === OmniNode:Metadata ===
# metadata_version: 0.1.0
# protocol_version: 1.1.0
# owner: Old Author
# copyright: Old Author
schema_version: 1.1.0
# name: job.py
# version: 1.0.0
# uuid: 3f1c2a9e-5b7d-4e8f-9a6b-0c1d2e3f4a5b
# author: Old Author
# created_at: 2024-01-15T08:30:00.123456Z
# last_modified_at: 2024-01-15T08:30:00.123456Z
# description: Stamped by ONEX
# state_contract: state_contract://default
# lifecycle: active
# hash: 23a473bab14d492566fab6a279008c64b227a7d28bc2f443576b6bc9f16673d7
# entrypoint: python@job.py
# runtime_language_hint: python>=3.11
# namespace: onex.stamped.job
# meta_type: tool
# === /OmniNode:Metadata ===

print(1)
