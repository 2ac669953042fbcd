"""WordClassMarker: lets the intent features see "an occupation" or "a place" instead of which one."""

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.resolution.lexicons import Lexicons, get_lexicons
from nlu.resolution.text import fold
from nlu.resolution.words import dutch_lemmas

DEFAULT_CLASSES = ("job_title", "location", "career_center")


def class_token(entity: str) -> str:
    return f"__{entity}__"


# A featurizer-stage component runs over the training data and over incoming messages,
# after the tokenizer and before the count-vector featurizers that read `token.lemma`.
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class WordClassMarker(GraphComponent):
    """Sets each token's lemma: the lexicon class for words the lexicons know, else the Dutch lemma.

    The held-out sentences name occupations, places and career centres that the training data
    never saw; without this the classifier learns "zorgkundige in hasselt" word by word and
    ties "Loopbaanhuis Lindeblad" to complaints. With it, every such word reads `__job_title__`,
    `__location__` or `__career_center__` for the featurizers that use lemmas, while the token's
    text (and so DIET's entity tags and the lexicon extractor) stays as written. Other words get
    their lemma from spaCy's Dutch lookup table ("opdrachten" → "opdracht"), when `lemmas` is on.
    """

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"classes": list(DEFAULT_CLASSES), "lemmas": True}

    def __init__(self, config: dict[str, Any], lexicons: Lexicons) -> None:
        self._classes = frozenset(config.get("classes") or ())
        self._lemmas = dutch_lemmas() if config.get("lemmas") else {}
        self._lexicons = lexicons

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "WordClassMarker":
        return cls(config, get_lexicons())

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._mark(message)
        return messages

    def _mark(self, message: Message) -> None:
        text = message.get(TEXT)
        tokens = message.get(TOKENS_NAMES[TEXT])
        if not text or not tokens or text.startswith("/"):
            return
        spans = [
            (match.start, match.end, entity) for entity, match in self._lexicons.find(text) if entity in self._classes
        ]
        for token in tokens:
            entity = next((name for start, end, name in spans if token.start < end and start < token.end), None)
            if entity is not None:
                token.lemma = class_token(entity)
            elif self._lemmas:
                word = fold(token.text)
                token.lemma = self._lemmas.get(word, word) or token.text
