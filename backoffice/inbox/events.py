"""Live updates for the inbox by server-sent events: the queue, and one conversation.

Each stream polls the database every half second on a session of its own (so it never holds a
request's transaction) and sends only what changed. A stream lasts INBOX_STREAM_SECONDS; the
browser's EventSource reconnects by itself. A stream ends at once when the sign-in ends.
"""

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse
from starlette.concurrency import run_in_threadpool

from backoffice.accounts import permissions
from backoffice.accounts import service as accounts
from backoffice.clock import Clock, get_clock
from backoffice.handoffs import service as handoffs
from backoffice.inbox import views
from backoffice.inbox.deps import COOKIE_PATH, SESSION_COOKIE, ApiUser, SessionDep, SettingsDep, get_session_factory
from backoffice.inbox.routes import _state_key, _visible_handoff, templates
from backoffice.types import MAX_DB_ID, DbIdPath

POLL_SECONDS = 0.5
router = APIRouter(prefix=COOKIE_PATH, include_in_schema=False)
SessionFactoryDep = Annotated[Callable, Depends(get_session_factory)]
ClockFactory = Callable[[], Clock]


def get_clock_factory() -> ClockFactory:
    """Each poll reads the time anew (tests override it with their fixed clock)."""
    return get_clock


def sse(event: str, data: object) -> str:
    lines = json.dumps(data, ensure_ascii=False).splitlines() or [""]
    return f"event: {event}\n" + "".join(f"data: {line}\n" for line in lines) + "\n"


async def _stream(request: Request, settings, poll: Callable[[], list[str] | None]) -> AsyncIterator[str]:
    deadline = time.monotonic() + settings.inbox_stream_seconds
    yield "retry: 2000\n\n"
    while time.monotonic() < deadline:
        if await request.is_disconnected():
            return
        chunks = await run_in_threadpool(poll)
        if chunks is None:  # signed out meanwhile
            yield sse("signed-out", {"login": f"{COOKIE_PATH}/login"})
            return
        for chunk in chunks:
            yield chunk
        await asyncio.sleep(POLL_SECONDS)


def _response(stream: AsyncIterator[str]) -> StreamingResponse:
    return StreamingResponse(
        stream, media_type="text/event-stream", headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    )


@router.get("/events/queue")
def queue_events(
    request: Request,
    user: ApiUser,
    settings: SettingsDep,
    factory: SessionFactoryDep,
    clocks: Annotated[ClockFactory, Depends(get_clock_factory)],
) -> StreamingResponse:
    """`queue` events with the rows of the queue table (escaped HTML) whenever they change."""
    permissions.require(permissions.handles_handoffs(user.account))
    token = request.cookies.get(SESSION_COOKIE)
    last: dict[str, str] = {}

    def poll() -> list[str] | None:
        clock = clocks()
        with factory() as session:
            signed_in = accounts.resume_session(session=session, token=token, settings=settings, clock=clock)
            session.commit()
            if signed_in is None:
                return None
            rows = views.queue(session=session, account=signed_in.account, settings=settings, clock=clock)
            html = templates.get_template("_queue_rows.html").render(rows=rows, user=signed_in.account)
        if html == last.get("html"):
            return []
        last["html"] = html
        waiting = sum(row.read.state == "waiting" for row in rows)
        return [sse("queue", {"html": html, "count": len(rows), "waiting": waiting})]

    return _response(_stream(request, settings, poll))


@router.get("/events/handoffs/{handoff_id}")
def handoff_events(
    request: Request,
    handoff_id: DbIdPath,
    user: ApiUser,
    session: SessionDep,
    settings: SettingsDep,
    factory: SessionFactoryDep,
    clocks: Annotated[ClockFactory, Depends(get_clock_factory)],
    after: Annotated[int, Query(ge=0, le=MAX_DB_ID)] = 0,
) -> StreamingResponse:
    """`message` events (JSON, the browser sets them as text) and `state` when the handoff changed."""
    _visible_handoff(session, user, handoff_id)  # 403 before any stream starts
    session.commit()  # no read transaction of the request stays open while the stream runs
    token = request.cookies.get(SESSION_COOKIE)
    seen = {"after": after, "state": None}

    def poll() -> list[str] | None:
        clock = clocks()
        with factory() as poll_session:
            signed_in = accounts.resume_session(session=poll_session, token=token, settings=settings, clock=clock)
            poll_session.commit()
            if signed_in is None:
                return None
            handoff = handoffs.require_handoff(session=poll_session, handoff_id=handoff_id)
            if not permissions.can_see_handoff(signed_in.account, handoff):
                return [sse("state", {"key": "gone"})]
            chunks = []
            for message in handoffs.messages_after(session=poll_session, handoff=handoff, after=seen["after"]):
                line = views.message_line(handoffs.message_read(message))
                chunks.append(sse("message", line.as_event()))
                seen["after"] = message.id
            key = _state_key(handoff)
            if key != seen["state"]:
                seen["state"] = key
                chunks.append(sse("state", {"key": key}))
        return chunks

    return _response(_stream(request, settings, poll))
