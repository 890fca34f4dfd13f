"""Persistence: the ORM models, the engine and the migrations. Only this package knows SQLite."""
