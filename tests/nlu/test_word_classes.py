"""WordClassMarker on tokenised Rasa messages, without training a model."""

import pytest
from rasa.nlu.constants import TOKENS_NAMES
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from nlu.components.word_classes import WordClassMarker
from nlu.resolution import Lexicons


def tokenized(text: str) -> Message:
    message = Message(data={TEXT: text})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    return message


def lemmas(message: Message) -> list[str]:
    return [token.lemma for token in message.get(TOKENS_NAMES[TEXT])]


@pytest.fixture
def marker(lexicons: Lexicons) -> WordClassMarker:
    return WordClassMarker(WordClassMarker.get_default_config(), lexicons)


def test_known_occupations_and_places_read_as_their_class(marker: WordClassMarker) -> None:
    message = tokenized("ik zoek werk als poetsvrouw in sint-niklaas")
    marker.process([message])
    assert lemmas(message)[-3:] == ["__job_title__", "in", "__location__"]
    # The text itself, which DIET's entity tags and the lexicon extractor read, is untouched.
    assert [token.text for token in message.get(TOKENS_NAMES[TEXT])][-1] == "sint-niklaas"


def test_a_career_centre_of_several_words_is_one_class(marker: WordClassMarker) -> None:
    message = tokenized("het was bij loopbaanpunt de horizon")
    marker.process([message])
    assert lemmas(message)[-3:] == ["__career_center__"] * 3


def test_other_words_get_their_dutch_lemma(marker: WordClassMarker) -> None:
    message = tokenized("welke vacatures hebt ge bewaard")
    marker.process([message])
    assert lemmas(message)[1::2] == ["vacature", "ge"] and lemmas(message)[2] == "hebben"


def test_lemmas_can_be_switched_off_and_training_data_is_marked_too(lexicons: Lexicons) -> None:
    marker = WordClassMarker({"classes": ["location"], "lemmas": False}, lexicons)
    example = tokenized("opdrachten in gent")
    example.set("intent", "ask_assignments")
    marker.process_training_data(TrainingData([example]))
    assert lemmas(example) == ["opdrachten", "in", "__location__"]
