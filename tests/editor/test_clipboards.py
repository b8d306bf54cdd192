"""The system clipboard falls back to an in-app copy when pygame has no clipboard (dummy driver)."""
from kidcoder.editor.clipboard import InAppClipboard, SystemClipboard


def test_in_app_clipboard_keeps_the_last_copy():
    board = InAppClipboard()
    assert board.get() == ""
    board.put("hola")
    assert board.get() == "hola"


def test_system_clipboard_round_trips_even_without_a_display():
    board = SystemClipboard()
    board.put("línea 1\nlínea 2")
    assert board.get() == "línea 1\nlínea 2"
