"""What the facts stages no longer do twice or for nothing (issue 31)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essentiel import analyze
from essentiel.facts.dates import DateResolver
from essentiel.facts.quotes import quote_pairs

FRIDAY = dt.date(2025, 7, 4)

TEXT = (
    "« Nous rouvrirons le marché couvert d'ici ce soir », a déclaré le maire. "
    "Les commerçants, eux, attendent toujours l'avis de l'ARS (Agence régionale de santé) "
    "Bretagne. Le chantier a coûté 2,3 millions d'euros."
)


def test_a_doc_s_sentences_are_worked_out_once(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = analyze.pipeline("fr")(TEXT)
    expected = [(s.start, s.end) for s in analyze._sentences_of(doc)]
    calls: list[int] = []
    worker = analyze._sentences_of

    def counted(d):  # type: ignore[no-untyped-def]
        calls.append(1)
        return worker(d)

    monkeypatch.setattr(analyze, "_sentences_of", counted)
    first = analyze.sentences_of(doc)
    second = analyze.sentences_of(doc)
    assert len(calls) == 1
    assert [(s.start, s.end) for s in first] == [(s.start, s.end) for s in second] == expected
    assert all(s.doc is doc for s in second)


def test_the_future_tense_is_read_only_when_a_date_needs_it() -> None:
    asked: list[int] = []

    def future_at() -> set[int]:
        asked.append(1)
        return {text.index("mardi")}

    text = "Le 25 mai 2020, le conseil a voté hier soir un budget pour 2026."
    assert DateResolver("fr").mentions(text, 0, FRIDAY, future_at)
    assert asked == []  # no bare weekday or month: the verbs are not read
    text = "Il se rendra mardi à Kiev, puis en septembre à Rome."
    found = DateResolver("fr").mentions(text, 0, FRIDAY, future_at)
    assert asked == [1]  # read once for the block, whatever it holds
    # Only « mardi » is in the positions given: it looks forward, the month back.
    assert [(m.span.text, m.value) for m in found] == [
        ("mardi", "2025-07-08"),
        ("en septembre", "2024-09"),
    ]


def test_an_explicit_date_with_a_year_is_the_calendar_s() -> None:
    found = DateResolver("fr").mentions(
        "Le 29 février 2024, puis le 29 février 2023 et le 1er mars 1999.", 0, FRIDAY
    )
    assert [(m.span.text, m.value, m.anchor) for m in found] == [
        ("Le 29 février 2024", "2024-02-29", "absolute"),
        ("le 1er mars 1999", "1999-03-01", "absolute"),
    ]
    found = DateResolver("en").mentions("It closed on April 31, 2020 and June 3, 2020.", 0, None)
    assert [(m.span.text, m.value) for m in found] == [("June 3, 2020", "2020-06-03")]


def _quote_pairs_letter_by_letter(text: str) -> list[tuple[int, int, bool]]:
    """quote_pairs as it was written before it skipped to the marks: the reference."""
    closer, also = {"«": "»", "“": "”", '"': '"'}, {"“": '"', '"': "”"}
    found: list[tuple[int, int, bool]] = []
    opener: str | None = None
    opened = 0
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if opener is None:
            if ch in closer and (ch != '"' or not after.isspace()):
                opener, opened = ch, i
        elif ch == closer[opener] or ch == also.get(opener):
            if ch == '"' and before.isspace() and not after.isspace():
                opened = i
                continue
            found.append((opened + 1, i, True))
            opener = None
    if opener is not None:
        found.append((opened + 1, len(text), False))
    result = []
    for a, b, closed in found:
        inner = text[a:b]
        a += len(inner) - len(inner.lstrip())
        b -= len(inner) - len(inner.rstrip())
        if a < b and any(c.isalpha() for c in text[a:b]):
            result.append((a, b, closed))
    return result


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab «»“”" .,\n')), max_size=40))
def test_quote_pairs_skips_to_the_marks_and_finds_the_same(text: str) -> None:
    assert quote_pairs(text) == _quote_pairs_letter_by_letter(text)


def test_quote_pairs_in_a_paragraph() -> None:
    text = '« Nous rouvrirons », a dit le maire ; "on verra" selon “ses “amis" et « rien'
    assert quote_pairs(text) == _quote_pairs_letter_by_letter(text)
    assert [text[a:b] for a, b, _ in quote_pairs(text)][:2] == ["Nous rouvrirons", "on verra"]


def test_a_sentence_s_text_is_built_once() -> None:
    """spaCy joins a span's tokens anew on every ``Span.text``; the key points read each
    sentence's text several times, so ParsedSentence keeps the first one."""
    doc = analyze.pipeline("fr")(TEXT)
    span = analyze.sentences_of(doc)[1]
    sentence = analyze.ParsedSentence(0, 0, span, "fr")
    assert span.text is not span.text  # spaCy's: a new string each time
    assert sentence.text == span.text
    assert sentence.text is sentence.text


