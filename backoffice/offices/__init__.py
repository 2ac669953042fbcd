"""Werkwinkels (local offices) and other service points."""
