"""ActionDigitalCourses: free computer lessons near the jobseeker, and a person to enrol."""

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.backoffice_client import BackofficeUnavailableError
from actions.channel import wants_short_answers
from actions.digital import texts
from actions.digital.signals import note_choice
from actions.dispatch_client import DispatchClient
from actions.identity import identify
from actions.intent_labels import HUMAN_PAYLOAD
from actions.questions import forget_question

COURSE_CHOICE = "course"


class ActionDigitalCourses(Action):
    def name(self) -> str:
        return "action_digital_courses"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        events = await note_choice(tracker, COURSE_CHOICE)
        client = DispatchClient.from_environment()
        place = next(tracker.get_latest_entity_values("location"), None)
        try:
            identity = await identify(tracker, client)
            if place is None and identity is not None:
                dossier = await client.get_dossier(jobseeker_id=identity.jobseeker_id)
                place = dossier.municipality if dossier else None
            courses = await client.digital_courses(municipality=place, limit=2 if wants_short_answers(tracker) else 3)
        except BackofficeUnavailableError:
            dispatcher.utter_message(response="utter_backoffice_trouble")
            return [*events, *forget_question()]
        person = [{"title": texts.PERSON, "payload": HUMAN_PAYLOAD}]
        if not courses:
            dispatcher.utter_message(text=texts.COURSES_NONE, buttons=person)
            return [*events, *forget_question()]
        lines = [f"{number}. {course.name}, {course.place}. {course.when}" for number, course in enumerate(courses, 1)]
        dispatcher.utter_message(text="\n".join([texts.COURSES_NEAR, *lines]))
        dispatcher.utter_message(text=texts.COURSE_ENROL, buttons=person)
        return [*events, *forget_question()]
