"""The fps a child sees is frames shown per second over the last seconds, never a burst rate."""
import time

import pytest

from kidcoder.runner.frame_rate import FrameRate
from kidcoder.runner.host import GameProcess


def test_a_steady_game_shows_its_real_rate():
    rate = FrameRate()
    for number in range(1, 601):                    # 10 s at 60 fps
        rate.seen(number, 100.0 + number / 60)
    assert rate.recent(100.0 + 600 / 60) == pytest.approx(60, abs=1)
    assert rate.overall(100.0 + 600 / 60) == pytest.approx(60, abs=1)


def test_a_burst_then_nothing_is_not_two_thousand_fps():
    rate = FrameRate()
    for number in range(1, 8):                      # 7 frames within 3 ms, then the game waits
        rate.seen(number, 50.0 + number * 0.0005)
    assert rate.recent(50.0 + 0.5) == 0.0           # too early to say anything
    assert rate.recent(51.5) == pytest.approx(7 / 1.5, abs=0.01)   # all it showed, over the time so far
    assert rate.recent(60.0) == 0.0                 # 10 s later: nothing was shown lately
    assert rate.overall(60.0) == pytest.approx(0.7, abs=0.01)   # 7 frames in 10 s


def test_frames_the_host_did_not_see_still_count():
    rate = FrameRate()
    for step in range(0, 300):                      # the host looks every 1/30 s at a 120 fps game
        rate.seen(step * 4 + 1, 10.0 + step / 30)
    assert rate.recent(10.0 + 299 / 30) == pytest.approx(120, abs=3)


def test_a_game_that_slows_down_shows_the_new_rate_within_the_window():
    rate = FrameRate()
    number = 0
    for tick in range(600):                         # 10 s at 60 fps ...
        number += 1
        rate.seen(number, tick / 60)
    for tick in range(1, 21):                       # ... then 5 s at 4 fps
        number += 1
        rate.seen(number, 10 + tick / 4)
    assert rate.recent(15.0) == pytest.approx(4, abs=0.5)


def test_older_frames_are_forgotten():
    rate = FrameRate(window_s=3.0)
    for number in range(1, 10001):
        rate.seen(number, number / 100)
    assert len(rate._samples) <= 3 * 100 + 2


EVENT_DRIVEN = """import pygame
pygame.init()
screen = pygame.display.set_mode((80, 60))
for shade in range(7):
    screen.fill((shade * 30, 0, 0))
    pygame.display.flip()
while True:
    event = pygame.event.wait()
    if event.type == pygame.QUIT:
        break
    screen.fill((0, 0, 255))
    pygame.display.flip()
pygame.quit()
"""


def test_an_event_driven_game_in_a_real_process_is_not_reported_as_a_burst(tmp_path):
    program = tmp_path / "waits.py"
    program.write_text(EVENT_DRIVEN)
    with GameProcess(program, interactive=False) as game:
        game.start()
        deadline = time.monotonic() + 20
        seen, quiet_since = 0, time.monotonic()
        while time.monotonic() < deadline and (seen < 7 or time.monotonic() - quiet_since < 0.5):
            game.poll()                                      # until it has drawn and then rests
            if game.latest_number() != seen:
                seen, quiet_since = game.latest_number(), time.monotonic()
            time.sleep(0.005)
        assert seen >= 7, "the game drew its frames"
        first_when = game.frame_rate.first[0]
        last_when = game.frame_rate._samples[-1][0]
        assert game.fps(now=last_when + 3.1) == 0.0          # nothing drawn in the last 3 seconds
        assert game.fps(now=first_when + 10) == 0.0
        assert 0 < game.average_fps(now=first_when + 10) <= seen / 10      # at most its frames over 10 s
