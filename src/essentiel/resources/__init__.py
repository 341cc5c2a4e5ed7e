"""Per-language knowledge, loaded from the TOML files next to this module.

Adding a language means adding a folder ``resources/<code>/`` with ``language.toml`` and
``blocks.toml``; no code path names a language.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources as importlib_resources
from typing import Any

_ROOT = importlib_resources.files(__package__)
# Quote marks that open a quotation (a straight one opens as often as it closes).
_OPENING_QUOTES = frozenset('«“"')
# How key points may be chosen (keypoints.KeyPointSettings.selector); a language names its
# default in ``[keypoints] selector``.
SELECTORS = ("learned", "heuristic", "lead")


def _read_toml(*parts: str) -> dict[str, Any]:
    node = _ROOT.joinpath(*parts)
    return tomllib.loads(node.read_text(encoding="utf-8"))


def _line_regex(patterns: list[str]) -> re.Pattern[str] | None:
    """One case-insensitive regex that must match a whole (stripped) line."""
    if not patterns:
        return None
    return re.compile("^(?:" + "|".join(f"(?:{p})" for p in patterns) + ")$", re.IGNORECASE)


def _prefix_regex(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile("^(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.IGNORECASE)


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation of literal words, longest first (« plus tôt » before « plus »)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _words_regex(words: list[str]) -> re.Pattern[str] | None:
    """Case-insensitive alternation of words/phrases on word boundaries, longest first."""
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?:{alternation(words)})(?![\w-])", re.IGNORECASE)


def _furniture_regex(phrases: list[str]) -> re.Pattern[str] | None:
    """Like ``_words_regex``, but a capital or a quote mark glued after the phrase ends it:
    the next paragraph run into it."""
    if not phrases:
        return None
    return re.compile(
        rf"(?<![\w-])(?:{alternation(phrases)})(?=(?-i:[A-ZÀ-ÖØ-Þ\"“«])|[^\w-]|$)",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class BlockMarkers:
    related_marker_line: re.Pattern[str] | None
    related_marker_prefix: re.Pattern[str] | None
    caption: re.Pattern[str] | None
    caption_max_words: int
    byline: re.Pattern[str] | None
    byline_max_words: int


@dataclass(frozen=True)
class CommonMarkers:
    post_signature: re.Pattern[str]
    post_token: re.Pattern[str]
    post_author: re.Pattern[str]
    bullet_prefix: re.Pattern[str]
    summary_classes: tuple[str, ...]


@dataclass(frozen=True)
class Language:
    code: str
    spacy_model: str
    blocks: BlockMarkers
    according_to: re.Pattern[str]
    # « selon lui », "according to her": an attribution to someone named elsewhere. None when
    # the language lists no such pronouns.
    according_to_pronoun: re.Pattern[str] | None
    speech_verb: re.Pattern[str]
    detail_marker_words: tuple[str, ...]
    leading_openers: frozenset[str]
    trailing_openers: frozenset[str]
    # A parenthetical opening with one of these restricts the claim (« (hors vente
    # caritative) »): without it the sentence says more than the text.
    restrictive_openers: frozenset[str]
    # A parenthetical that ends on one of these is the newsroom's note (« (…, ndlr) »), not
    # the speaker's words: it may go from inside a quote.
    editor_notes: tuple[str, ...]
    relative_openers: frozenset[str]
    # Of those, the ones whose clause always has a verb of its own (« où », "where"): a segment
    # they open with no verb is the start of a clause that goes on after an aside.
    clause_relatives: frozenset[str]
    # Adjuncts the parse finds with no comma around them (« was shot during a robbery »,
    # « s'est effondré lors des intempéries »): the relations they hang on their verb by, and
    # the prepositions or conjunctions they may open with.
    adjunct_relations: frozenset[str]
    adjunct_openers: frozenset[str]
    # Coordinators after which a verb's last conjunct may go, and the words that make the
    # first conjunct need it (« both ... and », « à la fois ... et »).
    conjunct_coordinators: frozenset[str]
    correlatives: re.Pattern[str] | None
    anaphoric_openers: tuple[str, ...]
    # Personal pronouns that, as the main verb's subject, refer to someone named elsewhere;
    # those of them that can also be impersonal, and the verbs that make them so.
    subject_pronouns: frozenset[str]
    impersonal_pronouns: frozenset[str]
    impersonal_verbs: frozenset[str]
    # Verbs whose passive with that pronoun and a clause after it is impersonal (« il a été
    # décidé que ... »).
    impersonal_passives: frozenset[str]
    impersonal_clitics: frozenset[str]
    connective_openers: tuple[str, ...]
    number_word: re.Pattern[str]
    number_ignore: frozenset[str]
    date_word: re.Pattern[str]
    month_word: re.Pattern[str]
    clause_conjunctions: tuple[str, ...]
    # Words that, capitalised between two lowercase words, start a sentence whose final stop
    # went missing (a caption glued onto the text: « ... than a colleague The cost of ... »).
    glued_openers: frozenset[str] = frozenset()
    # Openers of that kind that are also letters (« A »): only where the parse reads a
    # determiner, and not after a word a letter labels (« vitamin A »).
    glued_determiners: frozenset[str] = frozenset()
    letter_labels: frozenset[str] = frozenset()
    # Where text copied from a page ran a paragraph (or an intertitle, a video's title and
    # credit) into the next one without a space: a lowercase letter, or an upper-case run, then
    # one of the language's sentence openers as a whole word (« ... un accident sur la
    # départementalePeu avant midi ... »). None when the language lists no openers.
    glued_paragraph: re.Pattern[str] | None = None
    # The same with a space: a short run with no final stop, then an opener and a lowercase
    # word (« Cinq blessés graves Parmi les victimes, ... »); and the words after which a
    # capitalised article opens a title, not a sentence (« le film Le dernier métro »).
    spaced_heading: re.Pattern[str] | None = None
    # AFP's intertitle after a dash, run into the next paragraph with a space (« ... est
    # franchie.- Economie à genoux Le 29 avril, ... »): a sentence end, a dash, a short run,
    # then an opener before a lowercase word or a digit (a date: « Le 29 avril »).
    dashed_heading: re.Pattern[str] | None = None
    title_words: frozenset[str] = frozenset()
    # The words that open a video's credit (« par »): its outlet's last word glued to the next
    # paragraph ends it (« ... par Pause PeopleNé le 12 septembre ... »).
    credit_words: frozenset[str] = frozenset()
    # Runs opening on these (« alors que », ``[pointing] fronted_marks``) are no heading: a
    # main clause follows them.
    heading_never_opens: tuple[str, ...] = ()
    # Any capitalised word glued to a lowercase word of two letters or more starts a paragraph
    # (« ... en examenRapidement, ... »), not only the listed openers.
    glued_after_lowercase_word: bool = False
    # A hyphen glued to a capital after a sentence's end starts a paragraph (« jour. -À 10 »).
    dashed_paragraph_start: bool = False
    # Titles written with a stop before a name (« l'équipe du Pr. Greaves »): that stop ends
    # no sentence when a capitalised word follows it.
    dotted_titles: frozenset[str] = frozenset()
    # Elided words (« l », « qu »): a straight double quote after one and before a vowel is a
    # mistyped apostrophe (« de l"épidémie »).
    elided_words: frozenset[str] = frozenset()
    # Page furniture found inside paragraphs (« Scroll down for video »): its own sentence,
    # also when the next paragraph is glued to it (« ... on this deviceThe club said »).
    set_apart: re.Pattern[str] | None = None
    set_apart_phrases: tuple[str, ...] = ()
    # Connectives that are links only when a comma follows them (« À l'époque, » but « À
    # l'époque de Napoléon »); they are among ``connective_openers`` too.
    comma_connectives: frozenset[str] = frozenset()
    # Adverbs that add to or contrast with the sentence before (« a également rappelé », « Le
    # maire, en revanche, a ... »): a bullet read alone drops them, as an editor would.
    additive_adverbs: tuple[str, ...] = ()
    # Words that compare with the figure or phrase before them (« contre 4 % samedi »,
    # "up from 4%"): a cut right before one leaves the comparison with nothing to compare.
    comparison_openers: frozenset[str] = frozenset()
    # Nouns of a time span (« quelques jours après », "days after"): the span measures the
    # phrase after it, which a cut may not take alone.
    duration_nouns: frozenset[str] = frozenset()
    # Verbs whose adjunct right after them is their point (« came after ... »; ``[compress]
    # bare_verbs``): the adjunct stays.
    bare_verbs: frozenset[str] = frozenset()
    # Words that add a noun phrase to the one before (« ainsi que », "as well as"): between
    # commas before the main verb, the phrase is part of a plural subject the verb agrees with.
    additive_conjunctions: frozenset[str] = frozenset()
    # Prepositions that open a noun's complement (« de », "of"): after a cut inserted segment,
    # the complement joins the noun before it with no comma.
    noun_complement_openers: frozenset[str] = frozenset()
    time_clause_openers: frozenset[str] = frozenset()
    # « se », « s' »: the word after one is a verb, whatever the tagger says (« se livre »).
    reflexive_clitics: frozenset[str] = frozenset()
    opinion_openers: frozenset[str] = frozenset()
    # A dispatch's dateline at the start of a sentence (« PARIS (AFP) - »), matched with
    # ``match``: a sentence of its own, so that no bullet starts with it.
    dateline: re.Pattern[str] | None = None
    # How key points are chosen when the caller does not say (keypoints.SELECTORS).
    selector: str = "learned"
    # The bullets' length in this language, (towards, at most) words, when it is not the box's
    # default (``[keypoints] target_words``, ``max_words``; keypoints.KeyPointSettings).
    keypoint_words: tuple[int, int] | None = None
    # Text with no headline (``[keypoints] untitled_lead_sentences``, ``untitled_lead_weight``):
    # the lead states the news, and after its first sentence the next ones that can be bullets,
    # this many, have their selection value multiplied by (1 + weight). (0, 0.0): no preference.
    untitled_lead: tuple[int, float] = (0, 0.0)
    # The key-point box's title in this language (« L'essentiel », "Key points").
    box_title: str = "Key points"
    # What follows a quote whose speaker is only a pronoun (« "…", a-t-il réagi »), searched
    # in the text after the closing mark: such a quote is no bullet.
    pronoun_incise: re.Pattern[str] | None = None

    def leading_connective(self, text: str) -> int:
        """Where the sentence goes on after an opening connective and its comma (« Mais »,
        « However, »): 0 when it opens with none, or when what follows does not stand alone
        either (an anaphoric opener: « But he said ... »)."""
        lowered = text.lower()
        if not lowered.startswith(self.connective_openers):
            return 0  # no opener at all: most sentences (one C call, not one per opener)
        for word in self.connective_openers:  # longest first (« par ailleurs » before « par »)
            if not lowered.startswith(word) or lowered[len(word) : len(word) + 1].isalnum():
                continue
            if word in self.comma_connectives and text[len(word) : len(word) + 1] != ",":
                continue
            end = len(word)
            while end < len(text) and text[end] in ", ":
                end += 1
            rest = text[end:]
            # « Ainsi, "L'année 2019 sera ...", a annoncé le ministre »: a quote goes on, when
            # it opens on a capital: the bullet may not change a quote's letters, and one
            # opening on « "l'année » reads as a fragment.
            opened = rest[:1] in _OPENING_QUOTES and rest[1:].lstrip()[:1].isupper()
            if end == len(word) or not (rest[:1].isalnum() or opened):
                return 0  # « Et/ou », « So-called »: not a connective and a space
            if self.opens_with(rest, self.anaphoric_openers) or self.opens_with_connective(rest):
                return 0
            return end
        return 0

    def opens_with_connective(self, text: str) -> bool:
        """True when ``text`` opens with a connective: one of ``comma_connectives`` only with
        its comma (« Depuis, » but not « Depuis 2015 »)."""
        lowered = text.lower().lstrip("«“\"' ")
        if not lowered.startswith(self.connective_openers):
            return False  # no opener at all: most texts (one C call, not one per opener)
        for word in self.connective_openers:
            after = lowered[len(word) : len(word) + 1]
            if not lowered.startswith(word) or after.isalnum():
                continue
            if word in self.comma_connectives and after != ",":
                continue
            return True
        return False

    def opens_with(self, text: str, openers: frozenset[str] | tuple[str, ...]) -> bool:
        """True when ``text`` starts with one of ``openers`` as whole words; an elided opener
        (« d' », « ainsi qu' ») is whole before the word it is glued to."""
        lowered = text.lower().lstrip("«“\"' ")
        if not lowered.startswith(tuple(openers)):
            return False  # no opener at all (one C call, not one per opener)
        return any(
            lowered.startswith(o)
            and (o[-1] in "'’" or len(lowered) == len(o) or not lowered[len(o)].isalnum())
            for o in openers
        )


@dataclass(frozen=True)
class PublisherProfile:
    host: str
    standfirst: str | None


@cache
def _publishers() -> tuple[PublisherProfile, ...]:
    data = _read_toml("common", "publishers.toml").get("publishers", {})
    return tuple(PublisherProfile(host, entry.get("standfirst")) for host, entry in data.items())


def publisher(hostname: str | None) -> PublisherProfile | None:
    """The layout profile of a site, if we have one (suffix match on the host name)."""
    if not hostname:
        return None
    host = hostname.lower().removeprefix("www.")
    for profile in _publishers():
        if host == profile.host or host.endswith("." + profile.host):
            return profile
    return None


@cache
def supported_languages() -> tuple[str, ...]:
    # Cached: read from the package's folders, which do not change while it runs (one listing
    # of the folder per digest cost more than its language's labelling).
    return tuple(
        sorted(
            entry.name
            for entry in _ROOT.iterdir()
            if entry.is_dir() and entry.joinpath("language.toml").is_file()
        )
    )


@cache
def common() -> CommonMarkers:
    data = _read_toml("common", "blocks.toml")
    post = data["embedded_post"]
    return CommonMarkers(
        post_signature=re.compile("(?:" + "|".join(post["signatures"]) + ")", re.MULTILINE),
        post_token=re.compile("(?:" + "|".join(post["tokens"]) + ")"),
        post_author=re.compile(post["author"]),
        bullet_prefix=re.compile(data["publisher_summary"]["bullet_prefix"]),
        summary_classes=tuple(data["html"]["summary_classes"]),
    )


@cache
def common_data(name: str) -> dict[str, Any]:
    """A language-independent data file of ``resources/common/`` as read (``entities``)."""
    return _read_toml("common", f"{name}.toml")


def relative_time_openers(compress: dict[str, Any]) -> list[str]:
    """The times counted from another sentence's (« trois mois plus tard », « deux jours plus
    tôt »): each of a ``[compress]`` table's ``relative_time_counts``, ``relative_time_units``
    and ``relative_time_tails``, in that order (lowercase)."""
    return [
        f"{count} {unit} {tail}"
        for count in compress.get("relative_time_counts", [])
        for unit in compress.get("relative_time_units", [])
        for tail in compress.get("relative_time_tails", [])
    ]


@cache
def language_data(code: str, name: str) -> dict[str, Any]:
    """A language's other data file, ``resources/<code>/<name>.toml``, as read (``defects``:
    the words bench/keypoint_defects.py looks for)."""
    return _read_toml(code, f"{name}.toml")


@cache
def raw(code: str) -> dict[str, Any]:
    """The language's TOML data as read, for stages that compile their own structures."""
    return _read_toml(code, "language.toml")


