"""Digital-skill detection: the scorer, stored assessments, the jobseeker's choice, demo courses."""
