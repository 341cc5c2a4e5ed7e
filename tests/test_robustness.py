"""Whatever text comes in, the pipeline returns a Digest or a clear EssentielError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essentiel import Digest, EssentielError, Pipeline
from tests.test_digest import assert_offsets_hold

PIPELINE = Pipeline()
NEWS_WORDS = st.sampled_from(
    [
        "Le",
        "président",
        "a",
        "déclaré",
        "jeudi",
        "que",
        "«",
        "»",
        '"',
        ",",
        ".",
        "selon",
        "d'après",
        "Kiev",
        "550",
        "engins",
        "dont",
        "539",
        "drones",
        "(",
        ")",
        "\n",
        "- ",
        "Lire aussi",
        "pic.twitter.com/x",
        "— X (@x) July 4, 2025",
        "The",
        "said",
        "on",
        "Monday",
        "according to",
        "2.600",
        "1,5",
        "%",
        ":",
        ";",
        "?",
        "Par",
        "Photo :",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(NEWS_WORDS, max_size=120).map(" ".join),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_digest_or_a_clear_error(text: str) -> None:
    try:
        digest = PIPELINE.digest(text)
    except EssentielError as exc:
        assert str(exc)
        partial = getattr(exc, "partial", None)
        if partial is not None:
            assert_offsets_hold(partial)
        return
    assert isinstance(digest, Digest)
    assert_offsets_hold(digest)
    for point in digest.keypoints:
        assert point.verdict.passed
