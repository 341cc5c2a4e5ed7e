"""Settings of ``essentiel serve``, passed to every worker process through one environment
variable (uvicorn starts workers by importing an app factory; it cannot hand them objects)."""

from __future__ import annotations

import dataclasses
import json
import os
from dataclasses import dataclass

CONFIG_ENV = "ESSENTIEL_SERVICE_CONFIG"
API_KEY_ENV = "ESSENTIEL_API_KEY"

# A news article is rarely above 300 kB of HTML; 2 MB leaves room for heavy pages while a
# request that size still takes well under a second to refuse.
DEFAULT_MAX_BYTES = 2_000_000
# A news article digests in about a second; a minute is far beyond any real page and still
# bounds what one request can take from a worker.
DEFAULT_TIMEOUT = 60.0
# A news article digests in about a second, a long one in a few: past this, the requests
# queued behind it get a process of their own.
DEFAULT_SLOW_AFTER = 5.0
# A search over an indexed store takes milliseconds; seconds mean a hostile query.
DEFAULT_SEARCH_TIMEOUT = 5.0


@dataclass(frozen=True)
class ServiceConfig:
    db: str = "essentiel.db"
    """The SQLite store file (created if missing); ``:memory:`` keeps nothing."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """Largest request body accepted (413 above it)."""
    api_key: str | None = None
    """When set, write endpoints (POST) need it in ``X-API-Key`` or ``Authorization: Bearer``."""
    cors_origins: tuple[str, ...] = ()
    """Origins allowed to call the API from a browser; none (CORS off) by default."""
    threads: int = 1
    """Digest processes per worker (each holds its own models and digests one article at a
    time); run more workers (``--workers``) to use more cores."""
    timeout: float = DEFAULT_TIMEOUT
    """Seconds a digest or a check may take; past it the work is stopped and the answer is
    503 ``timeout``."""
    spare: bool = False
    """Keep a spare digest process, forked beforehand from the template that holds the loaded
    models, which takes over when a digest is stopped (otherwise the replacement is forked
    then: milliseconds; the models are never loaded again)."""
    slow_after: float = DEFAULT_SLOW_AFTER
    """A digest or check still running after this many seconds is slow (a normal one takes
    about one): while it runs, an extra digest process (a fork of the loaded template, up to
    ``threads`` of them) serves the requests queued behind it, and is stopped when no slow
    job is left. 0: never (requests wait behind a slow one, up to the time budget)."""
    search_timeout: float = DEFAULT_SEARCH_TIMEOUT
    """Seconds a search (or an entity list) may take; past it, 503 ``search_timeout``."""
    warm_up: bool = True
    """Load the language models and the selector at start-up rather than on the first request."""

    def to_env(self) -> str:
        """Everything but the API key, which workers read from ``ESSENTIEL_API_KEY`` itself."""
        values = dataclasses.asdict(self)
        values.pop("api_key")
        return json.dumps(values)

    @classmethod
    def from_env(cls) -> ServiceConfig:
        raw = os.environ.get(CONFIG_ENV)
        values = json.loads(raw) if raw else {}
        values["cors_origins"] = tuple(values.get("cors_origins", ()))
        if values.get("api_key") is None and os.environ.get(API_KEY_ENV):
            values["api_key"] = os.environ[API_KEY_ENV]
        return cls(**values)
