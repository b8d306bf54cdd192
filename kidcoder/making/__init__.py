"""Making a game from a description: templates, the SETTINGS block, nouns, generate, the safety check."""
