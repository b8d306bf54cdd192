"""The code editor: a pure text buffer, a highlighter, a pygame view and file handling."""
