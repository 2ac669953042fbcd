"""Digital dispatching: consultant schedules, free slots, appointments and their confirmations."""
