"""The entity resolver: spans as people write or say them → canonical values."""

import pytest

from nlu.normalization import normalize
from nlu.resolution import Lexicons, resolve_entity


def value(entity: str, text: str, lexicons: Lexicons) -> str | None:
    resolution = resolve_entity(entity, text, lexicons)
    return resolution.value if resolution else None


@pytest.mark.parametrize(
    "variants",
    [
        ("poetsvrouw", "schoonmaakster", "kuisvrouw"),
        ("heftruckchauffeur", "vorkliftchauffeur", "heftruck chauffeur"),
        ("vrachtwagenchauffeur", "camionchauffeur"),
        ("verpleegster", "verpleger"),
        ("kassierster", "kassier"),
        ("magazijnier", "magazijnmedewerker"),
    ],
)
def test_everyday_variants_resolve_to_one_occupation(variants: tuple[str, ...], lexicons: Lexicons) -> None:
    values = {value("job_title", variant, lexicons) for variant in variants}
    assert None not in values
    assert len(values) == 1


def test_different_occupations_stay_different(lexicons: Lexicons) -> None:
    assert value("job_title", "lasser", lexicons) != value("job_title", "kok", lexicons)


def test_a_typo_in_a_long_job_title_is_forgiven(lexicons: Lexicons) -> None:
    assert value("job_title", "heftruckchaufeur", lexicons) == value("job_title", "heftruckchauffeur", lexicons)


def test_unknown_words_are_not_forced_into_an_occupation(lexicons: Lexicons) -> None:
    assert resolve_entity("job_title", "blablabla", lexicons) is None


@pytest.mark.parametrize(
    ("spoken_or_written", "municipality"),
    [
        ("Sint-Amandsberg", "Gent"),
        ("sint amandsberg", "Gent"),
        ("Gent", "Gent"),
        ("9000", "Gent"),
        (normalize("negen nul nul nul"), "Gent"),
        ("antw", "Antwerpen"),
        ("Borgerhout", "Antwerpen"),
        ("Kruibeke", "Beveren-Kruibeke-Zwijndrecht"),
        ("Heist op den Berg", "Heist-op-den-Berg"),
        ("Kortrijkk", "Kortrijk"),
        ("st-niklaas", "Sint-Niklaas"),
        ("2800", "Mechelen"),
    ],
)
def test_places_resolve_to_their_municipality(spoken_or_written: str, municipality: str, lexicons: Lexicons) -> None:
    resolution = resolve_entity("location", spoken_or_written, lexicons)
    assert resolution is not None
    assert resolution.value == municipality
    assert resolution.details["municipality"] == municipality


def test_a_deelgemeente_keeps_its_own_name_and_postcode(lexicons: Lexicons) -> None:
    resolution = resolve_entity("location", "Sint-Amandsberg", lexicons)
    assert resolution is not None
    assert resolution.details["kind"] == "deelgemeente"
    assert resolution.details["postcodes"] == ["9040"]
    assert resolution.details["province"] == "Oost-Vlaanderen"


@pytest.mark.parametrize(
    ("text", "province"),
    [("Limburg", "Limburg"), ("provincie Antwerpen", "Antwerpen"), ("West-Vlaanderen", "West-Vlaanderen")],
)
def test_provinces(text: str, province: str, lexicons: Lexicons) -> None:
    resolution = resolve_entity("location", text, lexicons)
    assert resolution is not None
    assert resolution.details == {**resolution.details, "kind": "province", "province": province}
    # The value resolves back to the same province, so a slot can be resolved again later.
    assert resolve_entity("location", resolution.value, lexicons).details["kind"] == "province"


def test_the_city_antwerpen_wins_over_the_province(lexicons: Lexicons) -> None:
    assert resolve_entity("location", "Antwerpen", lexicons).details["kind"] == "municipality"


def test_a_number_that_is_no_postcode_is_no_place(lexicons: Lexicons) -> None:
    assert resolve_entity("location", "0999", lexicons) is None


@pytest.mark.parametrize(
    ("entity", "text", "canonical"),
    [
        ("contract_type", "vast contract", "vast"),
        ("contract_type", "uitzendwerk", "interim"),
        ("work_schedule", "fulltime", "voltijds"),
        ("work_schedule", "halftijds", "deeltijds"),
    ],
)
def test_contract_terms(entity: str, text: str, canonical: str, lexicons: Lexicons) -> None:
    assert value(entity, text, lexicons) == canonical


def test_career_centres_are_matched_loosely(lexicons: Lexicons) -> None:
    names = sorted(set(lexicons.career_centers.phrases()))
    assert names, "the demo register is empty"
    full = value("career_center", names[-1], lexicons)
    assert full is not None
    assert value("career_center", names[-1].upper(), lexicons) == full


class TestScanningSentences:
    def test_places_in_a_sentence(self, lexicons: Lexicons) -> None:
        found = [(match.text, place.canonical) for match, place in lexicons.places.find("werk in mol of in geel")]
        assert found == [("mol", "Mol"), ("geel", "Geel")]

    def test_a_common_word_without_a_cue_is_no_place(self, lexicons: Lexicons) -> None:
        assert lexicons.places.find("ik wil een boom planten") == []

    def test_a_sum_of_money_is_no_postcode(self, lexicons: Lexicons) -> None:
        assert lexicons.places.find("ik heb 2000 euro") == []

    def test_a_postcode_after_a_cue_or_alone(self, lexicons: Lexicons) -> None:
        assert [place.canonical for _, place in lexicons.places.find("werk in 9000")] == ["Gent"]
        assert [place.canonical for _, place in lexicons.places.find("2800")] == ["Mechelen"]

    def test_a_neighbouring_word_is_not_swallowed_by_a_typo_match(self, lexicons: Lexicons) -> None:
        found = lexicons.places.find("in de buurt van sint-amandsberg of Heist-op-den-Berg")
        assert [match.text for match, _ in found] == ["sint-amandsberg", "Heist-op-den-Berg"]

    def test_occupations_in_a_sentence(self, lexicons: Lexicons) -> None:
        found = lexicons.occupations.find("ik zoek werk als heftruck chauffeur of als poetsvrouw")
        assert [match.text for match in found] == ["heftruck chauffeur", "poetsvrouw"]


@pytest.mark.parametrize("word", ["medewerker", "postcode", "begeleider", "vroeger", "juiste", "drukkerij"])
def test_ordinary_words_are_no_misspelt_occupation(word: str, lexicons: Lexicons) -> None:
    assert resolve_entity("job_title", word, lexicons) is None


def test_a_spoken_fraction_is_a_schedule(lexicons: Lexicons) -> None:
    assert value("work_schedule", normalize("vier vijfde"), lexicons) == "deeltijds"


def test_an_ordinary_word_is_no_misspelt_place(lexicons: Lexicons) -> None:
    assert lexicons.places.find("welke dingen moeten er op mijn cv") == []


def test_a_common_word_place_after_another_place(lexicons: Lexicons) -> None:
    found = [place.canonical for _, place in lexicons.places.find("werk in tienen of landen")]
    assert found == ["Tienen", "Landen"]


def test_a_career_centre_by_its_distinctive_name(lexicons: Lexicons) -> None:
    assert [match.key for match in lexicons.career_centers.find("ik ben ontevreden over windroos")] == [
        "Loopbaancentrum Windroos"
    ]


def test_a_command_word_alone_is_no_place(lexicons: Lexicons) -> None:
    assert lexicons.places.find("meer") == []
    assert [place.canonical for _, place in lexicons.places.find("in meer")] == ["Hoogstraten"]
