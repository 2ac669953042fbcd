"""Jobseeker dossiers."""
