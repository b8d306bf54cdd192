"""The window's process imports pygame without its sound and developer modules (ui/pygame_import.py): no
SDL_mixer and no sound libraries before the first picture, and the sound picker still plays a sound
(loading them then); the developer modules still import when asked for."""
import sys

import pygame

from kidcoder import paths
from kidcoder.ui import pygame_import
from tests.ui.driver import fresh_python

MAPPED = "any('SDL2_mixer' in line for line in open('/proc/self/maps'))"


def test_the_window_process_opens_without_the_sound_libraries_and_a_sound_still_plays():
    beep = str(paths.assets_dir() / "sounds" / "beep.wav")
    code = ("import os, sys; os.environ['SDL_VIDEODRIVER'] = 'dummy'; os.environ['SDL_AUDIODRIVER'] = 'dummy'\n"
            "from kidcoder.app import _open_display\n"
            "assert _open_display(True) is None\n"
            "import pygame\n"
            "from kidcoder.ui import pygame_import\n"
            "from kidcoder.ui.library_actions import SoundPlayer\n"
            f"before = ({MAPPED}, bool(pygame.mixer), pygame_import.sound_loaded())\n"
            "player = SoundPlayer()\n"
            "player.quiet()                      # the picker closed before any sound: nothing to give back\n"
            f"played = player.play({beep!r}) == {beep!r}\n"
            f"after = ({MAPPED}, pygame_import.sound_loaded(), bool(pygame.mixer.get_init()), pygame.mixer.music is not None)\n"
            "player.quiet()\n"
            "print(before, played, after, pygame.mixer.get_init())")
    assert fresh_python(code) == "(False, False, False) True (True, True, True, True) None"


def test_pygame_imported_already_is_kept_as_it_is():
    assert "pygame" in sys.modules
    assert pygame_import.import_pygame() is pygame and pygame_import.sound_loaded()
    assert pygame_import.mixer() is pygame.mixer


def test_the_developer_modules_wait_and_still_import_when_asked_for():
    code = ("import sys\n"
            "from kidcoder.ui.pygame_import import import_pygame\n"
            "pygame = import_pygame()\n"
            "before = ('pygame._debug' in sys.modules, 'pygame.typing' in sys.modules, 'traceback' in sys.modules)\n"
            "import pygame.typing\n"
            "from pygame._debug import print_debug_info\n"
            "print(before, pygame.typing.Point is not None, callable(print_debug_info), pygame.Rect(1, 2, 3, 4).w)")
    assert fresh_python(code) == "(False, False, False) True True 3"