DATED = [
    "Le conseil municipal se réunira mardi 14 octobre 2025, trois jours plus tard qu'annoncé.",
    "Il y a deux ans, à la Toussaint, le pont avait fermé; il rouvrira au printemps prochain.",
    "Dans deux semaines, fin mars, les 16 et 23 avril puis le lundi de Pâques seront chômés.",
    "Les travaux ont duré du 3 au 10 mai, entre la nuit de vendredi à samedi et le week-end.",
    "Aucune date ici, seulement des mots : maison, maire, marsouin, mardis gras, lundis.",
    "The council met on Monday, March 3, 2025, two weeks after the vote in late February.",
    "MARDI 3 JUIN, le maire a signé; ſamedi prochain, İstanbul accueillera le sommet.",
    "Hier soir, puis dans la nuit, la digue a cédé; ce matin, au lendemain de la crue, les "
    "pompiers comptaient les dégâts, comme en 1999 et la même année, dans les années 80.",
    "Le jour même et la veille, puis à la rentrée 2015, l'année suivante et ce week-end, rien n'a "
    "changé depuis 2014; le lendemain, l'école a rouvert.",
    "Aujourd'hui, the day after the vote, the mayor said last night that since 2019 this "
    "morning's count was the highest; yesterday it was 1870 votes.",
]


