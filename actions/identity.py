"""Works out which jobseeker is talking, from the channel's metadata or earlier slots."""

import logging

from rasa_sdk import Tracker

from actions.backoffice_client import BackofficeClient, BackofficeUnavailableError, Identity

logger = logging.getLogger(__name__)


def _token_in(metadata: object) -> str | None:
    token = metadata.get("identity_token") if isinstance(metadata, dict) else None
    return token if isinstance(token, str) and token else None


def _identity_token(tracker: Tracker) -> str | None:
    """The newest token handed over in this conversation: a channel may send it with the first
    message only, and that message may have been answered without an action (a form's question)."""
    token = _token_in(tracker.latest_message.get("metadata"))
    if token is not None:
        return token
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            token = _token_in(event.get("metadata"))
            if token is not None:
                return token
    return None


async def identify(tracker: Tracker, client: BackofficeClient) -> Identity | None:
    """A fresh signed token wins; otherwise the identity found earlier in this conversation."""
    token = _identity_token(tracker)
    if token is not None:
        channel = tracker.get_latest_input_channel() or "unknown"
        try:
            return await client.resolve_identity(channel=channel, identity_token=token)
        except BackofficeUnavailableError:
            logger.warning("Identity not resolved: backoffice unavailable")
    jobseeker_id = tracker.get_slot("jobseeker_id")
    first_name = tracker.get_slot("first_name")
    if jobseeker_id and first_name:
        return Identity(jobseeker_id=int(jobseeker_id), first_name=str(first_name))
    return None