@cache
def calendar_words(code: str) -> frozenset[str]:
    """The language's weekday and month names (``[dates]``), lower case: a date's words, no
    count's noun nor a rival noun after a name."""
    dates = raw(code).get("dates", {})
    return frozenset(str(w).lower() for w in [*dates.get("weekdays", []), *dates.get("months", [])])


@dataclass(frozen=True)
class RoleSyntax:
    """``[roles]`` as both sides of a bracketed role read it: the key points, which set a role
    the text gives beside a name (« Olivier Véran [ministre de la Santé] »), and the verifier,
    which checks it. One reader, so that the two cannot disagree on what a role looks like."""

    determiners: tuple[str, ...]  # may stand between a name's comma and its role (« le »)
    prepositions: tuple[str, ...]  # open a role's complement (« de », "of")
    age: str  # a regex: an age that may stand between the comma and the role
    max_words: int  # the most words a role has


@cache
def role_syntax(code: str) -> RoleSyntax:
    data = raw(code).get("roles", {})
    return RoleSyntax(
        determiners=tuple(data.get("determiners", [])),
        prepositions=tuple(data.get("prepositions", [])),
        age=str(data.get("age", "(?!)")),
        max_words=int(data.get("max_words", 6)),
    )


@cache
def language(code: str) -> Language:
    """The resources of one language; raises KeyError for a language with no folder."""
    if code not in supported_languages():
        raise KeyError(code)
    lang = _read_toml(code, "language.toml")
    blocks = _read_toml(code, "blocks.toml")
    related = blocks.get("related_link", {})
    caption = blocks.get("caption", {})
    byline = blocks.get("byline", {})
    compress = lang["compress"]
    numbers = lang["numbers"]
    dates = lang["dates"]
    months_capitalised = bool(dates.get("months_capitalised", False))
    month_alternation = "|".join(
        re.escape(m.capitalize() if months_capitalised else m) for m in dates["months"]
    )
    return Language(
        code=code,
        spacy_model=lang["spacy_model"],
        blocks=BlockMarkers(
            related_marker_line=_line_regex(related.get("marker_lines", [])),
            related_marker_prefix=_prefix_regex(related.get("marker_prefixes", [])),
            caption=_line_regex(caption.get("patterns", [])),
            caption_max_words=int(caption.get("max_words", 30)),
            byline=_line_regex(byline.get("patterns", [])),
            byline_max_words=int(byline.get("max_words", 25)),
        ),
        according_to=_required(_words_regex(lang["attribution"]["according_to"])),
        according_to_pronoun=_pronoun_attribution(
            lang["attribution"], compress.get("opinion_openers", [])
        ),
        speech_verb=_required(_words_regex(lang["attribution"]["speech_verbs"])),
        detail_marker_words=tuple(compress["detail_markers"]),
        leading_openers=frozenset(compress["leading_clause_openers"]),
        trailing_openers=frozenset(compress["trailing_clause_openers"]),
        restrictive_openers=frozenset(compress.get("restrictive_openers", [])),
        editor_notes=tuple(str(w).lower() for w in compress.get("editor_notes", [])),
        relative_openers=frozenset(compress["relative_openers"]),
        clause_relatives=frozenset(compress.get("clause_relatives", [])),
        adjunct_relations=frozenset(compress.get("adjunct_relations", [])),
        adjunct_openers=frozenset(compress.get("adjunct_openers", [])),
        conjunct_coordinators=frozenset(compress.get("conjunct_coordinators", [])),
        correlatives=_words_regex(compress.get("correlatives", [])),
        anaphoric_openers=tuple(compress["anaphoric_openers"]),
        subject_pronouns=frozenset(compress.get("subject_pronouns", [])),
        impersonal_pronouns=frozenset(compress.get("impersonal_pronouns", [])),
        impersonal_verbs=frozenset(compress.get("impersonal_verbs", [])),
        impersonal_passives=frozenset(compress.get("impersonal_passives", [])),
        impersonal_clitics=frozenset(compress.get("impersonal_clitics", [])),
        connective_openers=tuple(
            sorted(
                compress.get("connective_openers", [])
                + compress.get("comma_connective_openers", [])
                + relative_time_openers(compress),
                key=len,
                reverse=True,
            )
        ),
        comma_connectives=frozenset(
            compress.get("comma_connective_openers", []) + relative_time_openers(compress)
        ),
        additive_adverbs=tuple(sorted(compress.get("additive_adverbs", []), key=len, reverse=True)),
        comparison_openers=frozenset(compress.get("comparison_openers", [])),
        duration_nouns=frozenset(compress.get("duration_nouns", [])),
        bare_verbs=frozenset(compress.get("bare_verbs", [])),
        additive_conjunctions=frozenset(compress.get("additive_conjunctions", [])),
        noun_complement_openers=frozenset(compress.get("noun_complement_openers", [])),
        time_clause_openers=frozenset(compress.get("time_clause_openers", [])),
        reflexive_clitics=frozenset(compress.get("reflexive_clitics", [])),
        opinion_openers=frozenset(compress.get("opinion_openers", [])),
        number_word=_required(_words_regex(numbers["words"])),
        number_ignore=frozenset(numbers.get("ignore", [])),
        date_word=_required(_words_regex(dates["weekdays"] + dates["relative"])),
        month_word=re.compile(
            rf"(?<![\w-])(?:{month_alternation})(?![\w-])",
            0 if months_capitalised else re.IGNORECASE,
        ),
        clause_conjunctions=tuple(lang["clauses"]["conjunctions"]),
        glued_openers=frozenset(lang.get("sentences", {}).get("glued_openers", [])),
        glued_determiners=frozenset(lang.get("sentences", {}).get("glued_determiners", [])),
        letter_labels=frozenset(lang.get("sentences", {}).get("letter_labels", [])),
        glued_paragraph=glued_paragraph_regex(
            lang.get("sentences", {}).get("paragraph_openers", []),
            lang.get("sentences", {}).get("credit_words", []),
            lang.get("sentences", {}).get("credit_outlets", []),
        ),
        spaced_heading=spaced_heading_regex(lang.get("sentences", {}).get("paragraph_openers", [])),
        dashed_heading=dashed_heading_regex(lang.get("sentences", {}).get("paragraph_openers", [])),
        title_words=frozenset(lang.get("sentences", {}).get("title_words", [])),
        credit_words=frozenset(lang.get("sentences", {}).get("credit_words", [])),
        heading_never_opens=tuple(lang.get("pointing", {}).get("fronted_marks", [])),
        glued_after_lowercase_word=bool(
            lang.get("sentences", {}).get("glued_after_lowercase_word", False)
        ),
        elided_words=frozenset(lang.get("sentences", {}).get("elided_words", [])),
        dashed_paragraph_start=bool(lang.get("sentences", {}).get("dashed_paragraph_start", False)),
        dotted_titles=frozenset(lang.get("sentences", {}).get("dotted_titles", [])),
        set_apart=_furniture_regex(lang.get("sentences", {}).get("set_apart", [])),
        set_apart_phrases=tuple(lang.get("sentences", {}).get("set_apart", [])),
        dateline=_dateline_regex(lang.get("sentences", {}).get("dateline_patterns", [])),
        selector=_selector(lang.get("keypoints", {}).get("selector", "learned")),
        box_title=str(lang.get("keypoints", {}).get("box_title", "Key points")),
        keypoint_words=_keypoint_words(lang.get("keypoints", {})),
        untitled_lead=_untitled_lead(lang.get("keypoints", {})),
        pronoun_incise=(
            re.compile(lang["keypoints"]["pronoun_incise"], re.IGNORECASE)
            if lang.get("keypoints", {}).get("pronoun_incise")
            else None
        ),
    )


