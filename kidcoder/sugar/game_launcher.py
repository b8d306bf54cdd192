"""Start a game as a Sugar activity, full screen: `python3 launch_game.py GAME.py -b BUNDLE_ID -a ACTIVITY_ID`.

`kidcoder export --xo` copies this file into every game bundle as launch_game.py,
next to the game, which stays exactly as the child wrote it (`python3 GAME.py`
still runs it). It needs only pygame 2: each window the game opens is made hidden,
tagged for Sugar's shell (sugar_window.py), then shown; Sugar shows it over the
whole screen, and a game that asked for a smaller window is scaled up to fill it
(pygame's SCALED mode), so the game's own coordinates do not change.
"""
import os
import runpy
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Where a classroom installs KidCoder (see KidCoder's README): its Python has pygame-ce.
OTHER_PYTHONS = ("/opt/kidcoder/venv/bin/python3",)


def parse_arguments(argv):
    """(game file, bundle id, activity id) from our command line; the ids are None outside Sugar."""
    game, bundle_id, activity_id = None, None, None
    items = list(argv)
    while items:
        item = items.pop(0)
        if item in ("-b", "--bundle-id") and items:
            bundle_id = items.pop(0)
        elif item in ("-a", "--activity-id") and items:
            activity_id = items.pop(0)
        elif item in ("-o", "--object-id", "-u", "--uri") and items:
            items.pop(0)
        elif not item.startswith("-") and game is None:
            game = item
    return game, bundle_id, activity_id


def _import_pygame():
    """pygame, or a restart with KidCoder's Python when this one has no pygame."""
    try:
        import pygame
        return pygame
    except ImportError:
        for python in OTHER_PYTHONS:
            if os.path.exists(python) and os.path.realpath(python) != os.path.realpath(sys.executable):
                os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])
        raise


def sugar_window_flags(pygame, size, flags):
    """The flags for a game window in Sugar. The shell shows every activity window maximized and
    without a border, which is Sugar's full screen, and keeps its frame (F6) above it; a FULLSCREEN
    window would cover the frame. So: resizable, and SCALED when the game asked for a size, so its
    picture grows to the screen while the game's own coordinates stay the same."""
    flags = (int(flags) & ~pygame.FULLSCREEN) | pygame.RESIZABLE
    if tuple(size) != (0, 0) and not flags & getattr(pygame, "OPENGL", 0):
        flags |= getattr(pygame, "SCALED", 0)
    return flags


def open_windows_for_sugar(pygame, bundle_id, activity_id):
    """Make pygame.display.set_mode open each window tagged for Sugar, to fill the screen."""
    from sugar_window import show_hidden_window, tag_pygame_window

    original = pygame.display.set_mode

    def set_mode(size=(0, 0), flags=0, *args, **kwargs):
        flags = sugar_window_flags(pygame, size, flags) | pygame.HIDDEN
        surface = original(size, flags, *args, **kwargs)
        if bundle_id and activity_id:
            tag_pygame_window(pygame, bundle_id, activity_id)
        show_hidden_window(pygame)
        return surface

    pygame.display.set_mode = set_mode


def main(argv=None):
    game, bundle_id, activity_id = parse_arguments(sys.argv[1:] if argv is None else argv)
    if not game:
        sys.exit("usage: launch_game.py GAME.py [-b BUNDLE_ID -a ACTIVITY_ID]")
    os.chdir(HERE)
    sys.path[:0] = [HERE]
    pygame = _import_pygame()
    open_windows_for_sugar(pygame, bundle_id, activity_id)
    sys.argv = [os.path.join(HERE, game)]
    runpy.run_path(sys.argv[0], run_name="__main__")


if __name__ == "__main__":
    main()
