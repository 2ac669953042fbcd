"""REST channel (`/webhooks/rest/webhook`) that checks its input before Rasa sees it."""

import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.settings import get_settings
from channels.input_checks import check_user_text

logger = logging.getLogger(__name__)

MAX_SENDER_CHARS = 128


def _bad_request(detail: str) -> HTTPResponse:
    return response.json({"error": "bad_request", "detail": detail}, status=400)


class CheckedRestInput(RestInput):
    """Like Rasa's REST channel, but bad input gets a clear 400 or a kind Dutch answer."""

    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("checked_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = request.json
            except SanicException:
                return _bad_request("Body must be JSON.")
            if not isinstance(body, dict):
                return _bad_request("Body must be a JSON object with 'sender' and 'message'.")
            sender = body.get("sender")
            if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
                return _bad_request(f"'sender' must be a non-empty string of at most {MAX_SENDER_CHARS} characters.")
            metadata = body.get("metadata")
            if metadata is not None and not isinstance(metadata, dict):
                return _bad_request("'metadata' must be a JSON object.")

            checked = check_user_text(body.get("message"), max_chars=get_settings().max_message_chars)
            if checked.reply is not None:
                return response.json([{"recipient_id": sender, "text": checked.reply}])

            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(checked.text, collector, sender, input_channel=self.name(), metadata=metadata)
                )
            except Exception:
                # Never log the text: it may hold personal data.
                logger.exception("REST message could not be handled")
            return response.json(collector.messages)

        return webhook
