"""Handing a conversation to a person: request, queue, call back, and the bot's return."""
