"""pippy.pygame: frame pacing for Pippy's pygame programs (next_frame and pause).

next_frame(max_fps) holds the loop to at most max_fps frames a second and, after
idle_timeout seconds with no key press, click or mouse move, shows a PAUSED screen
until the player does something: on an XO this saves the battery. Written for
KidCoder; the names and meanings follow Pippy's library.
"""
import os

import pygame

# Events that mean "someone is playing": any of them in the queue resets the idle time.
_INPUT_NAMES = ("KEYDOWN", "KEYUP", "MOUSEBUTTONDOWN", "MOUSEBUTTONUP", "MOUSEMOTION", "MOUSEWHEEL",
                "JOYAXISMOTION", "JOYBUTTONDOWN", "JOYBUTTONUP", "JOYHATMOTION", "FINGERDOWN",
                "FINGERUP", "FINGERMOTION", "TEXTINPUT", "QUIT")
# Events that end a pause.
_WAKE_NAMES = ("KEYDOWN", "MOUSEBUTTONDOWN", "JOYBUTTONDOWN", "FINGERDOWN", "QUIT")
_PAUSED_WORDS = {"en": "PAUSED", "es": "EN PAUSA"}


def _types(names):
    return [getattr(pygame, name) for name in names if hasattr(pygame, name)]


class _Pacer:
    """What next_frame remembers between calls."""

    def __init__(self):
        self.clock = None
        self.last_input_ms = 0
        self.flips = None          # counts the game's own flips, only on an off-screen display
        self.flips_at_last_frame = 0


_pacer = _Pacer()


def _paused_word():
    language = (os.environ.get("LANGUAGE") or os.environ.get("LANG") or "en")[:2].lower()
    return _PAUSED_WORDS.get(language, _PAUSED_WORDS["en"])


def pause():
    """Dim the picture, write PAUSED in the middle, and wait for a key press or a click.

    The key or click that ends the pause still reaches the game; the picture comes back as it was."""
    screen = pygame.display.get_surface()
    if screen is None:
        return
    saved = screen.copy()
    shade = pygame.Surface(screen.get_size())
    shade.set_alpha(128)
    screen.blit(shade, (0, 0))
    if not pygame.font.get_init():
        pygame.font.init()
    label = pygame.font.Font(None, 36).render(_paused_word(), True, (0, 0, 0), (255, 255, 255))
    place = label.get_rect(center=screen.get_rect().center)
    screen.fill((255, 255, 255), place.inflate(label.get_width(), label.get_height()))
    screen.blit(label, place)
    pygame.display.flip()
    wake = _types(_WAKE_NAMES)
    while True:
        event = pygame.event.wait()
        if event.type in wake:
            pygame.event.post(event)
            break
    screen.blit(saved, (0, 0))
    pygame.display.flip()


def _count_flips():
    """On an off-screen display (KidCoder's preview) count the game's flips, so next_frame can tell
    whether the game showed anything since the last frame."""
    counter = [0]
    display = pygame.display
    for name in ("flip", "update"):
        original = getattr(display, name)

        def counted(*args, _original=original, **kwargs):
            counter[0] += 1
            return _original(*args, **kwargs)

        setattr(display, name, counted)
    return counter


def _show_frame_offscreen():
    """A program that drew once and then only waits (Pippy's tree) never flips again. On a real
    screen the picture stays; an off-screen display such as KidCoder's preview is shown the same
    picture again, so it knows the program is still there."""
    if pygame.display.get_surface() is None or pygame.display.get_driver() != "dummy":
        return
    if _pacer.flips is None:
        _pacer.flips = _count_flips()
    elif _pacer.flips[0] == _pacer.flips_at_last_frame:
        pygame.display.flip()
    _pacer.flips_at_last_frame = _pacer.flips[0]


def next_frame(max_fps=20, idle_timeout=20, clock=None, pause=pause):
    """Wait so the loop runs at most max_fps times a second; always returns True (for `while`).

    After idle_timeout seconds without input, pause() is called (a PAUSED screen until a key
    press or click). Pass your own pygame.time.Clock as clock, or your own pause function."""
    if pygame.display.get_init():
        _show_frame_offscreen()
    if clock is None:
        if _pacer.clock is None:
            _pacer.clock = pygame.time.Clock()
        clock = _pacer.clock
    clock.tick(max_fps)
    if not pygame.display.get_init():
        return True
    now = pygame.time.get_ticks()
    if pygame.event.peek(_types(_INPUT_NAMES)):
        _pacer.last_input_ms = now
    elif idle_timeout and now - _pacer.last_input_ms >= idle_timeout * 1000:
        pause()
        _pacer.last_input_ms = pygame.time.get_ticks()
    return True
