"""The custom graph components on Rasa messages, without training a model."""

import pytest
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.components.entity_resolver import EntityResolver
from nlu.components.gazetteer_extractor import GazetteerEntityExtractor
from nlu.components.normalizer import ORIGINAL_TEXT, TextNormalizer
from nlu.resolution import Lexicons


@pytest.fixture
def normalizer() -> TextNormalizer:
    return TextNormalizer()


@pytest.fixture
def extractor(lexicons: Lexicons) -> GazetteerEntityExtractor:
    return GazetteerEntityExtractor(lexicons)


@pytest.fixture
def resolver(lexicons: Lexicons) -> EntityResolver:
    return EntityResolver(lexicons)


def test_incoming_text_is_normalised_and_the_original_kept(normalizer: TextNormalizer) -> None:
    message = Message(data={TEXT: "euh mijn postcode is negen nul nul nul"})
    normalizer.process([message])
    assert message.get(TEXT) == "mijn postcode is 9000"
    assert message.get(ORIGINAL_TEXT) == "euh mijn postcode is negen nul nul nul"
    assert ORIGINAL_TEXT in message.as_dict(only_output_properties=True)


def test_training_examples_keep_their_entities_on_the_right_words(normalizer: TextNormalizer) -> None:
    text = "ff wrk zoeken als poetsvrouw in negen twee nul nul"
    entities = [
        {"entity": "job_title", "start": 18, "end": 28, "value": "poetsvrouw"},
        {"entity": "location", "start": 32, "end": 50, "value": "negen twee nul nul"},
    ]
    example = Message(data={TEXT: text, "intent": "search_vacancies", ENTITIES: entities})
    normalizer.process_training_data(TrainingData([example]))
    normalized = example.get(TEXT)
    assert normalized == "even werk zoeken als poetsvrouw in 9200"
    spans = {entity["entity"]: normalized[entity["start"] : entity["end"]] for entity in example.get(ENTITIES)}
    assert spans == {"job_title": "poetsvrouw", "location": "9200"}
    assert [entity["value"] for entity in example.get(ENTITIES)] == ["poetsvrouw", "9200"]


def test_an_explicit_synonym_value_survives_normalisation(normalizer: TextNormalizer) -> None:
    example = Message(
        data={
            TEXT: "euh vast werk",
            "intent": "inform",
            ENTITIES: [{"entity": "contract_type", "start": 4, "end": 8, "value": "vast"}],
        }
    )
    example.get(ENTITIES)[0]["value"] = "contract van onbepaalde duur"
    normalizer.process_training_data(TrainingData([example]))
    assert example.get(ENTITIES)[0]["value"] == "contract van onbepaalde duur"


def test_messages_without_text_pass_through(normalizer: TextNormalizer) -> None:
    message = Message(data={"intent": "greet"})
    normalizer.process_training_data(TrainingData([message]))
    assert message.get(TEXT) is None


def test_lexicon_matches_win_over_overlapping_diet_guesses(extractor: GazetteerEntityExtractor) -> None:
    text = "ik zoek werk als heftruckchauffeur in Sint-Amandsberg"
    diet_guess = {
        "entity": "job_title",
        "start": 38,
        "end": 53,
        "value": "Sint-Amandsberg",
        "extractor": "DIETClassifier",
    }
    kept_guess = {"entity": "contract_type", "start": 8, "end": 12, "value": "werk", "extractor": "DIETClassifier"}
    message = Message(data={TEXT: text, ENTITIES: [diet_guess, kept_guess]})
    extractor.process([message])
    found = [(entity["entity"], entity["value"], entity["extractor"]) for entity in message.get(ENTITIES)]
    assert found == [
        ("contract_type", "werk", "DIETClassifier"),
        ("job_title", "heftruckchauffeur", "GazetteerEntityExtractor"),
        ("location", "Sint-Amandsberg", "GazetteerEntityExtractor"),
    ]


def test_a_lone_ordinary_word_is_no_career_centre(extractor: GazetteerEntityExtractor) -> None:
    message = Message(data={TEXT: "ik weet niet in welke richting ik moet zoeken"})
    extractor.process([message])
    assert [entity["entity"] for entity in message.get(ENTITIES, [])] == []


def test_resolver_sets_canonical_values_and_details(resolver: EntityResolver) -> None:
    text = "poetsvrouw in 9040"
    message = Message(
        data={
            TEXT: text,
            ENTITIES: [
                {"entity": "job_title", "start": 0, "end": 10, "value": "poetsvrouw"},
                {"entity": "location", "start": 14, "end": 18, "value": "9040"},
                {"entity": "location", "start": 0, "end": 2, "value": "xq"},
            ],
        }
    )
    resolver.process([message])
    job, place = message.get(ENTITIES)
    assert job["value"] == "schoonmaker"
    assert place["value"] == "Gent"
    assert place["resolved"]["name"] == "Sint-Amandsberg"


def test_resolver_keeps_only_a_confident_unknown_occupation(resolver: EntityResolver) -> None:
    message = Message(
        data={
            TEXT: "drone piloot of deur",
            ENTITIES: [
                {"entity": "job_title", "start": 0, "end": 12, "value": "drone piloot", "confidence_entity": 0.97},
                {"entity": "job_title", "start": 16, "end": 20, "value": "deur", "confidence_entity": 0.68},
            ],
        }
    )
    resolver.process([message])
    [kept] = message.get(ENTITIES)
    assert kept["value"] == "drone piloot"
    assert kept["resolved"] is None


def place_values(resolver: EntityResolver, text: str, start: int, end: int) -> list[str]:
    message = Message(data={TEXT: text, ENTITIES: [{"entity": "location", "start": start, "end": end,
                                                    "value": text[start:end]}]})  # fmt: skip
    resolver.process([message])
    return [entity["value"] for entity in message.get(ENTITIES)]


def test_a_common_word_tagged_as_a_place_needs_a_cue(resolver: EntityResolver) -> None:
    assert place_values(resolver, "meer", 0, 4) == [], "'meer' asks for more results"
    assert place_values(resolver, "nog meer", 4, 8) == []
    assert place_values(resolver, "werk in meer", 8, 12) == ["Hoogstraten"]
    assert place_values(resolver, "boom", 0, 4) == ["Boom"], "a one-word answer to 'Waar?' is a place"
    assert place_values(resolver, "ik wil een boom planten", 11, 15) == []