def _keypoint_words(data: dict[str, Any]) -> tuple[int, int] | None:
    if "target_words" not in data and "max_words" not in data:
        return None
    target, most = int(data["target_words"]), int(data["max_words"])
    if not 1 <= target <= most:
        raise ValueError(
            f"[keypoints] target_words {target}, max_words {most}: need 1 <= target <= max"
        )
    return target, most


def _untitled_lead(data: dict[str, Any]) -> tuple[int, float]:
    sentences = int(data.get("untitled_lead_sentences", 0))
    weight = float(data.get("untitled_lead_weight", 0.0))
    if sentences < 0 or weight < 0.0:
        raise ValueError(
            f"[keypoints] untitled_lead_sentences {sentences}, untitled_lead_weight {weight}: "
            "need both >= 0"
        )
    return sentences, weight


def _selector(name: str) -> str:
    # Checked here so that a typo in a language file fails when it is read, not at the first
    # article in that language.
    if name not in SELECTORS:
        raise ValueError(f"[keypoints] selector {name!r}: choose one of {', '.join(SELECTORS)}")
    return name


def glued_paragraph_regex(
    openers: list[str], credits: list[str], outlets: list[str] | None = None
) -> re.Pattern[str] | None:
    """Where a paragraph starts glued to the text before it: at the end of each match.

    An opener (« Mais », « L' », « Selon ») capitalised right after a lowercase letter or
    after two capitals or digits (an outlet's name, a date: « BFMTVLe maire ») or a closing
    parenthesis or guillemet (« (en français)Cette vague », « jugées « alarmistes »Outre »),
    and a
    whole word: followed by a space or a comma, or, elided, by a letter. Names written in
    camel case (« YouTube », « PayPal », « DiCaprio », « LaREM ») go on with a letter, so they
    are not cut. A credit word (« par ») glued to a lowercase word before a capital (« ... son
    célibatpar Non Stop People », or before an outlet that writes its name in lowercase:
    « dégâtspar euronews », or to a closing bracket or quote: « (Vidéo)par Non Stop Zapping »)
    starts a video's credit."""
    if not openers:
        return None
    lower, upper = "a-zà-öø-ÿ", "A-ZÀ-ÖØ-Þ"
    opener = rf"(?:{alternation(openers)})(?:(?<=['’])[{lower}{upper}]|[ ,])"
    # The openers' first letters, tested first: at most positions of a text none follows, and
    # the expression moves on without trying a hundred openers (the same matches).
    firsts = "".join(sorted({re.escape(o[0]) for o in openers}))
    either = rf"(?=[{firsts}])(?:(?<=[{lower}])|(?<=[{upper}0-9]{{2}})|(?<=[)»”]))(?={opener})"
    if credits:
        word = rf"(?<![\w'’])[{lower}]\w*?[{lower}]{{2}}"
        outlet = rf"[{upper}]|(?:{alternation(outlets)})(?!\w)" if outlets else rf"[{upper}]"
        either += rf"|{word}(?=(?:{alternation(credits)}) (?:{outlet}))"
        # ... or glued to a closing bracket or quote (« ... en masse (Vidéo)par Non Stop
        # Zapping ... »): the credit starts at its word.
        either += rf"|(?<=[)»”\"])(?=(?:{alternation(credits)}) (?:{outlet}))"
    return re.compile(either)


