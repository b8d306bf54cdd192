"""Inside the game process: print output with a cap, and input() answered by the app.

The game's sys.stdout/stderr pass text on until a shared cap (then one marker line);
input() and sys.stdin ask the app for a line over the protocol, or end kindly with an
EOFError when nobody can type.
"""
from __future__ import annotations

import io
import sys

from kidcoder.runner import protocol

MAX_OUTPUT_LINES = 2000
MAX_OUTPUT_BYTES = 256 * 1024
TOO_MUCH_OUTPUT = "\n[KidCoder: too much output, the rest is hidden]\n"


class InputNeeded(EOFError):
    """input() was called but nobody can type (a headless run without --stdin, or no lines left).

    An EOFError, as Python's own input() raises at the end of input, so programs that read
    until EOFError work; its message says kindly what happened."""


class CappedOutput(io.TextIOBase):
    """sys.stdout/stderr for the game: passes text on until the shared cap, then one marker."""

    budget = {"lines": MAX_OUTPUT_LINES, "bytes": MAX_OUTPUT_BYTES, "truncated": False}

    def __init__(self, raw):
        self._raw = raw

    def writable(self):
        return True

    @property
    def encoding(self):
        return "utf-8"

    def write(self, text):
        text = str(text)
        budget = CappedOutput.budget
        if budget["truncated"]:
            return len(text)
        lines, size = text.count("\n"), len(text.encode("utf-8", "replace"))
        if lines > budget["lines"] or size > budget["bytes"]:
            budget["truncated"] = True
            self._raw.write(TOO_MUCH_OUTPUT)
            self._raw.flush()
            return len(text)
        budget["lines"] -= lines
        budget["bytes"] -= size
        self._raw.write(text)
        return len(text)

    def flush(self):
        try:
            self._raw.flush()
        except (OSError, ValueError):
            pass

    def fileno(self):
        return self._raw.fileno()

    @property
    def buffer(self):
        """Binary writes (sys.stdout.buffer.write) count against the same cap."""
        return _CappedBinary(self)

    def isatty(self):
        return False


class _CappedBinary(io.RawIOBase):
    def __init__(self, text_stream: CappedOutput):
        self._text = text_stream

    def writable(self):
        return True

    def write(self, data):
        self._text.write(bytes(data).decode("utf-8", "replace"))
        return len(data)

    def flush(self):
        self._text.flush()


def make_input(channel, commands):
    """input() for the game: the next InputLine the app sends. When nobody can type, the app sends
    its lines (if any) and then one with eof=True, so waiting here always ends."""
    def kid_input(prompt=""):
        prompt = str(prompt)
        sys.stdout.write(prompt)
        sys.stdout.flush()
        channel.send(protocol.InputRequest(prompt=prompt))
        line = commands.input_lines.get()
        if line.eof:
            commands.input_lines.put(line)      # every later input() ends the same way
            raise InputNeeded("The program asked for input, but nobody can type here.")
        channel.send(protocol.InputAnswered())
        sys.stdout.write(line.text + "\n")
        return line.text
    return kid_input


class InputStdin(io.TextIOBase):
    def __init__(self, read_line):
        self._read_line = read_line

    def readable(self):
        return True

    def readline(self, size=-1):
        try:
            return self._read_line("") + "\n"
        except InputNeeded:
            return ""

    def read(self, size=-1):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return "".join(lines)
            lines.append(line)
