"""The live screen: who talks, hold-backs, nudges and the figures."""