@pytest.mark.parametrize("code", ["fr", "en"])
def test_the_words_a_date_pattern_needs_leave_its_hits_unchanged(
    code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pattern is skipped on a text without one of its words (a month, a weekday ...): the
    hits are those of every pattern run on every text."""
    import dataclasses

    from essentiel.facts import dates

    prefiltered = {
        text: [(h.start, h.end, h.rule) for h in dates.find(text, code)] for text in DATED
    }
    grammar = dates.grammar(code)
    assert any(grammar.needs)
    every = dataclasses.replace(grammar, needs=tuple(() for _ in grammar.needs))
    monkeypatch.setattr(dates, "grammar", lambda _code: every)
    for text in DATED:
        assert prefiltered[text] == [(h.start, h.end, h.rule) for h in dates.find(text, code)]
    assert any(prefiltered.values())


def test_the_case_traps_are_every_letter_ignorecase_matches_otherwise_than_lower() -> None:
    """``CASE_TRAPS``: the characters re.IGNORECASE takes for one of the needed words' letters
    while str.lower() does not (the prefilter is a substring test on the lowered text)."""
    import re

    from essentiel.facts import dates

    letters = {
        c for code in ("fr", "en") for words in dates.grammar(code).needs for w in words for c in w
    }
    bmp = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    for letter in letters - dates.CASE_TRAPS:
        for char in re.findall(re.escape(letter), bmp, re.IGNORECASE):
            assert char.lower() == letter.lower() or char in dates.CASE_TRAPS, (letter, char)


def test_the_far_back_search_for_a_description_asks_only_the_entities_it_may_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # People named in turn, then « l'élu » quoted: the search far back for whom the text
    # described so is handed the entities described so (none here), not a test of every
    # entity per quote (it was quadratic on one huge paragraph).
    from essentiel.facts.speakers import SpeakerRanker
    from essentiel.pipeline import Pipeline

    people = ["Louis Arnaud", "Chloé Besson", "Marc Cordier", "Inès Dumont", "Paul Ferrand"]
    text = (
        "Philippe Garnier a visité le port de Cherbourg lundi. "
        + " ".join(f"{name} a participé à la réunion du conseil portuaire." for name in people)
        + " « Le port doit rester ouvert toute l'année », a ajouté l'élu."
    )
    pools: list[int | None] = []
    choose = SpeakerRanker.choose

    def recorded(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        among = kwargs.get("evident_among")
        pools.append(None if among is None else len(list(among)))
        return choose(self, *args, **kwargs)

    monkeypatch.setattr(SpeakerRanker, "choose", recorded)
    digest = Pipeline().digest(text, lang="fr")
    assert pools, "the description was not searched for"
    assert all(size is not None and size < len(digest.entities) for size in pools)


def test_a_doc_s_text_is_built_once() -> None:
    """spaCy joins a doc's tokens anew on every ``Doc.text``; the sentence split and every
    facts extractor read the block's text, so doc_text keeps one: the text analyze parsed,
    or the first ``Doc.text`` of a doc parsed elsewhere."""
    from essentiel.clean import clean
    from essentiel.ingest import ingest

    doc = analyze.pipeline("fr")(TEXT)
    assert doc.text is not doc.text
    assert analyze.doc_text(doc) == doc.text == TEXT
    assert analyze.doc_text(doc) is analyze.doc_text(doc)
    cleaned = clean(ingest(TEXT + "\n\nLe marché rouvrira ce soir à 18 heures."))
    for block, parsed in analyze.analyze(cleaned.blocks, "fr").docs:
        assert analyze.doc_text(parsed) == parsed.text == block.span.text
    span = analyze.sentences_of(doc)[0]
    assert analyze.ParsedSentence(0, 0, span, "fr").text == span.text


def test_token_indices_are_those_a_loop_over_the_doc_finds() -> None:
    doc = analyze.pipeline("fr")(
        TEXT + " « On verra », raconte Paul, comme le rapporte Le Parisien."
    )
    verbs = [t.i for t in doc if t.pos_ in {"VERB", "AUX"}]
    assert verbs and analyze.token_indices(doc, ("VERB", "AUX")) == verbs
    found = analyze.token_indices(doc, ("NOUN",), analyze.lower_ids(["raconte", "rapporte"]))
    assert found == [t.i for t in doc if t.pos_ == "NOUN" or t.lower_ in {"raconte", "rapporte"}]
    assert analyze.token_indices(analyze.pipeline("fr").make_doc(""), ("VERB",)) == []


REPORTED = (
    "Le feu est parti du premier étage, a indiqué le commandant des pompiers. "
    "Comme le rapporte Le Parisien, les policiers ont bouclé le quartier vers minuit. "
    "« Nous avons tout perdu », raconte Yasmine Belkacem, une voisine. "
    "Le maire a assuré que le gymnase accueillerait les familles dès ce soir."
)


def test_the_quote_scan_over_candidate_tokens_finds_what_every_token_finds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The indirect-speech scan reads only verbs, auxiliaries and the forms of an incise's
    verb (analyze.token_indices): the quotes are those of a scan over every token."""
    from essentiel import Pipeline
    from essentiel.facts import quotes

    def dump() -> list[str]:
        return [q.model_dump_json() for q in Pipeline().digest(REPORTED).quotes]

    candidates = dump()
    monkeypatch.setattr(quotes, "token_indices", lambda doc, *_: list(range(len(doc))))
    assert dump() == candidates
    assert len(candidates) >= 3


def _clauses_char_by_char(text: str) -> list[tuple[int, int, str]]:
    """claims.clauses as it read every character (before issue 31's cut): the reference."""
    from essentiel.check.claims import _inside_number

    result, start, in_quote, depth = [], 0, False, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif ch in "«“":
            in_quote = True
        elif ch in "»”":
            in_quote = False
        elif ch == '"':
            in_quote = not in_quote
        elif not in_quote and ch in ",;:" and not _inside_number(text, i):
            if text[start:i].strip():
                result.append((start, i, text[start:i]))
            start = i + 1
    if text[start:].strip():
        result.append((start, len(text), text[start:]))
    return result


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab 1,;:()«»“”"\n.')), max_size=60))
def test_clauses_read_at_the_marks_cut_where_every_character_read_cuts(text: str) -> None:
    from essentiel.check.claims import clauses

    found = [(c.start, c.end, c.text) for c in clauses(text)]
    assert found == _clauses_char_by_char(text)


def test_clauses_in_a_sentence() -> None:
    from essentiel.check.claims import clauses

    text = "Vincent (22 ans, étudiant) et Juliette ont dit : « oui, demain », puis 2,5 % ; fin"
    assert [c.text for c in clauses(text)] == [
        "Vincent (22 ans, étudiant) et Juliette ont dit ",
        " « oui, demain »",
        " puis 2,5 % ",
        " fin",
    ]
    assert [(c.start, c.end, c.text) for c in clauses(text)] == _clauses_char_by_char(text)


TENSE_TEXT = (
    "Le maire se rendra mardi à la préfecture, puis il avait reçu les commerçants lundi. "
    "Une baisse est attendue samedi et le conseil va voter en septembre ; le chantier "
    "devait reprendre jeudi, mais les ouvriers partent dimanche pour suivre le match. "
    "Il viendrait samedi, et le vote espéré fin octobre a été décidé de repousser à jeudi."
)


def test_a_block_s_tenses_read_per_range_answer_as_the_sets_of_every_word() -> None:
    from essentiel import resources
    from essentiel.facts import BlockTenses, date_words, tense_positions
    from essentiel.facts.dates import _Context

    doc = analyze.pipeline("fr")(TENSE_TEXT)
    temporal = resources.raw("fr")["temporal"]
    words = date_words("fr")
    sets = tense_positions(doc, temporal, words)
    by_sets = _Context(lambda: (sets.future, sets.past, sets.present), [], 0)
    lazy = BlockTenses(doc, temporal, words)
    by_range = _Context(lambda: (set(), set(), set()), [], 0, read_tense=lazy.at)
    starts = [tok.idx for tok in doc]
    answers = set()
    for a in range(len(starts)):
        for b in range(a + 1, min(a + 6, len(starts)) + 1):
            start = starts[a] + (1 if b > a + 1 else 0)  # not always at a word's start
            end = starts[b] if b < len(starts) else len(TENSE_TEXT)
            expected = by_sets.tense_at(start, end)
            assert by_range.tense_at(start, end) == expected, (start, end)
            answers.add(expected)
    assert {"future", "past", "present"} <= answers
