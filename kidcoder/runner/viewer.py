"""`kidcoder run FILE` without --headless: a plain window that shows the game's frames and sends it input.

The full studio window comes from kidcoder.ui; this small viewer is for running
one program from a terminal, and shares the same runner and the same input
translation (runner/window_input.py).
"""
from __future__ import annotations

import os
import sys
import threading
import time
from typing import List, Optional

from kidcoder.runner import protocol
from kidcoder.runner.frames import PIXEL_FORMAT, rang
from kidcoder.runner.host import ConsoleText, GameProcess, ProcessEnded
from kidcoder.runner.results import result_of, save_png
from kidcoder.runner.window_input import event_to_message

LOOK_S = 1 / 60     # between the game's frames the window still looks for its own events (keys, closing) this often


def run_in_window(path, frames: Optional[int] = None, seconds: Optional[float] = None,
                  screenshot: Optional[str] = None, stdin_lines: Optional[List[str]] = None) -> dict:
    """Show the game in a window until it ends (closing the window ends the game)."""
    import pygame

    pygame.display.init()
    window = pygame.display.set_mode((640, 480), pygame.RESIZABLE)
    pygame.display.set_caption("KidCoder")
    # The terminal is the console: print output goes to stderr (stdout keeps the JSON result),
    # and input() reads the terminal, unless --stdin gave the lines.
    game = GameProcess(path, frames=frames or 0, interactive=stdin_lines is None, stdin_lines=stdin_lines)
    clock = pygame.time.Clock()
    started = time.monotonic()
    timed_out = False
    with game:
        game.start()
        if stdin_lines is None:
            threading.Thread(target=_forward_terminal_input, args=(game,), daemon=True).start()
        ended = False
        shown = 0
        quit_asked = None
        while not ended:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    quit_asked = quit_asked or time.monotonic()
                message = event_to_message(event)
                if message is not None:
                    game.send_event(message)
            for message in game.poll():
                if isinstance(message, protocol.Caption):
                    pygame.display.set_caption(f"KidCoder - {message.text}")
                if isinstance(message, protocol.DisplayOpened):
                    window = pygame.display.set_mode((message.width, message.height), pygame.RESIZABLE)
                if isinstance(message, ConsoleText):
                    sys.stderr.write(message.text)
                    sys.stderr.flush()
                if isinstance(message, ProcessEnded):
                    ended = True
            if game.latest_number() != shown:
                taken = game.latest_frame_into(lambda pixels, width, height: _blit(window, pixels, width, height))
                if taken is not None:       # (None: none yet, or torn while read: the next one is shown)
                    shown = taken[0]
                    pygame.display.flip()
            if quit_asked and time.monotonic() - quit_asked > 1.0:
                game.stop()      # the game ignored QUIT: closing the window still ends it
            if seconds and time.monotonic() - started > seconds:
                timed_out = True
                game.stop(reason="timeout")
                game.wait_ended(2.0)
                break
            _wait(game, clock)
        last = game.latest_frame()
        result = result_of(game, time.monotonic() - started, [], timed_out)
    pygame.display.quit()
    if screenshot and last is not None:
        save_png(last, os.fspath(screenshot))
    return result.as_contract()


def _blit(window, pixels, width: int, height: int) -> None:
    """A frame from the game's shared memory (B G R x) straight into the window: no copies on the way."""
    import pygame

    source = pygame.image.frombuffer(pixels, (width, height), PIXEL_FORMAT)
    source.set_alpha(None)          # the fourth byte is not transparency
    window.blit(source, (0, 0))


def _wait(game: GameProcess, clock) -> None:
    """Sleep until the game rings its doorbell after a frame (runner/frames.py), or LOOK_S for the window's
    own events; without a doorbell (Windows), look 120 times a second as before."""
    bell = game.frame_bell
    if bell is None:
        clock.tick(120)
    else:
        rang(bell, LOOK_S)


def _forward_terminal_input(game: GameProcess) -> None:
    """Lines typed in the terminal answer the game's input(); the end of input ends it kindly."""
    for line in sys.stdin:
        game.send_input(line.rstrip("\n"))
    game.end_input()
