"""Evaluation sets: JSONL (optionally gzipped) rows with an article and its reference.

Read as the files in ``../shared/eval-data/`` are written: ``text`` and/or ``html``;
``reference_bullets`` (a list, or a string holding a Python/JSON list, as in the FRANK files)
or ``reference_summary``; optional ``system_outputs`` (a mapping, or a string holding one) whose
summaries are scored beside ours; ``lang``, ``title`` and ``date``/``published`` when present.
"""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from essentiel.errors import EssentielError
from essentiel.evaluation.rouge import split_reference

Source = Literal["text", "html"]


class EvalDataError(EssentielError):
    """An evaluation file that cannot be read as promised."""


@dataclass(frozen=True)
class EvalItem:
    id: str
    article: str
    source: Source
    reference: list[str]
    lang: str | None = None
    title: str | None = None
    published: dt.date | None = None
    system_outputs: dict[str, list[str]] = field(default_factory=dict)


def _listish(value: Any, what: str, where: str) -> Any:
    """FRANK stores lists and mappings as their Python repr: read them without eval()."""
    if isinstance(value, str) and value.lstrip()[:1] in {"[", "{"}:
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError) as exc:
            raise EvalDataError(f"{where}: {what} is not a readable list or mapping") from exc
    return value


def _date(row: dict[str, Any]) -> dt.date | None:
    for key in ("published", "date"):
        value = row.get(key)
        if isinstance(value, str) and len(value) >= 10:
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def item_from_row(
    row: dict[str, Any], source: Source | None, where: str, *, reference_required: bool = True
) -> EvalItem:
    if source is None:
        # The text field by default: OrangeSum's pages carry the reference as their chapô.
        source = "text" if row.get("text") else "html"
    article = row.get(source)
    if not isinstance(article, str) or not article.strip():
        raise EvalDataError(f"{where}: no {source!r} field to summarise")
    bullets = _listish(row.get("reference_bullets"), "reference_bullets", where)
    if isinstance(bullets, list) and bullets:
        reference = [str(b) for b in bullets if str(b).strip()]
    elif isinstance(row.get("reference_summary"), str) and row["reference_summary"].strip():
        reference = split_reference(row["reference_summary"])
    elif not reference_required:
        reference = []  # judged without one (news with no summary of its own)
    else:
        raise EvalDataError(f"{where}: no reference_bullets or reference_summary")
    outputs = _listish(row.get("system_outputs") or {}, "system_outputs", where)
    if not isinstance(outputs, dict):
        raise EvalDataError(f"{where}: system_outputs is not a mapping of system to summary")
    systems = {
        str(name): split_reference(value) if isinstance(value, str) else [str(v) for v in value]
        for name, value in outputs.items()
        if value
    }
    return EvalItem(
        id=str(row.get("id", where)),
        article=article,
        source=source,
        reference=reference,
        lang=row.get("lang") if isinstance(row.get("lang"), str) else None,
        title=row.get("title") if isinstance(row.get("title"), str) else None,
        published=_date(row),
        system_outputs=systems,
    )


def parse_where(conditions: list[str] | None) -> dict[str, str]:
    """``--where FIELD=VALUE`` conditions as the mapping ``read_items`` takes; a condition
    without a field and its ``=`` raises ValueError naming it."""
    where: dict[str, str] = {}
    for condition in conditions or []:
        pair = _condition(condition)
        if pair is None:
            raise ValueError(f"--where {condition!r}: write FIELD=VALUE")
        where[pair[0]] = pair[1]
    return where


def _condition(text: str) -> tuple[str, str] | None:
    """FIELD=VALUE as (FIELD, VALUE); None when the field or its ``=`` is missing."""
    key, sep, value = text.partition("=")
    return (key, value) if sep and key else None


def add_where_option(parser: argparse.ArgumentParser) -> None:
    """``--where FIELD=VALUE`` (repeatable) for the bench and training scripts, read as
    ``essentiel eval`` reads it; ``dict(args.where)`` is the mapping ``read_items`` takes. A
    condition without a field and its ``=`` is argparse's usage error (exit code 2)."""

    def condition(text: str) -> tuple[str, str]:
        pair = _condition(text)
        if pair is None:
            raise argparse.ArgumentTypeError(f"{text!r}: write FIELD=VALUE")
        return pair

    parser.add_argument(
        "--where",
        action="append",
        default=[],
        type=condition,
        metavar="FIELD=VALUE",
        help="keep the rows whose FIELD equals VALUE, as in essentiel eval (repeatable)",
    )


def _matches(row: dict[str, Any], where: dict[str, str]) -> bool:
    return all(str(row.get(key)) == value for key, value in where.items())


def read_items(
    path: Path,
    *,
    source: Source | None = None,
    where: dict[str, str] | None = None,
    limit: int | None = None,
    reference_required: bool = True,
) -> Iterator[EvalItem]:
    """Rows of ``path`` in file order, keeping those whose fields equal ``where``'s values.
    With ``reference_required`` off, a row with no reference is read with an empty one."""
    if not path.is_file():
        raise EvalDataError(f"{path}: no such file")
    opener = gzip.open if path.suffix == ".gz" else open
    taken = 0
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if limit is not None and taken >= limit:
                return
            if not line.strip():
                continue
            place = f"{path.name}:{number}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalDataError(f"{place}: not JSON ({exc.msg})") from exc
            if not isinstance(row, dict):
                raise EvalDataError(f"{place}: a row must be a JSON object")
            if where and not _matches(row, where):
                continue
            taken += 1
            yield item_from_row(row, source, place, reference_required=reference_required)


def count_items(path: Path, where: dict[str, str] | None, limit: int | None) -> int:
    """How many rows ``read_items`` will yield (for the progress bar), without parsing them
    fully when no filter applies."""
    opener = gzip.open if path.suffix == ".gz" else open
    total = 0
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            if where:
                try:
                    row = json.loads(line)
                except json.JSONDecodeError:
                    row = {}
                if not isinstance(row, dict) or not _matches(row, where):
                    continue
            total += 1
            if limit is not None and total >= limit:
                break
    return total
