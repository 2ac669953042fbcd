"""BlendedIntentClassifier: DIET's intent ranking averaged with a linear model on the same features.

DIET learns from a few thousand sentences and is sure of itself in the wrong places now and then;
a tf-idf logistic regression on the very same sparse features makes different mistakes. Their
average is right more often than either (held-out figures in reports/nlu/report.md). It runs
after DIETClassifier and before the FallbackClassifier, which then judges the blended confidence.
"""

from typing import Any

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.training_data.message import Message
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

# Beyond what skops trusts by itself (sklearn's estimators): the tf-idf weights' sparse matrix.
TRUSTED_TYPES = ["scipy.sparse._csr.csr_matrix"]


def blend(diet: dict[str, float], linear: dict[str, float], diet_weight: float) -> list[dict[str, Any]]:
    """The weighted average of two rankings, best first; an intent one ranking lacks counts 0 there."""
    names = set(diet) | set(linear)
    scores = {name: diet_weight * diet.get(name, 0.0) + (1 - diet_weight) * linear.get(name, 0.0) for name in names}
    total = sum(scores.values()) or 1.0
    ranking = [{"name": name, "confidence": score / total} for name, score in scores.items()]
    return sorted(ranking, key=lambda item: (-item["confidence"], item["name"]))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class BlendedIntentClassifier(LogisticRegressionClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**LogisticRegressionClassifier.get_default_config(), "C": 10.0, "max_iter": 3000, "diet_weight": 0.5}

    def __init__(self, config: dict[str, Any], name: str, model_storage: ModelStorage, resource: Resource) -> None:
        super().__init__(config, name, model_storage, resource)
        # Count features, weighted like words in a search engine: frequent n-grams say less.
        self.clf = Pipeline(
            [
                ("tfidf", TfidfTransformer(sublinear_tf=True)),
                (
                    "logistic",
                    LogisticRegression(
                        C=self.config["C"],
                        max_iter=self.config["max_iter"],
                        random_state=self.config["random_state"],
                    ),
                ),
            ]
        )

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "BlendedIntentClassifier":
        return cls(config, execution_context.node_name, model_storage, resource)

    def process(self, messages: list[Message]) -> list[Message]:
        if not messages:
            return messages
        probabilities = self.clf.predict_proba(self._create_X(messages))
        intents = list(self.clf.classes_)
        for message, row in zip(messages, probabilities, strict=True):
            linear = dict(zip(intents, (float(value) for value in row), strict=True))
            diet = {item["name"]: float(item["confidence"]) for item in message.get("intent_ranking") or []}
            ranking = blend(diet, linear, self.config["diet_weight"] if diet else 0.0)
            length = self.config["ranking_length"]
            message.set("intent", ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking[:length] if length > 0 else ranking, add_to_output=True)
        return messages

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "BlendedIntentClassifier":
        import skops.io as sio

        component = cls(config, execution_context.node_name, model_storage, resource)
        with model_storage.read_from(resource) as model_dir:
            path = model_dir / f"{resource.name}.skops"
            untrusted = [kind for kind in sio.get_untrusted_types(file=path) if kind not in TRUSTED_TYPES]
            if untrusted:
                raise ValueError(f"Refusing to load {path.name}: unexpected types {untrusted}")
            component.clf = sio.load(path, trusted=TRUSTED_TYPES)
        return component
