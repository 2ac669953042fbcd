"""Digital dispatching: an appointment with a consultant in the jobseeker's werkwinkel."""
