"""Grouping a meeting's ideas into themes: the theme of one idea, and the board of all."""
