"""Restoring a backup and opening a damaged database."""
