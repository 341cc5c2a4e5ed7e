"""``essentiel serve``: the HTTP API and the web page (needs the ``serve`` extra).

>>> from essentiel.service import ServiceConfig, create_app
>>> app = create_app(ServiceConfig(db="digests.db"))   # any ASGI server can run it
"""

from essentiel.service.app import create_app
from essentiel.service.config import ServiceConfig

__all__ = ["ServiceConfig", "create_app"]
