"""The JSON Schemas of the outputs, generated from the model and committed: the Digest
(digest.schema.json) and the summary check (check.schema.json).

A test asserts that the committed file equals what the model generates, so the contract cannot
change without the file (and SCHEMA_VERSION, and the changelog) changing with it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from essentiel.model import CHECK_SCHEMA_VERSION, SCHEMA_VERSION, Digest, SummaryCheck

SCHEMA_ID = f"https://essentiel.dev/schema/digest-{SCHEMA_VERSION}.json"


def digest_schema() -> dict[str, Any]:
    schema = Digest.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"essentiel Digest, schema version {SCHEMA_VERSION}",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def check_schema() -> dict[str, Any]:
    schema = SummaryCheck.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://essentiel.dev/schema/check-{CHECK_SCHEMA_VERSION}.json",
        "title": f"essentiel summary check, schema version {CHECK_SCHEMA_VERSION}",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def committed_schema(name: str = "digest") -> dict[str, Any]:
    text = resources.files(__package__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded
