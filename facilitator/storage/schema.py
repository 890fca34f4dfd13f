"""The newest schema revision, in a module that imports nothing.

`facilitator --version` prints it, and start-up compares a database with it
before deciding to import Alembic; tests/facilitator/test_storage.py checks it
matches the newest migration.
"""

SCHEMA_HEAD = "0007"
