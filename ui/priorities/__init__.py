"""The dot vote (prikafstemning): its dialog."""
