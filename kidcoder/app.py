"""Entry point for the window: `python main.py` and `kidcoder` with no subcommand."""
import gc
import os
import sys

EXIT_NO_DISPLAY = 2


def display_problem(environ, platform: str = sys.platform):
    """Why the window cannot open here, in one line, or None (pure: no display is touched)."""
    driver = environ.get("SDL_VIDEODRIVER")
    if driver:                      # dummy, offscreen, x11, wayland ...: the caller chose one
        return None
    if platform.startswith("linux") and not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY")):
        return "there is no display to open the window on (DISPLAY is not set); run it on the desktop"
    return None


HEADLESS_DRIVERS = ("offscreen", "dummy")


def _open_display(chosen: bool):
    """Start the video system now, so a display that cannot be reached gives one clear line
    (SDL's own chatter while it tries is kept out of the terminal). chosen: SDL_VIDEODRIVER was
    set on purpose, so an off-screen driver is what was asked for; otherwise it means no display."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from kidcoder.ui.pygame_import import import_pygame

    pygame = import_pygame()        # without its sound until a sound plays (ui/pygame_import.py)

    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as quiet:
            os.dup2(quiet.fileno(), 2)
        pygame.display.init()
        driver = pygame.display.get_driver()
    except pygame.error as exc:
        return f"the window cannot open: {exc}"
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    if driver in HEADLESS_DRIVERS and not chosen:
        pygame.display.quit()
        return f"the window cannot open: no display could be reached (DISPLAY={os.environ.get('DISPLAY', '')})"
    return None


def main(argv=None, host=None):
    """Open the KidCoder window; returns the process exit code. host: see kidcoder.ui.start.run_app."""
    # Loading the window makes a few hundred thousand objects and almost no garbage: the collector walking
    # them again and again was ~6% of the processor time to the first picture. It waits from here to the
    # whole window's first frame (kidcoder.ui.splash.window_shown), as it did from the splash on.
    gc.disable()
    if os.environ.get("SDL_VIDEODRIVER") == "":
        del os.environ["SDL_VIDEODRIVER"]          # empty means "choose": let SDL choose
    problem = display_problem(os.environ) or _open_display(bool(os.environ.get("SDL_VIDEODRIVER")))
    if problem:
        gc.enable()
        print(f"kidcoder: {problem}", file=sys.stderr)
        return EXIT_NO_DISPLAY
    from kidcoder.ui.start import run_app

    return run_app(argv, host=host)
