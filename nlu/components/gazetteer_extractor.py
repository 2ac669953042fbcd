"""GazetteerEntityExtractor: finds occupations, places and career centres from the project's lexicons."""

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.components.lexicon_component import LexiconComponent
from nlu.resolution.gazetteer import Match, Token
from nlu.resolution.words import dutch_words


def _not_a_lone_common_word(tokens: list[Token], first: int, last: int) -> bool:
    """A centre's short name that is an ordinary word ("richting") counts only with other words of its name."""
    return first != last or tokens[first].folded not in dutch_words()


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
        found: list[dict[str, Any]] = []
        for match, _place in self._lexicons.places.find(text):
            found.append(self._entity("location", match))
        lexicons = self._lexicons
        for entity, gazetteer, accept in (
            ("job_title", lexicons.occupations, None),
            ("career_center", lexicons.career_centers, _not_a_lone_common_word),
            ("contract_type", lexicons.contract_types, _not_a_lone_common_word),
            ("work_schedule", lexicons.work_schedules, _not_a_lone_common_word),
        ):
            for match in gazetteer.find(text, accept=accept):
                if not any(match.start < other["end"] and other["start"] < match.end for other in found):
                    found.append(self._entity(entity, match))
        return found

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
