"""The knowledge cards, their Whoosh index (the only whoosh importer) and finding cards for a question."""
