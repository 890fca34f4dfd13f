"""Facilitator: the official's companion for citizen-driven co-creation meetings."""

__version__ = "0.1.0"
