"""Notifications in the jobseeker's personal account."""
