"""The project page: its tabs across a project's meetings."""
