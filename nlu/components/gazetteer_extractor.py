"""GazetteerEntityExtractor: finds occupations, places and career centres from the project's lexicons."""

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.lexicon_component import LexiconComponent
from nlu.resolution.gazetteer import Match


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class GazetteerEntityExtractor(LexiconComponent):
    """Adds the lexicon's matches to what DIET found; where both claim the same words, the lexicon wins.

    DIET generalises to words it never saw; the lexicons know 300+ occupations with their
    everyday variants and every Belgian place, typos forgiven. Together they catch both.
    """

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text or text.startswith("/"):
                continue
            found = self._find(text)
            if not found:
                continue
            kept = [
                entity
                for entity in message.get(ENTITIES, [])
                if not any(entity["start"] < new["end"] and new["start"] < entity["end"] for new in found)
            ]
            message.set(ENTITIES, sorted([*kept, *found], key=lambda entity: entity["start"]), add_to_output=True)
        return messages

    def _find(self, text: str) -> list[dict[str, Any]]:
        return [self._entity(entity, match) for entity, match in self._lexicons.find(text)]

    def _entity(self, entity: str, match: Match) -> dict[str, Any]:
        return self.add_extractor_name(
            [
                {
                    "entity": entity,
                    "start": match.start,
                    "end": match.end,
                    "value": match.text,
                    "confidence_entity": round(match.score / 100, 3),
                }
            ]
        )[0]
