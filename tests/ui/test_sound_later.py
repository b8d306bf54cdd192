"""The window's process imports pygame without its sound (ui/sound_later.py): no SDL_mixer and no sound
libraries before the first picture, and the sound picker still plays a sound (loading them then)."""
import sys

import pygame

from kidcoder import paths
from kidcoder.ui import sound_later
from tests.ui.driver import fresh_python

MAPPED = "any('SDL2_mixer' in line for line in open('/proc/self/maps'))"


def test_the_window_process_opens_without_the_sound_libraries_and_a_sound_still_plays():
    beep = str(paths.assets_dir() / "sounds" / "beep.wav")
    code = ("import os, sys; os.environ['SDL_VIDEODRIVER'] = 'dummy'; os.environ['SDL_AUDIODRIVER'] = 'dummy'\n"
            "from kidcoder.app import _open_display\n"
            "assert _open_display(True) is None\n"
            "import pygame\n"
            "from kidcoder.ui import sound_later\n"
            "from kidcoder.ui.library_actions import SoundPlayer\n"
            f"before = ({MAPPED}, bool(pygame.mixer), sound_later.sound_loaded())\n"
            "player = SoundPlayer()\n"
            "player.quiet()                      # the picker closed before any sound: nothing to give back\n"
            f"played = player.play({beep!r}) == {beep!r}\n"
            f"after = ({MAPPED}, sound_later.sound_loaded(), bool(pygame.mixer.get_init()), pygame.mixer.music is not None)\n"
            "player.quiet()\n"
            "print(before, played, after, pygame.mixer.get_init())")
    assert fresh_python(code) == "(False, False, False) True (True, True, True, True) None"


def test_pygame_imported_already_is_kept_as_it_is():
    assert "pygame" in sys.modules
    assert sound_later.import_pygame() is pygame and sound_later.sound_loaded()
    assert sound_later.mixer() is pygame.mixer
