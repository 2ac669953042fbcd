"""Handoffs of a conversation from the bot to a human consultant, and the relay both ways."""
