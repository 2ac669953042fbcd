"""Each normalisation step on its own, then the chain, then entity offsets of training examples."""

import pytest

from nlu.normalization import (
    expand_abbreviations,
    fold_diacritics,
    normalize,
    normalize_with_spans,
    numbers_to_digits,
    remove_fillers,
    remove_restarts,
)


def test_fillers_of_speech_recognition_are_removed() -> None:
    assert remove_fillers("euh ja ik wil eh een afspraak ehm".split()) == "ja ik wil een afspraak".split()


def test_discourse_words_carry_meaning_and_stay() -> None:
    assert remove_fillers("allee awel ja".split()) == ["allee", "awel", "ja"]


def test_restarts_are_collapsed() -> None:
    assert remove_restarts("ik wil ik wil een afspraak".split()) == "ik wil een afspraak".split()
    assert remove_restarts("ja ja dat klopt".split()) == "ja dat klopt".split()


def test_repeated_digits_are_not_restarts() -> None:
    assert remove_restarts("0 4 7 7 1".split()) == "0 4 7 7 1".split()


@pytest.mark.parametrize(
    ("sms", "written"),
    [
        ("ff iemand bellen aub", "even iemand bellen alstublieft"),
        ("wa moet ik nog doen", "wat moet ik nog doen"),
        ("kheb da gedaan!", "ik heb dat gedaan!"),
        ("zoek wrk vr mss 2 dagen", "zoek werk voor misschien 2 dagen"),
        ("hallooo", "halloo"),
    ],
)
def test_sms_shorthand_is_expanded(sms: str, written: str) -> None:
    assert " ".join(expand_abbreviations(sms.split())) == written


@pytest.mark.parametrize(
    ("spoken", "digits"),
    [
        ("mijn postcode is negen nul nul nul", "mijn postcode is 9000"),
        ("twee acht nul nul", "2800"),
        ("geboren op vijftien maart negentien achtentachtig", "geboren op 15 maart 1988"),
        ("nul vier zeven negen twaalf vierendertig zesenvijftig", "0479123456"),
        ("om tien uur", "om 10 uur"),
        ("drie, vier of vijf", "3, 4 of 5"),
        ("vier vijfde werken", "4/5 werken"),
    ],
)
def test_dutch_number_words_become_digits(spoken: str, digits: str) -> None:
    assert numbers_to_digits(spoken) == digits


def test_an_article_is_not_a_number() -> None:
    assert numbers_to_digits("ik zoek een job") == "ik zoek een job"


def test_diacritics_are_folded() -> None:
    assert fold_diacritics("Één café, geïnteresseerd") == "Een cafe, geinteresseerd"


def test_the_whole_chain() -> None:
    assert normalize("euh ja kwil ik wil een afspraak in negen twee nul nul aub") == (
        "ja ik wil een afspraak in 9200 alstublieft"
    )


def test_button_payloads_are_left_alone() -> None:
    assert normalize('/inform{"location": "Gent"}') == '/inform{"location": "Gent"}'


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01", "🙂🙂", "עברית", "<script>alert(1)</script>"])
def test_odd_input_does_not_break(text: str) -> None:
    assert isinstance(normalize(text), str)


def test_entity_spans_follow_the_normalised_text() -> None:
    text = "euh ik zoek wrk in negen nul nul nul als poetsvrouw ok?"
    location = (text.index("negen"), text.index("negen") + len("negen nul nul nul"))
    job = (text.index("poetsvrouw"), text.index("poetsvrouw") + len("poetsvrouw"))
    normalized, (new_location, new_job) = normalize_with_spans(text, [location, job])
    assert normalized == "ik zoek werk in 9000 als poetsvrouw ok?"
    assert normalized[slice(*new_location)] == "9000"
    assert normalized[slice(*new_job)] == "poetsvrouw"


def test_a_span_of_only_fillers_becomes_empty() -> None:
    assert normalize_with_spans("euh", [(0, 3)]) == ("", [(0, 0)])
