"""The follow-up desk: a project's asks and next steps between meetings."""
