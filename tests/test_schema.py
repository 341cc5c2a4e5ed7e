from __future__ import annotations

import jsonschema

from essentiel.model import CHECK_SCHEMA_VERSION, SCHEMA_VERSION
from essentiel.schema import check_schema, committed_schema, digest_schema


def test_committed_schema_matches_the_model() -> None:
    """Changing the contract means regenerating the file (make schema) and bumping the version."""
    assert committed_schema() == digest_schema()
    assert SCHEMA_VERSION in committed_schema()["$id"]


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(committed_schema())


def test_committed_check_schema_matches_the_model() -> None:
    assert committed_schema("check") == check_schema()
    assert CHECK_SCHEMA_VERSION in committed_schema("check")["$id"]
    jsonschema.Draft202012Validator.check_schema(committed_schema("check"))
