"""The helper: diagnosis, hints, knowledge cards, game generation and the optional model."""
