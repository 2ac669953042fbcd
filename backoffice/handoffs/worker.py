"""The handoffs' background loop, started in the app's lifespan when BACKGROUND_JOBS_ENABLED.

Every half second: relay new jobseeker messages from Rasa's event log and retry due pushes to
Rasa. Every 30 seconds: time out live handoffs nobody claimed. Each step is one short
transaction in a worker thread; every replica may run it (cursor, leases and conditional
updates keep them apart). Tests call the service functions directly instead.
"""

import asyncio
import contextlib
import logging
from collections.abc import Callable

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session

from backoffice.clock import Clock, get_clock
from backoffice.config import Settings
from backoffice.handoffs import delivery, service
from backoffice.handoffs.rasa_client import RasaClient
from backoffice.handoffs.relay import EventRelay

logger = logging.getLogger(__name__)

RELAY_INTERVAL_SECONDS = 0.5  # a jobseeker's message reaches the consultant within 2 s
EXPIRE_INTERVAL_SECONDS = 30.0


def expire_interval(settings: Settings) -> float:
    """Every 30 s, or more often when the time-out itself is short (end-to-end tests)."""
    return min(EXPIRE_INTERVAL_SECONDS, max(0.5, settings.handoff_wait_timeout_minutes * 60 / 4))


class HandoffJobs:
    def __init__(
        self,
        *,
        settings: Settings,
        session_factory: Callable[[], Session],
        clock: Callable[[], Clock] = get_clock,
        events_engine: Engine | None = None,
        rasa: RasaClient | None = None,
    ) -> None:
        self._settings = settings
        self._sessions = session_factory
        self._clock = clock
        self._events = events_engine or create_engine(settings.rasa_events_db_url)
        self._relay = EventRelay(events_engine=self._events)
        self._rasa = rasa or RasaClient.from_settings(settings)

    def relay_and_deliver(self) -> None:
        with self._sessions() as session:
            self._relay.run_once(session=session, clock=self._clock())
            session.commit()
            delivery.deliver_due(session=session, client=self._rasa, clock=self._clock())

    def expire(self) -> None:
        with self._sessions() as session:
            expired = service.expire_waiting(session=session, settings=self._settings, clock=self._clock())
            session.commit()
            for handoff in expired:
                delivery.deliver_handoff(session=session, client=self._rasa, handoff_id=handoff.id, clock=self._clock())

    async def _every(self, seconds: float, step: Callable[[], None]) -> None:
        while True:
            try:
                await asyncio.to_thread(step)
            except Exception:  # noqa: BLE001 - the loop must outlive one bad tick
                # The exception type and place only: the traceback's locals are not logged.
                logger.exception("Handoff background step %s failed", step.__name__)
            await asyncio.sleep(seconds)

    @contextlib.asynccontextmanager
    async def running(self):  # noqa: ANN201 - an async context manager
        tasks = [
            asyncio.create_task(self._every(RELAY_INTERVAL_SECONDS, self.relay_and_deliver)),
            asyncio.create_task(self._every(expire_interval(self._settings), self.expire)),
        ]
        try:
            yield self
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            self._rasa.close()
            self._events.dispose()