def spaced_heading_regex(openers: list[str]) -> re.Pattern[str] | None:
    """A space between a lowercase letter, an acronym (« … des jeunes de l'UMP La chanson
    a suscité … », the thirty-fifth judged round) or a quote closed on a lowercase letter
    (« Une "trêve" réclamée par les "gilets jaunes libres" Une vision partagée … », the
    thirty-sixth), and an opener followed by a lowercase word; the match ends where the
    opener starts."""
    if not openers:
        return None
    lower, upper = "a-zà-öø-ÿ", "A-ZÀ-ÖØ-Þ"
    # The space first: a literal the engine scans for, then the letter behind it and the
    # openers' first letters, before the alternation's words are tried one by one.
    firsts = "".join(sorted({re.escape(word[0]) for word in openers}))
    return re.compile(
        rf" (?:(?<=[{lower}] )|(?<=[{upper}]{{2}} )|(?<=[{lower}][\"”] ))(?=[{firsts}])"
        rf"(?=(?:{alternation(openers)})(?:(?<=['’])[{lower}]| [{lower}]))"
    )


# The most words an intertitle after a dash may have (clean.TEXT_SUBHEADING_MAX_WORDS).
_DASHED_HEADING_WORDS = 12


def dashed_heading_regex(openers: list[str]) -> re.Pattern[str] | None:
    """``Language.dashed_heading``: the match runs from the dash to the opener's start."""
    if not openers:
        return None
    lower, upper = "a-zà-öø-ÿ", "A-ZÀ-ÖØ-Þ"
    return re.compile(
        rf"(?:(?<=[.!?…»\"”])|^) ?- (?=[{upper}«\"“])"
        # The run: words with no stop inside, the last one ending on a lowercase letter or a
        # closing quote (« Une "pandémie" Le 6 mars »), fewest first, so the first opener ends it.
        rf"(?:[^\s.!?…]+ ){{0,{_DASHED_HEADING_WORDS - 1}}}?[^\s.!?…]*[{lower}\"”»] "
        rf"(?=(?:{alternation(openers)})(?: [{lower}0-9]|(?<=['’])[{lower}]))"
    )


