"""Drive the real window in tests: post pygame events and step frames until something happens."""
import os
import subprocess
import sys
import time

import pygame

from kidcoder.config import Settings


def fresh_python(code: str, **env) -> str:
    """Run code in a new Python process (what a start imports, with nothing imported before) and return the
    last line it printed; the process must succeed."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **env})
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def make_app(size=(1200, 900), **settings):
    from kidcoder.ui.app import App

    return App(Settings(**settings), size=size)


def close_app(app):
    app.shutdown()
    pygame.display.quit()


def key(app, k, mod=0, unicode="", steps=1):
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0))
    pygame.event.post(pygame.event.Event(pygame.KEYUP, key=k, mod=mod, unicode=unicode, scancode=0))
    step(app, steps)


def step(app, count=1):
    for _ in range(count):
        app.step()


def run_until(app, condition, timeout=30.0, what="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.step()
        if condition():
            return True
        time.sleep(0.005)
    raise AssertionError(f"timed out waiting for {what}")


def type_program(app, text):
    """Type text the way a child does: letters as TEXTINPUT, Enter as a key (the editor auto-indents,
    so each new line's indent is selected with Shift+Home and typed over)."""
    for number, line in enumerate(text.split("\n")):
        if number:
            key(app, pygame.K_RETURN, steps=0)
            key(app, pygame.K_HOME, mod=pygame.KMOD_LSHIFT, steps=0)
        if line:
            pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=line))
        app.step()


def centre_colour(app):
    frame = app.preview.last_frame
    if frame is None:
        return None
    w, h = frame.get_size()
    return tuple(frame.get_at((w // 2, h // 2)))[:3]
