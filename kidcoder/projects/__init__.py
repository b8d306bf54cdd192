"""A child's programs as a collection: their names, the list of them with thumbnails, the last one open.

Pure (no pygame): names.py, catalog.py, thumbnails.py and last_program.py work on text and paths.
"""
