"""Serves the chat widget page.

The page holds no inline script: its configuration travels in ``data-`` attributes and the
Content-Security-Policy only lets scripts come from this origin. The browser talks to Rasa's
socket.io channel directly, so the policy's ``connect-src`` also names the Rasa origin.
"""

import re
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from backoffice.config import Settings, get_settings

WIDGET_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WIDGET_DIR / "templates"
STATIC_DIR = WIDGET_DIR / "static"
SOCKETIO_PATH = "/socket.io"

templates = Jinja2Templates(directory=TEMPLATES_DIR)
router = APIRouter()

# A host with an optional port, including a bracketed IPv6 literal; nothing that could end a
# CSP directive (";", ",", spaces, quotes).
_HOST_PORT = re.compile(r"^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")


def rasa_connect_sources(rasa_url: str) -> list[str]:
    """CSP sources for the Rasa origin: the http(s) one for polling, the ws(s) one for websockets."""
    parts = urlsplit(rasa_url.strip())
    host = parts.netloc.rpartition("@")[2]  # never put credentials into a header
    if parts.scheme not in ("http", "https") or not _HOST_PORT.match(host):
        return []
    ws_scheme = "wss" if parts.scheme == "https" else "ws"
    return [f"{parts.scheme}://{host}", f"{ws_scheme}://{host}"]


def content_security_policy(rasa_url: str) -> str:
    connect = " ".join(["'self'", *rasa_connect_sources(rasa_url)])
    directives = [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        f"connect-src {connect}",
        "base-uri 'none'",
        "form-action 'self'",
        "object-src 'none'",
    ]
    return "; ".join(directives)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def widget_page(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> HTMLResponse:
    return templates.TemplateResponse(
        request=request,
        name="widget.html",
        context={
            "rasa_url": settings.rasa_public_url,
            "socketio_path": SOCKETIO_PATH,
            "demo_login_enabled": settings.demo_login_enabled,
        },
        headers={
            "Content-Security-Policy": content_security_policy(settings.rasa_public_url),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
            "Cache-Control": "no-store",
        },
    )
