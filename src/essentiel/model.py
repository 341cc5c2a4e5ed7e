"""The Digest data model: one article, every item anchored to character offsets in its clean text.

These classes are the public JSON contract (see ``schema/digest.schema.json``). Any change to
their fields changes the contract: bump ``SCHEMA_VERSION`` and say so in CHANGELOG.md.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1.0"] = "1.0"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Model):
    """A region of ``Article.text``: ``text[start:end] == span.text`` always holds."""

    start: int = Field(ge=0, description="Offset of the first character in Article.text.")
    end: int = Field(ge=0, description="Offset one past the last character in Article.text.")
    text: str = Field(description="The surface form: Article.text[start:end].")


class BlockKind(StrEnum):
    BODY = "body"
    HEADLINE = "headline"
    PUBLISHER_SUMMARY = "publisher_summary"
    EMBEDDED_POST = "embedded_post"
    RELATED_LINK = "related_link"
    CAPTION = "caption"
    BYLINE = "byline"


class Block(_Model):
    """A paragraph-like region of the clean text and its kind. Only body blocks feed key points."""

    index: int = Field(ge=0)
    kind: BlockKind
    span: Span
    lang: str | None = Field(description="ISO 639-1 code of the block's language, if identified.")
    reason: str = Field(description="Why the block got its kind (the marker or rule that fired).")


class Sentence(_Model):
    block: int = Field(ge=0, description="Index of the block the sentence belongs to.")
    span: Span


class CheckKind(StrEnum):
    NAME = "name"
    NUMBER = "number"
    DATE = "date"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"


class Check(_Model):
    """One item the verifier looked for: a fact of the bullet, or an attribution of the source."""

    kind: CheckKind
    text: str = Field(
        description="The item as written in the bullet (or, for attribution, the source)."
    )
    found: bool
    evidence: Span | None = Field(
        default=None, description="Where the item stands in the source, when found."
    )


class Verdict(_Model):
    passed: bool
    checks: list[Check]
    problems: list[str] = Field(description="One human-readable line per failed check.")


class KeyPoint(_Model):
    """A bullet. Its text is its fragments joined, with the first letter capitalised."""

    text: str
    sources: list[Span] = Field(description="The source sentences the bullet was built from.")
    fragments: list[Span] = Field(description="The exact pieces of the sources the bullet keeps.")
    removed: list[str] = Field(
        description="What compression removed, by rule: leading_clause, parenthetical, ..."
    )
    fallback: bool = Field(
        description="True when the compressed bullet failed verification and was replaced "
        "by its uncompressed source sentence."
    )
    verdict: Verdict


class Notice(_Model):
    """Something the user should know about this digest that did not stop it."""

    code: str
    message: str


class Article(_Model):
    id: str = Field(description="Caller's id, or a hash of the clean text.")
    url: str | None = None
    title: str | None = None
    site_name: str | None = None
    published: dt.date | dt.datetime | None = None
    published_from: Literal["input", "caller"] | None = Field(
        default=None, description="Where the publication date came from."
    )
    lang: str | None = Field(description="Main language of the article (ISO 639-1).")
    source_format: Literal["text", "html"]
    text: str = Field(description="The clean text. Every span points into it.")
    blocks: list[Block]


class Digest(_Model):
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    article: Article
    sentences: list[Sentence] = Field(description="Sentences of the body blocks.")
    keypoints: list[KeyPoint]
    notices: list[Notice] = Field(default_factory=list)
