"""What the jobseeker searches for, kept in slots so one changed criterion keeps the others."""

from dataclasses import dataclass

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet

ANY = "om het even"  # the jobseeker has no preference
DEFAULT_RADIUS_KM = 20
WIDER_RADIUS_KM = 50
PROVINCE_PREFIX = "provincie "
SHOWN_SLOT = "shown_vacancies"  # ids of the vacancies just listed, in order, for "bewaar 2"
PAGE_SLOT = "search_page"


@dataclass(frozen=True)
class SearchCriteria:
    job_title: str | None
    location: str | None
    contract_type: str | None
    work_schedule: str | None
    radius_km: int

    @classmethod
    def from_tracker(cls, tracker: Tracker) -> "SearchCriteria":
        radius = tracker.get_slot("search_radius_km")
        return cls(
            job_title=_preference(tracker.get_slot("search_job_title")),
            location=_preference(tracker.get_slot("search_location")),
            contract_type=tracker.get_slot("search_contract_type"),
            work_schedule=tracker.get_slot("search_work_schedule"),
            radius_km=int(radius) if radius else DEFAULT_RADIUS_KM,
        )

    @property
    def is_province(self) -> bool:
        return bool(self.location and self.location.startswith(PROVINCE_PREFIX))

    @property
    def can_widen(self) -> bool:
        return bool(self.location) and not self.is_province and self.radius_km < WIDER_RADIUS_KM

    def what(self) -> str:
        return self.job_title or "alle jobs"

    def where(self) -> str:
        if not self.location:
            return "in heel Vlaanderen"
        if self.is_province:
            return f"in de {self.location}"
        return f"binnen {self.radius_km} km van {self.location}"


def _preference(value: object) -> str | None:
    return value if isinstance(value, str) and value and value != ANY else None


def radius_events(radius_km: int) -> list[EventType]:
    return [SlotSet("search_radius_km", float(radius_km))]
