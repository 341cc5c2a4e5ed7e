"""trafilatura's XML read into lines: breaks, bold lines, loose text in <main>."""

from __future__ import annotations

from lxml import etree

from essentiel.ingest import _split_on_breaks, _xml_lines


def _unit(xml: str) -> etree._Element:
    return etree.fromstring(xml)


def test_a_line_is_bold_when_all_its_letters_are() -> None:
    # The comma between the bold runs is no letter: the line is bold.
    unit = _unit(
        '<p><hi rend="#b">Le maire a parlé</hi>, <hi rend="#b">mardi.</hi><lb/>'
        'Il a <hi rend="#b">annoncé</hi> un budget.<lb/>x</p>'
    )
    assert _split_on_breaks(unit) == [
        ("Le maire a parlé, mardi.", True),
        ("Il a annoncé un budget.", False),
        ("x", False),
    ]


def test_lines_without_any_bold_run_are_not_bold() -> None:
    unit = _unit("<p>Une première ligne<lb/>et une seconde, 2 026 euros.</p>")
    assert _split_on_breaks(unit) == [
        ("Une première ligne", False),
        ("et une seconde, 2 026 euros.", False),
    ]


def test_xml_lines_mark_paragraph_starts_headings_and_bold() -> None:
    main = _unit(
        '<main><head rend="h2">Un intertitre</head>'
        '<p><hi rend="#b">Tout en gras.</hi><lb/>Puis du texte.</p></main>'
    )
    lines = [
        (line.text, line.paragraph_start, line.bold, line.heading) for line in _xml_lines(main)
    ]
    assert lines == [
        ("Un intertitre", True, False, True),
        ("Tout en gras.", True, True, False),
        ("Puis du texte.", False, False, False),
    ]
