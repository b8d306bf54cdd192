"""Runs a child's game in its own process and brings its frames, output and errors back."""
