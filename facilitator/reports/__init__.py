"""Printed output: the brief for the political leadership (politisk orientering)."""
