"""Rasa input/output channels of Wegwijs: web widget (socket.io) and REST; more follow."""
