"""Every error of the HTTP API is JSON of one shape, with the status that says what to fix:
``{"error": {"status": 413, "code": "input_too_large", "message": "..."}}``."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from essentiel.errors import (
    EssentielError,
    InputTooLarge,
    NoArticle,
    UnsupportedLanguage,
    WorkCancelled,
    WorkTimeout,
)
from essentiel.worker import WorkerDied


class ErrorBody(BaseModel):
    status: int
    code: str = Field(description="Stable machine-readable code: bad_input, input_too_large, ...")
    message: str = Field(description="What is wrong, in one line a person can act on.")
    details: list[dict[str, Any]] | None = Field(
        default=None, description="For invalid fields: each field and what is wrong with it."
    )


class ErrorResponse(BaseModel):
    error: ErrorBody


class ApiError(Exception):
    """An error raised by the service's own code (not the pipeline's)."""

    def __init__(
        self, status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def error_response(
    status: int,
    code: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorResponse(
        error=ErrorBody(status=status, code=code, message=message, details=details)
    )
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, headers=headers)


def status_of(exc: EssentielError) -> int:
    """The HTTP status of a pipeline error: 413 too large, 422 for a well-formed page we
    cannot digest (no article in it, or a language we have no resources for), 503 for work
    stopped by the time budget or by the server stopping, 400 for every other input problem
    (empty, binary)."""
    if isinstance(exc, WorkTimeout | WorkCancelled | WorkerDied):
        return 503
    if isinstance(exc, InputTooLarge):
        return 413
    if isinstance(exc, UnsupportedLanguage | NoArticle):
        return 422
    return 400 if exc.exit_code == 3 else 500


_CODES = {
    400: "bad_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    413: "input_too_large",
    415: "unsupported_media_type",
    422: "invalid_fields",
}


def describe(errors: Any) -> tuple[str, list[dict[str, Any]]]:
    details = []
    for e in errors:
        where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
        details.append({"field": where, "message": e.get("msg", "invalid")})
    message = "; ".join(f"{d['field']}: {d['message']}" for d in details) or "invalid request"
    return message, details


async def on_api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.details)


async def on_pipeline_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EssentielError)
    return error_response(status_of(exc), exc.code, str(exc))


async def on_validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    message, details = describe(exc.errors())
    return error_response(422, "invalid_fields", message, details)


async def on_http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    return error_response(
        exc.status_code,
        _CODES.get(exc.status_code, "error"),
        str(exc.detail),
        headers=dict(exc.headers) if exc.headers else None,
    )
