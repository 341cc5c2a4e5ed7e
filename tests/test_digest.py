"""Golden behaviour on the seed and the bundled examples, and the offset invariant."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

import essentiel
from essentiel import Digest, Pipeline
from essentiel.keypoints.compress import count_words
from essentiel.model import BlockKind
from tests.conftest import EXAMPLES, ORANGESUM_VALID, needs_shared, orangesum_pages


def spans_in(obj: Any) -> list[dict[str, Any]]:
    """Every {start, end, text} object anywhere in a dumped Digest."""
    found = []
    if isinstance(obj, dict):
        if set(obj) == {"start", "end", "text"}:
            found.append(obj)
        for value in obj.values():
            found.extend(spans_in(value))
    elif isinstance(obj, list):
        for value in obj:
            found.extend(spans_in(value))
    return found


def assert_offsets_hold(digest: Digest) -> int:
    data = digest.model_dump(mode="json")
    text = data["article"]["text"]
    spans = spans_in(data)
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"], span
    return len(spans)


def assert_keypoints_sound(digest: Digest, max_words: int = 30) -> None:
    body = [b.span for b in digest.article.blocks if b.kind is BlockKind.BODY]
    assert 2 <= len(digest.keypoints) <= 4
    # The first bullet, the headline's event, may run a few words longer.
    extra = (
        essentiel.KeyPointSettings.headline_extra_words
        + essentiel.KeyPointSettings.headline_whole_words
    )
    for k, point in enumerate(digest.keypoints):
        assert point.verdict.passed, point.verdict.problems
        assert count_words(point.text) <= max_words + (extra if k == 0 else 0)
        for span in [*point.sources, *point.fragments]:
            assert any(b.start <= span.start and span.end <= b.end for b in body), span
    texts = [p.text for p in digest.keypoints]
    assert len(set(texts)) == len(texts)


@needs_shared
def test_seed_keypoints(seed_digest: Digest) -> None:
    assert_keypoints_sound(seed_digest)
    texts = [p.text for p in seed_digest.keypoints]
    call = [t for t in texts if "Zelensky" in t and "Trump" in t and "vendredi 4 juillet" in t]
    assert call, texts
    # A name in brackets stands for one person, as the text writes it: not the chapô's list
    # item « [- Volodymyr Zelensky et Donald Trump] » for « le président américain ».
    named = [n for t in texts for n in re.findall(r"\[([^\]]*)\]", t)]
    assert not any(n.startswith(("-", "–", "•")) or " et " in n for n in named), texts
    attack = [t for t in texts if "550 engins" in t and "539 drones" in t]
    assert attack and "selon l'armée de l'air ukrainienne" in attack[0], texts
    # Attribution survives compression.
    assert any(t.startswith("D'après Kiev,") for t in texts), texts
    assert seed_digest.article.published == dt.date(2025, 7, 4)
    assert seed_digest.article.published_from == "caller"


@needs_shared
def test_seed_offsets_hold(seed_digest: Digest) -> None:
    assert assert_offsets_hold(seed_digest) > 30


def test_examples(example_fr: Digest, example_en: Digest) -> None:
    for digest, lang in ((example_fr, "fr"), (example_en, "en")):
        assert digest.article.lang == lang
        assert_keypoints_sound(digest)
        assert assert_offsets_hold(digest) > 10
    fr_kinds = {b.kind for b in example_fr.article.blocks}
    assert fr_kinds >= {
        BlockKind.PUBLISHER_SUMMARY,
        BlockKind.EMBEDDED_POST,
        BlockKind.RELATED_LINK,
        BlockKind.CAPTION,
        BlockKind.BODY,
    }
    post = next(b for b in example_fr.article.blocks if b.kind is BlockKind.EMBEDDED_POST)
    assert post.lang == "en"
    assert example_en.article.title == "Harbour council votes to shut coal plant by 2030"


def test_bullet_count_and_length_are_configurable() -> None:
    settings = essentiel.Settings(
        keypoints=essentiel.KeyPointSettings(
            max_keypoints=2, min_keypoints=2, max_words=20, target_words=18
        )
    )
    digest = Pipeline(settings).digest((EXAMPLES / "fr-orages-bretagne.txt").read_text())
    assert len(digest.keypoints) == 2
    assert_keypoints_sound(digest, max_words=20)


def test_python_api_accepts_text_and_a_date_string() -> None:
    text = (EXAMPLES / "en-coal-plant-vote.txt").read_text()
    digest = essentiel.digest(text, published="2025-03-12", lang="en")
    assert digest.article.published == dt.date(2025, 3, 12)
    assert digest.schema_version == essentiel.SCHEMA_VERSION
    with pytest.raises(ValueError, match="not supported"):
        essentiel.digest(text, lang="xx")
    # The reusable pipeline takes the same string; a malformed one is named in the error.
    reused = Pipeline().digest(text, published="2025-03-12", lang="en")
    assert reused.article.published == dt.date(2025, 3, 12)
    with pytest.raises(ValueError, match="expected an ISO date"):
        Pipeline().digest(text, published="12/03/2025", lang="en")


def test_unsupported_language_keeps_text_and_blocks() -> None:
    german = (
        "Der Bundestag hat am Donnerstag ein neues Gesetz zur Förderung erneuerbarer Energien "
        "verabschiedet. Die Opposition kritisierte die hohen Kosten des Vorhabens scharf.\n"
        "Mehr als 400 Abgeordnete stimmten für den Entwurf, wie die Verwaltung mitteilte.\n"
    )
    with pytest.raises(essentiel.UnsupportedLanguage) as info:
        essentiel.digest(german)
    partial = info.value.partial
    assert partial.article.lang == "de"
    assert partial.article.blocks and partial.keypoints == []
    assert_offsets_hold(partial)


@needs_shared
def test_orangesum_html_pages(pipeline: Pipeline) -> None:
    """Real pages: the chapô (the journalist's abstract) is labelled and kept out of key points."""
    if not ORANGESUM_VALID.is_file():
        pytest.skip("OrangeSum data missing")
    labelled = 0
    pages = list(orangesum_pages(12))
    for page in pages:
        digest = pipeline.digest(page["html"])
        assert_offsets_hold(digest)
        assert digest.article.published is not None
        summaries = [
            b.span.text for b in digest.article.blocks if b.kind is BlockKind.PUBLISHER_SUMMARY
        ]
        head = page["reference_summary"][:60]
        if any(head in s for s in summaries):
            labelled += 1
        for point in digest.keypoints:
            assert point.verdict.passed
            assert head not in point.text
    assert labelled >= len(pages) * 0.75, labelled


def test_tokens_and_sentences_point_into_the_clean_text() -> None:
    from essentiel.analyze import analyze
    from essentiel.clean import clean
    from essentiel.ingest import ingest

    cleaned = clean(ingest((EXAMPLES / "fr-orages-bretagne.txt").read_text()))
    analysis = analyze(cleaned.blocks, "fr")
    tokens = analysis.tokens()
    assert len(tokens) > 200
    for start, end, text in tokens:
        assert cleaned.text[start:end] == text
    for sentence in analysis.sentences:
        model = sentence.to_model(cleaned.text)
        assert cleaned.text[model.span.start : model.span.end] == model.span.text


@needs_shared
def test_seed_dates_and_figures(seed_digest: Digest) -> None:
    dates = {d.span.text: d for d in seed_digest.dates}
    assert dates["ce vendredi 4 juillet"].value == "2025-07-04"
    assert dates["Au cours de la nuit"].part_of_day == "night"
    assert dates["plus tôt cette semaine"].value == "2025-W27"
    lendemain = next(d for d in seed_digest.dates if d.span.text.startswith("Au lendemain de"))
    assert lendemain.anchor == "text" and lendemain.anchor_text.startswith("l'appel")
    figures = seed_digest.figures
    drones = next(f for f in figures if f.counts == "drones")
    assert drones.value == 539 and drones.part_of is not None
    whole = figures[drones.part_of]
    assert (whole.value, whole.counts) == (550, "engins")
    # The date's day number is not a figure.
    assert all(f.value != 4 for f in figures)


def test_memory_zone_frees_new_words_and_changes_nothing(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each digest is parsed in a spaCy memory zone: the words it meets for the first time
    leave the vocabulary afterwards, and the digest is the one made without the zone."""
    import contextlib

    from essentiel import pipeline as pipeline_module
    from essentiel.analyze import pipeline as spacy_pipeline

    text = (
        "La société Zorbalinex a annoncé jeudi la fermeture de son usine de Quimperlé, "
        "où travaillent 312 salariés. « Nous n'avons plus le choix », a déclaré sa "
        "directrice, Maëlle Trégunvic, selon Le Télégramme.\n\n"
        "Les syndicats dénoncent une décision « brutale » et appellent à la grève lundi."
    )
    zoned = pipeline.digest(text, published=dt.date(2025, 3, 6))
    strings = spacy_pipeline("fr").vocab.strings
    assert "Zorbalinex" not in strings and "Trégunvic" not in strings
    monkeypatch.setattr(pipeline_module, "parse_zone", lambda langs: contextlib.nullcontext())
    plain = pipeline.digest(text, published=dt.date(2025, 3, 6))
    assert "Zorbalinex" in strings  # without the zone the new word stays
    assert plain.model_dump_json() == zoned.model_dump_json()


def test_a_page_in_another_script_is_an_unsupported_language_not_a_missing_article() -> None:
    # Hindi sentences end on a danda (।), not a full stop: the page has an article, in a
    # language we have no resources for.
    paragraphs = [
        "नगर निगम ने मंगलवार को शहर के पुराने बाज़ार की मरम्मत के लिए नई योजना की घोषणा की।",
        "योजना के अनुसार अगले साल तक सभी दुकानों की छतें बदली जाएंगी और सड़कें चौड़ी होंगी।",
        "व्यापारियों के संघ ने इस फैसले का स्वागत किया लेकिन काम के दौरान मुआवज़े की मांग की।",
    ]
    page = (
        "<html><head><title>बाज़ार की मरम्मत</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    with pytest.raises(essentiel.UnsupportedLanguage) as info:
        essentiel.digest(page)
    assert info.value.partial.article.lang == "hi"
