"""The base of the graph components that work from the project's lexicons."""

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from typing_extensions import Self

from nlu.resolution.lexicons import Lexicons, get_lexicons


class LexiconComponent(GraphComponent, EntityExtractorMixin):
    """Holds the lexicons, loaded once per process when the model loads (not at import)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self._lexicons = lexicons

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> Self:
        return cls(get_lexicons())
