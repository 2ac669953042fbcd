"""Demo data: werkwinkels per province (seed 000), staffing figures and invented jobseekers."""
