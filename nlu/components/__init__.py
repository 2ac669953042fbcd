"""Custom Rasa graph components of the Wegwijs NLU pipeline (registered in config.yml)."""
