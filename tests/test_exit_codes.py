"""Every exit code and error line that docs/cli.md documents, checked: one `error:` line on
stderr, no traceback, the documented code. In process (``cli.main``) where it can be, so the
models load once; in a subprocess where the process itself is the point (closed stdin, full
stdout)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from essentiel import cli, pipeline
from tests.conftest import EXAMPLES, ROOT

FR = EXAMPLES / "fr-orages-bretagne.txt"
GERMAN = (
    "Der Bundestag hat am Donnerstag ein neues Gesetz zur Förderung erneuerbarer Energien "
    "verabschiedet. Die Opposition kritisierte die hohen Kosten des Vorhabens scharf.\n"
)
# A page with no article: a breadcrumb, « page not found », a copyright footer.
NO_ARTICLE_PAGE = (
    "<!DOCTYPE html><html lang='fr'><head><title>Page introuvable - Le Quotidien</title></head>"
    "<body><header><nav><a href='/'>Accueil</a> › <a href='/politique'>Politique</a> › "
    "<a href='/politique/local'>Local</a></nav></header><main><div class='breadcrumb'>Accueil "
    "› Politique › Local</div><h1>Oups</h1><p>Cette page n'existe plus.</p></main><footer><p>© "
    "2025 Le Quotidien de l'Ouest. Tous droits réservés.</p><a href='/cgu'>CGU</a></footer>"
    "</body></html>"
)
# The same crumbs, long enough for the language detector to name a language it has no
# resources for: still no article.
LINKS_PAGE = (
    "<!DOCTYPE html><html><head><title>Indice</title></head><body><main><ul>"
    + "".join(
        f"<li><a href='/{i}'>Notizie sportive della settimana numero {i} in Italia</a></li>"
        for i in range(12)
    )
    + "</ul></main><footer>© 2025</footer></body></html>"
)


def run_main(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        cli.main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), out, err


def assert_one_error_line(err: str, message: str) -> None:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("error: ") and message in lines[0], err


def documented_codes(section: str) -> set[int]:
    """The exit codes docs/cli.md lists for a command (a table, or a sentence « Exit codes: »)."""
    text = (ROOT / "docs" / "cli.md").read_text("utf-8")
    body = text.split(f"## `essentiel {section}")[1].split("\n## ")[0]
    if "| code | meaning |" in body:
        return {int(c) for c in re.findall(r"^\| (\d+) \|", body, re.M)}
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n")]
    said = next(p for p in paragraphs if "Exit codes:" in p).split("Exit codes:")[1]
    return {int(c) for c in re.findall(r"(?<![\w-])(\d{1,3})(?= )", said)}


DIGEST_CASES: list[tuple[str, bytes | None, list[str], int, str]] = [
    ("ok", FR.read_bytes(), [], 0, ""),
    ("unknown option", FR.read_bytes(), ["--colour", "rouge"], 2, "No such option: --colour"),
    ("bad --published", FR.read_bytes(), ["--published", "14/08/2025"], 2, "is not a date"),
    ("unsupported --lang", FR.read_bytes(), ["--lang", "xx"], 2, "not supported"),
    ("--bullets out of range", FR.read_bytes(), ["--bullets", "9"], 2, "--bullets"),
    ("--max-words out of range", FR.read_bytes(), ["--max-words", "3"], 2, "--max-words"),
    ("missing file", None, [], 3, "cannot read"),
    ("empty", b"", [], 3, "input is empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", [], 3, "binary"),
    ("over --max-bytes", FR.read_bytes(), ["--max-bytes", "100"], 3, "over the limit of 100"),
    ("no article", NO_ARTICLE_PAGE.encode(), [], 3, "no article"),
    ("no article, crumbs in Italian", LINKS_PAGE.encode(), [], 3, "no article"),
    ("edge of the calendar", FR.read_bytes(), ["--published", "0001-01-01"], 0, ""),
    ("end of the calendar", FR.read_bytes(), ["--published", "9999-12-31"], 0, ""),
    ("unsupported language", GERMAN.encode(), ["--json"], 4, "not supported"),
]


def test_every_documented_digest_code_has_a_case() -> None:
    assert documented_codes("digest") - {1} <= {case[3] for case in DIGEST_CASES}
    assert 1 in documented_codes("digest")  # tested below: test_internal_error_is_one_line


@pytest.mark.parametrize(
    ("content", "args", "code", "message"),
    [case[1:] for case in DIGEST_CASES],
    ids=[case[0] for case in DIGEST_CASES],
)
def test_digest_exit_codes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    args: list[str],
    code: int,
    message: str,
) -> None:
    path = tmp_path / "article"
    if content is not None:
        path.write_bytes(content)
    got, out, err = run_main(["digest", str(path), *args], capsys)
    assert got == code, err
    if code == 0:
        assert out and "error" not in err
    else:
        assert_one_error_line(err, message)


def test_a_directory_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_main(["digest", str(tmp_path)], capsys)
    assert code == 3
    assert_one_error_line(err, "is a directory")


def test_a_paragraph_over_the_parser_limit_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # spaCy's limit is 1,000,000 characters; a small limit makes the same path fast to test.
    monkeypatch.setattr(pipeline, "PARSE_MAX_CHARS", 300)
    path = tmp_path / "long.txt"
    path.write_text("Le conseil municipal a voté la rénovation de la halle. " * 10, "utf-8")
    code, _, err = run_main(["digest", str(path)], capsys)
    assert code == 3
    assert_one_error_line(err, "over the parser's limit of 300 characters")


def test_internal_error_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(pipeline.Pipeline, "digest", broken)
    code, _, err = run_main(["digest", str(FR)], capsys)
    assert code == 1
    assert_one_error_line(err, "internal error (RuntimeError: a bug)")


def test_check_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text("De violents orages ont frappé la Bretagne.\n", "utf-8")
    page = tmp_path / "page.html"
    page.write_text(NO_ARTICLE_PAGE, "utf-8")
    german = tmp_path / "de.txt"
    german.write_text(GERMAN, "utf-8")
    cases = [
        (["--article", str(FR), "--lang", "xx"], 2, "not supported"),
        (["--article", str(page)], 3, "no article"),
        (["--article", str(german)], 4, "not supported"),
    ]
    assert documented_codes("check") == {0, 1, 2, 3, 4}  # 0 and 1: tests/test_cli.py
    for args, expected, message in cases:
        code, _, err = run_main(["check", *args, "--summary", str(summary)], capsys)
        assert code == expected, (args, err)
        assert_one_error_line(err, message)


def test_batch_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(FR.read_bytes())
    existing = tmp_path / "done.jsonl"
    existing.write_text("{}\n")
    cases = [
        ([str(tmp_path / "in"), "--out", str(tmp_path / "out.csv")], 2, ".csv"),
        (
            [str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"), "--engine", "spark"],
            2,
            "spark",
        ),
        ([str(tmp_path / "none"), "--out", str(tmp_path / "o.jsonl")], 3, "none"),
        ([str(tmp_path / "in"), "--out", str(existing)], 3, "exists"),
        ([str(tmp_path / "in"), "--out", str(existing), "--workers", "0"], 2, "--workers"),
    ]
    assert {2, 3} <= documented_codes("batch")
    for args, expected, message in cases:
        code, _, err = run_main(["batch", *args, "--no-progress"], capsys)
        assert code == expected, (args, err)
        assert_one_error_line(err, message)


def test_serve_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    cases = [
        (["--db", ":memory:", "--workers", "2"], 2, ":memory:"),
        (["--db", str(not_a_folder / "x.db")], 3, ""),
        (["--port", "70000"], 2, "--port"),
    ]
    for args, expected, message in cases:
        code, _, err = run_main(["serve", *args], capsys)
        assert code == expected, (args, err)
        assert_one_error_line(err, message)


def _subprocess(command: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["bash", "-c", f"{sys.executable} -m essentiel {command}"],
        capture_output=True,
        timeout=300,
        cwd=ROOT,
    )


def test_closed_stdin_is_bad_input() -> None:
    result = _subprocess("digest - <&-")
    assert result.returncode == 3
    assert_one_error_line(result.stderr.decode(), "standard input")


def test_full_stdout_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    # An article in a language with no models: its blocks go to stdout through the same
    # writer as a digest's, and the process loads no model to get there.
    german = tmp_path / "de.txt"
    german.write_text(GERMAN, "utf-8")
    result = _subprocess(f"digest {german} --json > /dev/full")
    assert result.returncode == 1
    assert_one_error_line(result.stderr.decode(), "cannot write the output")
