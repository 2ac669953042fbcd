"""A yes or no only answers the question the bot asked in its latest turn."""

from rasa_sdk import Tracker

from actions.assignments.choice import fold, matching_assignments
from actions.backoffice_client import Assignment
from actions.questions import question_just_asked


def tracker_with(events: list[dict]) -> Tracker:
    return Tracker("s", {}, {"text": "ja"}, events, False, None, {}, "action_listen")


def user(text: str) -> dict:
    return {"event": "user", "text": text}


def asked(question: str | None) -> dict:
    return {"event": "slot", "name": "pending_question", "value": question}


def test_question_from_the_latest_bot_turn_counts() -> None:
    assert question_just_asked(tracker_with([user("help"), asked("assignment_step"), user("ja")])) == "assignment_step"


def test_question_lapses_after_another_turn() -> None:
    events = [user("help"), asked("assignment_step"), user("iets anders"), user("ja")]
    assert question_just_asked(tracker_with(events)) is None


def test_latest_value_in_the_turn_wins() -> None:
    events = [user("help"), asked("assignment_step"), asked(None), user("ja")]
    assert question_just_asked(tracker_with(events)) is None


def assignment(id_: int, keywords: tuple[str, ...]) -> Assignment:
    return Assignment(id_, 7, "k", "automatic", f"A{id_}", "", (), keywords, 0, "open", None, None)


def test_keywords_match_words_without_case_or_accents() -> None:
    cv, contact, mail = assignment(1, ("cv",)), assignment(2, ("contact",)), assignment(3, ("e-mailadres",))
    everything = [cv, contact, mail]
    assert matching_assignments("Mijn CV is klaar", everything) == [cv]
    assert matching_assignments("contactgegevens nagekeken", everything) == [contact]
    assert matching_assignments("ik heb een emailadres gemaakt", everything) == [mail]
    assert matching_assignments("ik heb het gedaan", everything) == []
    assert fold("Één É-mail") == "een email"
