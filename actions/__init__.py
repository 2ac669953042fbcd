"""Rasa custom actions of Wegwijs; each module holds one concern."""
