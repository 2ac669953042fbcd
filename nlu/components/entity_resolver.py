"""EntityResolver: every extracted entity gets its canonical value and, for places, the details."""

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.lexicon_component import LexiconComponent
from nlu.resolution import resolve_entity

RESOLVED = "resolved"
# Lists we know completely: a span that resolves to nothing there is a misreading ("haven", "2019").
CLOSED_VOCABULARIES = frozenset({"location", "contract_type", "work_schedule"})
# An occupation or centre we do not know may still be real, when DIET is sure of it.
UNRESOLVED_MIN_CONFIDENCE = 0.9


def _worth_keeping_unresolved(entity: dict[str, Any]) -> bool:
    if entity["entity"] in CLOSED_VOCABULARIES:
        return False
    return float(entity.get("confidence_entity") or 0.0) >= UNRESOLVED_MIN_CONFIDENCE


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class EntityResolver(LexiconComponent):
    """Sets `value` to the canonical form ("poetsvrouw" → "schoonmaker", "9040" → "Gent").

    The words as written stay available through `start`/`end`; `resolved` holds the
    details (kind of place, province, postcodes). Places and contract terms that resolve to
    nothing are dropped; an unknown occupation or centre stays (resolved null) when DIET is sure.
    """

    def _cued_if_common(self, text: str, written: str, entity: dict[str, Any]) -> bool:
        """DIET may tag "meer" or "boom" as a place; the lexicon's cue rules decide for such words."""
        places = self._lexicons.places
        if not places.is_common_word(written) or "start" not in entity:
            return True
        return any(match.start <= entity["start"] and entity["end"] <= match.end for match, _ in places.find(text))

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            entities = message.get(ENTITIES)
            if not entities:
                continue
            text = message.get(TEXT) or ""
            kept = []
            for entity in entities:
                written = text[entity["start"] : entity["end"]] if "start" in entity else str(entity.get("value"))
                if entity["entity"] == "location" and not self._cued_if_common(text, written, entity):
                    continue
                resolution = resolve_entity(entity["entity"], str(entity.get("value") or written), self._lexicons)
                if resolution is None and written:
                    resolution = resolve_entity(entity["entity"], written, self._lexicons)
                if resolution is None:
                    if _worth_keeping_unresolved(entity):
                        kept.append({**entity, RESOLVED: None})
                    continue
                entity["value"] = resolution.value
                entity[RESOLVED] = {**resolution.details, "score": resolution.score}
                kept.append(self.add_processor_name(entity))
            message.set(ENTITIES, kept, add_to_output=True)
        return messages
