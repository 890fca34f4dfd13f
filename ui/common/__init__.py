"""Widgets and helpers every screen shares: the change hub, inline messages, keys, focus."""
