"""Wegwijs backoffice: dossiers, offices and the chat-widget page (Python 3.11)."""
