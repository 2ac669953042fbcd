"""Actions for the jobseeker's assignments: list, walk through step by step, report done, remind."""
