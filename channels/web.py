"""Socket.io channel for the web widget.

Rasa 3.6's own SocketIOInput calls python-socketio 5's `enter_room` without awaiting it,
so persistent sessions never receive answers; this channel awaits it, restricts the
origins to the widget's, and checks input before Rasa sees it.
"""

import json
import logging
import uuid
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from actions.settings import get_settings, widget_origins
from channels.input_checks import check_user_text

logger = logging.getLogger(__name__)

MAX_SESSION_ID_CHARS = 128


def _session_id(data: Any) -> str | None:
    session_id = data.get("session_id") if isinstance(data, dict) else None
    if isinstance(session_id, str) and 0 < len(session_id) <= MAX_SESSION_ID_CHARS:
        return session_id
    return None


def _metadata(data: dict[str, Any], key: str) -> dict[str, Any]:
    metadata = data.get(key) or {}
    if isinstance(metadata, str):
        try:
            metadata = json.loads(metadata)
        except ValueError:
            return {}
    return metadata if isinstance(metadata, dict) else {}


class WebChatInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "web"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=widget_origins())
        webhook = SocketBlueprint(sio, self.socketio_path, "web_socketio_webhook", __name__)
        self.sio = sio

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: dict, auth: dict | None) -> bool:
            return True

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:

            session_id = _session_id(data) or uuid.uuid4().hex
            await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            output = SocketIOOutput(sio, self.bot_message_evt)
            session_id = _session_id(data)
            if session_id is None:
                await sio.emit("session_error", {"error": "session_request first"}, room=sid)
                return
            checked = check_user_text(data.get("message"), max_chars=get_settings().max_message_chars)
            if checked.reply is not None:
                await output.send_text_message(session_id, checked.reply)
                return
            message = UserMessage(
                checked.text,
                output,
                session_id,
                input_channel=self.name(),
                metadata=_metadata(data, self.metadata_key),
            )
            await on_new_message(message)

        return webhook
