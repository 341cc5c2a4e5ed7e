"""The Digest data model: one article, every item anchored to character offsets in its clean text.

These classes are the public JSON contract (see ``schema/digest.schema.json``). Any change to
their fields changes the contract: bump ``SCHEMA_VERSION`` and say so in CHANGELOG.md.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1.6"] = "1.6"


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
    # Schema 1.3: an intertitle of the body (« - Poursuites "inacceptables" - »), and the
    # page's headline printed again in the body. Neither feeds key points.
    SUBHEADING = "subheading"
    HEADLINE_REPEAT = "headline_repeat"


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
    # A role the bullet inserts in brackets after a person's name (« Vladimir Ourine [directeur
    # du Bolchoï] »), its evidence the text's words that set it beside that name (schema 1.5).
    ROLE = "role"
    # A definite article the bullet puts in brackets for the source's demonstrative, the noun
    # being the headline's (« [Le] petit garçon » for « Ce petit garçon »), its evidence the
    # source's words from the demonstrative to the noun (schema 1.6).
    ARTICLE = "article"


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


class DateGrain(StrEnum):
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


Anchor = Literal["absolute", "publication", "text", "unresolved"]


class DateMention(_Model):
    """A temporal expression of the body, resolved to the calendar when it can be."""

    span: Span
    value: str | None = Field(
        description="ISO 8601: 2025-07-04, 2025-W27, 2025-07, 2025, or an interval "
        "2025-07-03/2025-07-04 for a night; null when nothing resolves it."
    )
    grain: DateGrain
    part_of_day: str | None = Field(
        default=None, description="morning, noon, afternoon, evening or night, when said."
    )
    anchor: Anchor = Field(
        description="What the value rests on: the expression alone, the publication date, an "
        "event of the text (see anchor_text), or nothing."
    )
    anchor_text: str | None = Field(
        default=None, description="The event a relative expression hangs on (« l'appel »)."
    )


class Figure(_Model):
    """A number of the body with what it counts."""

    span: Span = Field(description="The whole expression: qualifier, number, unit, noun.")
    number: Span = Field(description="The number as written (« 2.600 », « cinq cents »).")
    value: float
    unit: str | None = Field(default=None, description="%, EUR, USD, km/h, years, ...")
    counts: str | None = Field(default=None, description="The noun it counts (« engins »).")
    qualifier: str | None = Field(default=None, description="« plus de », « environ », ...")
    part_of: int | None = Field(
        default=None,
        description="Index (in Digest.figures) of the figure this one is a part of "
        "(« 550 engins, dont 539 drones »).",
    )


class EntityKind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"
    OTHER = "other"


class MentionForm(StrEnum):
    NAME = "name"
    ROLE = "role"


class EntityMention(_Model):
    span: Span
    form: MentionForm = Field(
        description="name: the entity's name in some spelling; role: a description the text "
        "ties to it (« le président ukrainien », « son homologue »)."
    )
    block: int = Field(ge=0, description="Index of the block the mention stands in.")
    actor: bool = Field(
        default=False,
        description="A capital standing for its government (« D'après Kiev », « Washington "
        "n'a pas commenté »).",
    )


class EntityRole(_Model):
    """A role or description the text gives an entity, with the words that show it."""

    role: str = Field(description="The role's noun, folded (« senateur », « premier ministre »).")
    evidence: Span = Field(
        description="The first words that tie it to the entity: an apposition (« X, sénateur "
        "de la Manche »), a title before the name (« le ministre X »), a role followed by the "
        "name."
    )


class Entity(_Model):
    """One person, place, organisation or other named thing, its mentions merged across
    spellings (Zelensky / Zelenskyy / Зеленський), surname-only mentions and roles."""

    kind: EntityKind
    name: str = Field(description="Canonical name: the fullest spelling the text uses.")
    aliases: list[str] = Field(description="Every other way the text names or describes it.")
    mentions: list[EntityMention]
    government_of: str | None = Field(
        default=None,
        description="ISO 3166 code of the country a capital stands for, when the text uses it "
        "as an actor.",
    )
    roles: list[EntityRole] = Field(
        default_factory=list,
        description="Roles and descriptions tied to it by evidence in the text, each with its "
        "evidence span (roles tied only because the entity was named nearby are not listed).",
    )


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    ACCORDING_TO = "according_to"


SpeakerResolution = Literal["named", "pronoun", "role", "context", "unknown"]


class Quote(_Model):
    """Reported speech of the body: what was said, the words that report it, and who said it."""

    kind: QuoteKind = Field(
        description="direct (words in quote marks), indirect (« X a affirmé que … »), or "
        "according_to (« selon X », « d'après X »)."
    )
    content: Span = Field(description="What is reported, without the quote marks.")
    cue: Span | None = Field(
        description="The speech verb (« a déclaré ») or the marker (« d'après »); null for a "
        "quote with no cue of its own."
    )
    speaker: Span | None = Field(
        description="The speaker as the cue clause names it: a name, a pronoun (« Lui »), a "
        "role (« le chef de l'État ukrainien ») or an actor (« Kiev »)."
    )
    speaker_entity: int | None = Field(
        default=None, description="Index in Digest.entities of who the speaker is, if known."
    )
    speaker_name: str | None = Field(
        description="Who said it: the entity's canonical name, else the speaker as written; "
        "null when unknown."
    )
    resolution: SpeakerResolution = Field(
        description="How the speaker was found: named in the cue clause, a pronoun or a role "
        "resolved to an entity, the context (the speaker of the quote before), or unknown."
    )


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
    schema_version: Literal["1.6"] = SCHEMA_VERSION
    article: Article
    keypoints_title: str = Field(
        default="Key points",
        description="The key-point box's title in the article's language (« L'essentiel », "
        '"Key points"), as the terminal and the web page show it (schema 1.3).',
    )
    sentences: list[Sentence] = Field(description="Sentences of the body blocks.")
    keypoints: list[KeyPoint]
    dates: list[DateMention] = Field(default_factory=list, description="Dates of the body.")
    figures: list[Figure] = Field(default_factory=list, description="Figures of the body.")
    entities: list[Entity] = Field(
        default_factory=list,
        description="Named entities of the body, headline, publisher summary, embedded posts "
        "and subheadings.",
    )
    quotes: list[Quote] = Field(default_factory=list, description="Reported speech of the body.")
    notices: list[Notice] = Field(default_factory=list)


# ---- checking someone's summary against its article (`essentiel check`) ---------------------

# 1.2: the article it embeds has the block kinds of digest schema 1.3.
# 1.3: a check may be of kind "role" (digest schema 1.5).
# 1.4: a check may be of kind "article" (digest schema 1.6).
CHECK_SCHEMA_VERSION: Literal["1.4"] = "1.4"


class ProblemKind(StrEnum):
    NAME = "name"
    NUMBER = "number"
    DATE = "date"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    NEGATION = "negation"
    CONTENT = "content"


class Problem(_Model):
    """Something a summary sentence says that the article does not support."""

    kind: ProblemKind
    text: str = Field(description="The item as the summary writes it.")
    message: str = Field(description="What is wrong, in one line.")
    closest: Span | None = Field(
        default=None, description="Where the article comes closest (the item it does say)."
    )


class SentenceVerdict(StrEnum):
    SUPPORTED = "supported"
    UNSUPPORTED = "unsupported"
    CANNOT_TELL = "cannot_tell"


class CheckedSentence(_Model):
    text: str = Field(description="The summary sentence.")
    verdict: SentenceVerdict
    score: float = Field(
        ge=0, le=1, description="How well the article supports it: 1 fully, 0 not at all."
    )
    problems: list[Problem]
    evidence: list[Span] = Field(description="The article sentences it aligns with, best first.")
    checks: list[Check] = Field(description="Every item looked for, found or not.")


class SummaryCheck(_Model):
    """A summary checked sentence by sentence against its article."""

    schema_version: Literal["1.4"] = CHECK_SCHEMA_VERSION
    article: Article
    verdict: SentenceVerdict = Field(
        description="unsupported if any sentence is, else cannot_tell if any sentence is."
    )
    score: float = Field(
        ge=0,
        le=1,
        description="The probability that the summary is faithful to the article, from the "
        "learned combiner of the checker's signals (schema 1.1); the mean of the sentence "
        "scores when the combiner is off (Checker(learned=False)).",
    )
    sentences: list[CheckedSentence]
    notices: list[Notice] = Field(default_factory=list)