def _dateline_regex(patterns: list[str]) -> re.Pattern[str] | None:
    """The language's dateline patterns as one expression. What follows a dateline opens a
    sentence (a capital, a digit or a quote): « BREST - le ... » is not one."""
    if not patterns:
        return None
    either = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?:{either})(?=[\"“«‘'(]?[A-ZÀÂÉÈÊÎÔÛ0-9])")


def _pronoun_attribution(
    attribution: dict[str, Any], opinion_openers: list[str]
) -> re.Pattern[str] | None:
    """« selon lui » anywhere; « Pour lui, » opening the sentence (whose view it is: the
    thirty-third judged round's « Pour lui, il s'agit d'éviter … » named nobody)."""
    pronouns = attribution.get("pronouns", [])
    if not pronouns:
        return None
    markers = alternation(attribution["according_to"])
    who = alternation(pronouns)
    viewpoint = (
        rf"|^[\s\"«“'‘-]*(?:{alternation(opinion_openers)})\s+(?:{who})\s*,"
        if opinion_openers
        else ""
    )
    return re.compile(rf"(?<![\w-])(?:{markers})\s+(?:{who})(?![\w-]){viewpoint}", re.IGNORECASE)


def _required(pattern: re.Pattern[str] | None) -> re.Pattern[str]:
    if pattern is None:
        raise ValueError("a required word list in the language resources is empty")
    return pattern
