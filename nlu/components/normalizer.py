"""TextNormalizer: the first step of the pipeline, so every later component sees clean text."""

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.normalization import normalize, normalize_with_spans

ORIGINAL_TEXT = "text_original"


# Registered as a tokenizer-stage component: only those run over the training data as well,
# which must be normalised exactly like incoming messages.
@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class TextNormalizer(GraphComponent):
    """Removes fillers and restarts, expands SMS shorthand, writes numbers as digits, folds diacritics.

    The tracker keeps what the person wrote (Rasa stores the channel's text in the user
    event); the parse result carries it as `text_original` next to the normalised `text`.
    """

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "TextNormalizer":
        return cls()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            text = example.get(TEXT)
            if not text:
                continue
            entities = example.get(ENTITIES) or []
            normalized, spans = normalize_with_spans(text, [(entity["start"], entity["end"]) for entity in entities])
            kept = []
            for entity, (start, end) in zip(entities, spans, strict=True):
                if start == end:
                    continue  # the annotated words were only fillers
                original_span = text[entity["start"] : entity["end"]]
                value = entity.get("value")
                kept.append(
                    {
                        **entity,
                        "start": start,
                        "end": end,
                        "value": normalized[start:end] if value in (None, original_span) else value,
                    }
                )
            example.set(TEXT, normalized)
            if entities:
                example.set(ENTITIES, kept)
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not text:
                continue
            message.set(ORIGINAL_TEXT, text, add_to_output=True)
            message.set(TEXT, normalize(text))
        return messages
