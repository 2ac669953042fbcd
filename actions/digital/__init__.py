"""Noticing low digital skill, saying so kindly, and offering a person or a course."""
