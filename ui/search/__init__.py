"""Search over every idea, resource ask and next step (Ctrl+F)."""
