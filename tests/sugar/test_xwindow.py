"""Tagging a pygame window for Sugar's shell (kidcoder.sugar.xwindow), on a real X server when there is one."""
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kidcoder.sugar.xwindow import sugar_properties

ROOT = Path(__file__).resolve().parents[2]

TAG = """
import os, subprocess, sys
import pygame
from kidcoder.sugar.xwindow import show_hidden_window, tag_pygame_window
pygame.display.init()
pygame.display.set_mode((200, 100), pygame.HIDDEN | pygame.RESIZABLE)
window = pygame.display.get_wm_info()["window"]
before = subprocess.run(["xwininfo", "-id", str(window)], capture_output=True, text=True).stdout
print("tagged", tag_pygame_window(pygame, "org.example.Test", "abc123"))
show_hidden_window(pygame)
pygame.display.flip()
pygame.event.pump()
print("same window", pygame.display.get_wm_info()["window"] == window)
print("hidden first", "IsUnMapped" in before)
print(subprocess.run(["xprop", "-id", str(window), "_SUGAR_BUNDLE_ID", "_SUGAR_ACTIVITY_ID"],
                     capture_output=True, text=True).stdout)
"""


def test_the_two_properties_sugars_shell_reads():
    assert sugar_properties("org.x.Y", "42") == {"_SUGAR_BUNDLE_ID": "org.x.Y", "_SUGAR_ACTIVITY_ID": "42"}


def test_without_an_x_window_nothing_is_tagged():
    done = subprocess.run([sys.executable, "-c", "import pygame; pygame.display.init(); "
                           "pygame.display.set_mode((10, 10)); from kidcoder.sugar.xwindow import tag_pygame_window; "
                           "print(tag_pygame_window(pygame, 'a.b', 'c'))"],
                          env=dict(os.environ, SDL_VIDEODRIVER="dummy", PYTHONPATH=str(ROOT)),
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "False"


@pytest.fixture
def x_server():
    if not all(shutil.which(tool) for tool in ("Xvfb", "xprop", "xwininfo")):
        pytest.skip("needs Xvfb, xprop and xwininfo (apt-get install xvfb x11-utils)")
    number = 90 + os.getpid() % 100
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "640x480x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not os.path.exists(f"/tmp/.X11-unix/X{number}") and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f":{number}"
    server.kill()
    server.wait()


def test_a_hidden_window_is_tagged_then_shown(x_server):
    env = dict(os.environ, DISPLAY=x_server, SDL_VIDEODRIVER="x11", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", TAG], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "tagged True" in done.stdout
    assert "same window True" in done.stdout and "hidden first True" in done.stdout
    assert '_SUGAR_BUNDLE_ID(STRING) = "org.example.Test"' in done.stdout
    assert '_SUGAR_ACTIVITY_ID(STRING) = "abc123"' in done.stdout
