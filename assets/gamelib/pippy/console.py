"""pippy.console: colours, clearing and the cursor for text programs.

In a terminal these write the usual ANSI escape codes. KidCoder's console pane is
not a terminal: there colours and cursor moves do nothing, and clear() pushes the
old text up out of sight, so text animations (Pippy's "jump") still play.
Written for KidCoder; the names follow Pippy's library.
"""
import shutil
import sys

CLEAR_LINES = 30      # blank lines that push old text out of the console pane
DEFAULT_SIZE = (60, 20)


def _terminal():
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _code(text):
    """Write an escape code, only where a terminal understands it."""
    if _terminal():
        sys.stdout.write(text)


def clear():
    """Clear the screen."""
    if _terminal():
        sys.stdout.write("\x1b[H\x1b[J")
    else:
        sys.stdout.write("\n" * CLEAR_LINES)


def size():
    """(columns, rows) of the text window."""
    columns, rows = shutil.get_terminal_size(DEFAULT_SIZE)
    return columns, rows


def getpos():
    """(column, row) of the cursor, counting from 1. Off a terminal, the top-left corner."""
    return 1, 1


def setpos(column, row):
    """Move the cursor to (column, row), counting from 1."""
    _code("\x1b[%d;%dH" % (int(row), int(column)))


def up(count=1):
    _code("\x1b[%dA" % int(count))


def down(count=1):
    _code("\x1b[%dB" % int(count))


def forward(count=1):
    _code("\x1b[%dC" % int(count))


def backward(count=1):
    _code("\x1b[%dD" % int(count))


def _style(name, number):
    def apply():
        _code("\x1b[%dm" % number)
    apply.__name__ = name
    apply.__doc__ = "Write the text that follows as %s text." % name
    return apply


normal, bold, underlined, inverse = (_style("normal", 0), _style("bold", 1), _style("underlined", 4),
                                     _style("inverse", 7))
black, red, green, yellow = _style("black", 30), _style("red", 31), _style("green", 32), _style("yellow", 33)
blue, magenta, cyan, white = _style("blue", 34), _style("magenta", 35), _style("cyan", 36), _style("white", 37)


def hide_cursor():
    _code("\x1b[?25l")


def show_cursor():
    _code("\x1b[?25h")


def reset():
    """Clear the screen, show the cursor and go back to normal text."""
    clear()
    show_cursor()
    _code("\x1b[0;39m")
