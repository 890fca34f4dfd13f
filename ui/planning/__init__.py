"""Planning a meeting: its form, agenda and profile."""
