"""KidCoder's `pippy` module: Pippy programs (`import pippy`) run unchanged in KidCoder.

Written for KidCoder (MIT). It offers the names Pippy's library offers, with the
same meaning: pippy.pygame (next_frame, pause), pippy.console, pippy.sound and
pippy.wait. Nothing here imports KidCoder, so exported games carry it as it is.
"""
import time

from pippy import console, sound
from pippy import game as pygame  # noqa: F401  (Pippy programs say pippy.pygame.next_frame())

__all__ = ["console", "pygame", "sound", "wait"]


def wait(delay=0.1):
    """Stop for `delay` seconds: Pippy's text animations call this between pictures."""
    time.sleep(delay)
