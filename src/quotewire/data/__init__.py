"""Data shipped with quotewire (the learned cue lexicon)."""
