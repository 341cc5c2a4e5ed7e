"""Ingest's two scans made cheap (issue 31) find what the slow ones found."""

from __future__ import annotations

import re

import pytest
from lxml import html as lxml_html

from essentiel import resources
from essentiel.errors import BinaryInput
from essentiel.ingest import _normalise, _publisher_summaries, ingest

CHAPO = "La commune a voté mardi un plan de rénovation de ses trois écoles, chiffré à 4 millions."
PAGE = f"""<html><body>
<div class="article-header  chapo\tbig">{CHAPO}</div>
<p class="chapo-like">Un paragraphe dont la classe ne fait que ressembler à un chapô du site.</p>
<p id="intro">Le texte que le site marque par son identifiant, assez long pour compter.</p>
<p id="intro-2">Un identifiant qui commence comme un marqueur sans en être un.</p>
<p class="lead
summary">Une classe écrite sur deux lignes, que l'on reconnaît aussi comme un chapô.</p>
<p class="Chapo">La casse compte : cette classe n'est pas celle de la liste du projet.</p>
<p class="dek">Trop court</p>
<!-- a comment -->
<p>Le corps de l'article commence ici, sans classe ni identifiant particulier.</p>
</body></html>"""


def _by_xpath(page: str) -> set[str]:
    """What the XPath class tests found before (one test per class fragment)."""
    tree = lxml_html.fromstring(page)
    tests = " or ".join(
        f"contains(concat(' ', normalize-space(@class), ' '), ' {fragment} ') or @id='{fragment}'"
        for fragment in resources.common().summary_classes
    )
    found = set()
    for element in tree.xpath(f"//*[{tests}]"):
        text = _normalise(element.text_content())
        if 20 <= len(text) <= 1200:
            found.add(text)
    return found


def test_summaries_found_by_class_and_id_as_xpath_found_them() -> None:
    found = _publisher_summaries(lxml_html.fromstring(PAGE))
    assert found == _by_xpath(PAGE)
    assert found == {
        CHAPO,
        "Le texte que le site marque par son identifiant, assez long pour compter.",
        "Une classe écrite sur deux lignes, que l'on reconnaît aussi comme un chapô.",
    }


@pytest.mark.parametrize("marked", [0, 1, 2, 12])
def test_any_number_of_marked_elements_found_in_one_pass(marked: int) -> None:
    paragraphs = [
        f'<p class="{"chapo" if number % 3 == 0 and number // 3 < marked else "texte"}">'
        f"Le paragraphe numéro {number} de l'article sur les écoles de la commune.</p>"
        for number in range(3 * max(marked, 1) + 2)
    ]
    page = f"<html><body><div class='page'>{''.join(paragraphs)}</div></body></html>"
    found = _publisher_summaries(lxml_html.fromstring(page))
    assert found == _by_xpath(page)
    assert len(found) == marked


@pytest.mark.parametrize(
    ("controls", "refused"),
    [("\x01" * 8, False), ("\x01" * 9, True), ("\x01\x0b\x1f" * 4, True), ("\t\n\r\f" * 9, False)],
)
def test_control_characters_counted_as_before(controls: str, refused: bool) -> None:
    # Text of 800 characters: more than max(8, 1%) = 8 control characters is refused.
    text = (CHAPO + " ")[:80] * 10
    source = controls + text[len(controls) :]
    if refused:
        with pytest.raises(BinaryInput, match="control characters"):
            ingest(source)
    else:
        assert ingest(source).lines


@pytest.mark.parametrize(
    "values",
    [
        [],
        [""],
        ["chapo"],
        ["", "chapo", ""],
        ["article chapo", "chapo-like", "x lead", "lead\nsummary", "leader", "intro "],
        ["a", "b", "dek", "Dek", " dek", "dek\t", "summaryx summary"],
        ["chap", "o lead", "un\x00chapo", "chapo"],  # a value holding the separator
    ],
)
def test_class_values_matched_in_one_scan_as_one_by_one(values: list[str]) -> None:
    from essentiel.ingest import _matching_values, _summary_markers

    fragments = resources.common().summary_classes
    _, class_words = _summary_markers(tuple(fragments))
    # The regex searched in each value before: a fragment as a whole word, split at spaces.
    words = "|".join(map(re.escape, fragments))
    one_by_one = re.compile(rf"(?:^|[ \t\r\n])(?:{words})(?=$|[ \t\r\n])")
    expected = [index for index, value in enumerate(values) if one_by_one.search(value)]
    assert _matching_values(values, class_words) == expected
