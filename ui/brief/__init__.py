"""The brief window: preview, save, print and record where it went."""
