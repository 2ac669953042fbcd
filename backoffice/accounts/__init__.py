"""Staff accounts of the consultant inbox: sign-in, sessions, roles and the audit log."""
