"""resolve_entity: an extracted span → its canonical value, for every entity of the NLU contract."""

from dataclasses import dataclass, field

from nlu.resolution.gazetteer import Gazetteer
from nlu.resolution.lexicons import Lexicons, get_lexicons


@dataclass(frozen=True)
class Resolution:
    entity: str
    value: str  # what a slot holds and the backoffice receives
    score: float  # 100 for an exact match, lower for a forgiven typo
    details: dict[str, object] = field(default_factory=dict)


def _from_gazetteer(entity: str, gazetteer: Gazetteer, text: str) -> Resolution | None:
    hit = gazetteer.lookup(text)
    return Resolution(entity, hit[0], hit[1]) if hit else None


def resolve_entity(entity: str, text: str, lexicons: Lexicons | None = None) -> Resolution | None:
    """None when the span names nothing we know (the caller decides whether to ask again)."""
    lexicons = lexicons or get_lexicons()
    if entity == "location":
        place = lexicons.places.resolve(text)
        if place is None:
            return None
        return Resolution(entity, place.canonical, 100.0, place.as_dict())
    gazetteers = {
        "job_title": lexicons.occupations,
        "contract_type": lexicons.contract_types,
        "work_schedule": lexicons.work_schedules,
        "career_center": lexicons.career_centers,
    }
    if entity not in gazetteers:
        return None
    return _from_gazetteer(entity, gazetteers[entity], text)
