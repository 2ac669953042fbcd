"""BlendedIntentClassifier: the average of DIET's ranking and a linear model, saved and loaded safely."""

from pathlib import Path

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix

from nlu.components.blended_intent import BlendedIntentClassifier, blend

VOCABULARY = ["afspraak", "werkwinkel", "vacature", "zoek", "hallo"]


def message(words: list[str], intent: str | None = None, diet: dict[str, float] | None = None) -> Message:
    counts = np.array([[words.count(word) for word in VOCABULARY]], dtype=float)
    data = {TEXT: " ".join(words)}
    if intent:
        data["intent"] = intent
    if diet:
        data["intent_ranking"] = [{"name": name, "confidence": value} for name, value in diet.items()]
    result = Message(data=data)
    # Sentence-level sparse features, as the count-vector featurizers leave them.
    result.add_features(Features(coo_matrix(counts), "sentence", TEXT, "test"))
    return result


@pytest.fixture
def trained(tmp_path: Path) -> tuple[BlendedIntentClassifier, LocalModelStorage, Resource, ExecutionContext]:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("blended")
    context = ExecutionContext(GraphSchema({}), node_name="blended")
    component = BlendedIntentClassifier.create(BlendedIntentClassifier.get_default_config(), storage, resource, context)
    examples = [message(["afspraak", "werkwinkel"], "book_appointment") for _ in range(5)]
    examples += [message(["zoek", "vacature"], "search_vacancies") for _ in range(5)]
    component.train(TrainingData(examples))
    return component, storage, resource, context


def test_blend_averages_and_counts_a_missing_intent_as_zero() -> None:
    ranking = blend({"a": 0.8, "b": 0.2}, {"a": 0.2, "c": 0.8}, diet_weight=0.5)
    assert [(item["name"], round(item["confidence"], 2)) for item in ranking] == [("a", 0.5), ("c", 0.4), ("b", 0.1)]


def test_a_sure_linear_model_overrules_a_doubting_diet(trained) -> None:
    component, *_ = trained
    doubting = message(["zoek", "vacature"], diet={"book_appointment": 0.55, "search_vacancies": 0.45})
    component.process([doubting])
    assert doubting.get("intent")["name"] == "search_vacancies"
    confidences = [item["confidence"] for item in doubting.get("intent_ranking")]
    assert confidences == sorted(confidences, reverse=True) and abs(sum(confidences) - 1) < 1e-6


def test_without_a_diet_ranking_the_linear_model_decides(trained) -> None:
    component, *_ = trained
    alone = message(["afspraak"])
    component.process([alone])
    assert alone.get("intent")["name"] == "book_appointment"


def test_the_saved_model_loads_and_predicts_the_same(trained) -> None:
    component, storage, resource, context = trained
    config = BlendedIntentClassifier.get_default_config()
    loaded = BlendedIntentClassifier.load(config, storage, resource, context)
    before, after = message(["werkwinkel"]), message(["werkwinkel"])
    component.process([before])
    loaded.process([after])
    assert before.get("intent_ranking") == after.get("intent_ranking")
