"""Assignments (opdrachten): the automatic package, smart proposals from rules, detection, history."""
