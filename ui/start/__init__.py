"""The start page: projects, meetings and what needs attention."""
