"""One input in, one row out: the work each worker does, whatever the engine."""

from __future__ import annotations

import datetime as dt
from typing import Any

from essentiel.batch.inputs import Item
from essentiel.errors import EssentielError, UnsupportedLanguage
from essentiel.pipeline import Pipeline


def error_row(item: Item, reason: str, message: str, digest: Any = None) -> dict[str, Any]:
    return {
        "input": item.identity(),
        "status": "error",
        "error": {"reason": reason, "message": message},
        "digest": digest,
    }


def digest_row(pipeline: Pipeline, item: Item) -> dict[str, Any]:
    """The row of one item. Never raises: a failure is an error row with its reason."""
    if item.error is not None:
        return error_row(item, *item.error)
    assert item.payload is not None
    lang = item.meta.get("lang")
    try:
        digest = pipeline.digest(
            item.payload,
            published=_date(item.meta.get("published") or item.meta.get("date")),
            lang=lang if lang in _supported() else None,
            url=item.meta.get("url"),
            article_id=str(item.meta["id"]) if item.meta.get("id") is not None else None,
        )
    except UnsupportedLanguage as exc:
        partial = exc.partial.model_dump(mode="json")
        return error_row(item, exc.code, str(exc), partial)
    except EssentielError as exc:
        return error_row(item, exc.code, str(exc))
    except Exception as exc:  # a bug must cost one row, not the run
        return error_row(item, "internal_error", f"{type(exc).__name__}: {exc}")
    return {
        "input": item.identity(),
        "status": "ok",
        "error": None,
        "digest": digest.model_dump(mode="json"),
    }


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _supported() -> tuple[str, ...]:
    from essentiel import resources

    return resources.supported_languages()
