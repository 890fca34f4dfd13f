"""After the meeting: the summary and its corrections."""
