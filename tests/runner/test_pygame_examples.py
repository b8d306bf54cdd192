"""Every example shipped inside pygame-ce that runs a continuous loop without extra input runs to N frames.

Left out, with the reason: arraydemo, blend_fill, pixelarray, scroll, scrap_clipboard, fonty, freetype_misc
(they wait for a key press before each new frame), camera and audiocapture (need a camera or microphone),
cursors (system cursors need a real screen), glcube, window_opengl, sprite_texture, video,
setmodescale, prevent_display_stretching (OpenGL, extra windows, internal renderer API or Windows only),
vgrade (numpy-heavy, seconds per frame), and the ones that draw no frames at all (headless_no_windows_needed,
midi, playmus, scaletest, sound, sound_array_demos).
"""
import os

import pygame.examples
import pytest

from kidcoder.runner.headless import run_program

EXAMPLES = ["aacircle", "aliens", "blit_blends", "chimp", "dropevent", "eventlist", "font_viewer",
            "go_over_there", "joystick", "liquid", "mask", "moveit", "multiplayer_joystick",
            "music_drop_fade", "ninepatch", "resizing_new", "retro_scaling", "stars", "testsprite", "textinput"]
FOLDER = os.path.dirname(pygame.examples.__file__)


@pytest.mark.parametrize("name", EXAMPLES)
def test_pygame_example_runs(name):
    result = run_program(os.path.join(FOLDER, name + ".py"), frames=20, seconds=30)
    assert result.exit == "ok", result.error
    assert result.frames == 20
