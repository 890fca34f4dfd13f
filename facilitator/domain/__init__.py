"""Pure domain rules: no database, no Qt, no clock of their own."""
