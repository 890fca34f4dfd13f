"""People with consent and the project's citizen groups."""
