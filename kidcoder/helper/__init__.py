"""What the child calls the helper: the hint ladder and answer composition."""
