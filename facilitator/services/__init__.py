"""One function per user action: opens a session, does the work, commits, returns plain rows."""
