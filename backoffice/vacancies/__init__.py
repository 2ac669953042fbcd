"""Vacancies: search with two engines, suggestions, saved vacancies and the application history."""
