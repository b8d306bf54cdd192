"""The probe run plays real games in real child processes and reports what a child would see."""
import textwrap
from pathlib import Path

import pytest

from kidcoder.diagnosis.symptoms import behaviour, serious, symptoms
from kidcoder.runner import protocol
from kidcoder.runner.probe import probe_program, probe_source

EXAMPLES = Path(__file__).resolve().parents[2] / "assets" / "examples"
HEADER = "import pygame\npygame.init()\nscreen = pygame.display.set_mode((200, 150))\nclock = pygame.time.Clock()\n"


def probe(tmp_path, body: str, name: str = "game.py"):
    path = tmp_path / name
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    trace = probe_program(path)
    return trace, symptoms(trace)


def kinds(found):
    return {(s.kind, s.trigger) for s in found}


def test_probe_messages_round_trip():
    for message in (protocol.ProbeAsk(), protocol.ProbeReport(frames=3, event_reads=4, set_modes=1, line=7,
                                                              function="move", waiting="", pygame=True,
                                                              cpu=0.25)):
        assert protocol.decode(protocol.encode(message)) == message


def test_a_game_that_animates_plays_through_and_closes():
    # a budget no busy machine runs out of: every step of the plan is played (the test is not about speed)
    trace = probe_program(EXAMPLES / "bouncing_ball.py", budget=60.0)
    assert serious(symptoms(trace)) == [], trace["runs"][0]["steps"]
    assert behaviour(trace) == "animates"
    steps = trace["runs"][0]["steps"]
    assert [s["input"] for s in steps][:2] == ["start", "idle"]
    assert steps[-1]["input"] == "close" and steps[-1]["ended"]
    assert any(s["input"] == "mouse:click" for s in steps)


def test_a_key_that_starts_an_endless_loop_is_found_with_its_line(tmp_path):
    trace, found = probe(tmp_path, """
        x = 0
        while True:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    pygame.quit()
                    raise SystemExit
                while event.type == pygame.KEYDOWN:
                    x = x + 1
            screen.fill((0, 0, 0))
            pygame.display.flip()
            clock.tick(60)
        """)
    stuck = [s for s in found if s.kind == "stuck_input"]
    assert stuck and stuck[0].trigger == "key:right"
    assert stuck[0].line in (12, 13)          # inside the while event.type loop


def on_right(setup: str, action: str) -> str:
    """A game that does `action` when Right is pressed, and otherwise draws and closes like any other."""
    return f"""
        {setup}
        while True:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    pygame.quit()
                    raise SystemExit
                if event.type == pygame.KEYDOWN and event.key == pygame.K_RIGHT:
                    {action}
            screen.fill((0, 0, 0))
            pygame.display.flip()
            clock.tick(60)
        """


def test_a_game_held_back_a_moment_without_spinning_or_sleeping_is_not_stuck(tmp_path):
    # What a starved game looks like to the probe (a busy laptop, a host that took the virtual core):
    # no frame and no event read, yet its main thread neither runs nor sleeps by itself. Here it
    # waits on a lock (a futex) for longer than the stall time after Right, then plays on.
    trace, found = probe(tmp_path, on_right("import threading; held = threading.Event()", "held.wait(2.5)"))
    assert serious(found) == []
    assert [s["input"] for s in trace["runs"][0]["steps"]][:3] == ["start", "idle", "key:right"]


def test_a_game_that_thinks_hard_once_after_a_key_and_plays_on_is_not_stuck(tmp_path):
    # Past the CPU limit without a frame, once (a long calculation; on CI, a machine that held the game up
    # while its reports said it spent CPU): the last look before calling it stuck sees it play on.
    trace, found = probe(tmp_path, on_right("import time", "t = time.time()\n"
                                            "                    while time.time() - t < 0.6:\n"
                                            "                        pass"))
    assert serious(found) == [], trace["runs"][0]["steps"]
    assert "key:left" in [s["input"] for s in trace["runs"][0]["steps"]]


def test_a_key_that_puts_the_game_to_sleep_for_long_is_stuck(tmp_path):
    # ... while a game that sleeps by itself after a key is frozen for the child.
    trace, found = probe(tmp_path, on_right("import time", "time.sleep(30)"))
    assert ("stuck_input", "key:right") in kinds(found)


def test_a_loop_without_events_or_frames_is_stuck_at_the_start(tmp_path):
    trace, found = probe(tmp_path, "while True:\n    pass\n")
    assert ("stuck_start", "start") in kinds(found)
    assert next(s for s in found if s.kind == "stuck_start").line == 5
    assert behaviour(trace) == "stuck"


def test_quit_compared_with_the_function_cannot_be_closed(tmp_path):
    trace, found = probe(tmp_path, """
        game = True
        while game:
            for e in pygame.event.get():
                if e.type == pygame.quit:
                    game = False
            pygame.display.update()
            clock.tick(60)
        """)
    assert ("cannot_close", "close") in kinds(found)


def test_quit_inside_the_loop_crashes_when_the_window_closes(tmp_path):
    trace, found = probe(tmp_path, """
        while True:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    pygame.quit()
            screen.fill((0, 0, 90))
            pygame.display.flip()
            clock.tick(60)
        """)
    crash = [s for s in found if s.kind == "crash_close"]
    assert crash and crash[0].line in (6, 9, 10)


def test_a_click_that_crashes_is_tied_to_the_click(tmp_path):
    trace, found = probe(tmp_path, """
        while True:
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    raise SystemExit
                if event.type == pygame.MOUSEBUTTONDOWN:
                    score = score + 1
            pygame.display.flip()
            clock.tick(60)
        """)
    assert ("crash_input", "mouse:click") in kinds(found)
    assert next(s for s in found if s.kind == "crash_input").line == 11     # score = score + 1


def test_a_program_that_draws_only_on_events_waits_and_is_healthy(tmp_path):
    trace, found = probe(tmp_path, """
        screen.fill((255, 255, 255))
        pygame.display.flip()
        while True:
            event = pygame.event.wait()
            if event.type == pygame.QUIT:
                break
            if event.type == pygame.MOUSEBUTTONDOWN:
                pygame.draw.circle(screen, (0, 0, 255), event.pos, 5)
                pygame.display.flip()
        pygame.quit()
        """)
    assert serious(found) == []
    assert behaviour(trace) == "waits"
    click = next(s for s in trace["runs"][0]["steps"] if s["input"] == "mouse:click")
    assert click["changed"] and click["frames"] >= 1


def test_no_window_and_ends_at_once(tmp_path):
    path = tmp_path / "nowindow.py"
    path.write_text("import pygame\npygame.init()\nwhile True:\n    for e in pygame.event.get():\n"
                    "        if e.type == pygame.QUIT:\n            raise SystemExit\n", encoding="utf-8")
    assert ("no_window", "start") in kinds(symptoms(probe_program(path)))
    found = symptoms(probe_source("import pygame\nscreen = pygame.display.set_mode((100, 100))\n"))
    assert [s.kind for s in found] == ["ends_at_once"]


@pytest.mark.parametrize("body", ["print('hello')\n"])
def test_a_program_without_pygame_has_no_game_symptoms(tmp_path, body):
    path = tmp_path / "plain.py"
    path.write_text(body, encoding="utf-8")
    assert symptoms(probe_program(path)) == []


@pytest.mark.parametrize("body", ["screen.fill((0, 0, 0))", "pygame.time.wait(20)", "time.sleep(0.02)"])
def test_a_loop_told_surely_endless_is_stuck_at_the_same_line(tmp_path, body):
    path = tmp_path / "game.py"
    path.write_text(HEADER + f"import time\nx = 0\nwhile x < 100:\n    {body}\n", encoding="utf-8")
    trace = probe_program(path, stuck_lines={7, 8})
    stuck = [s for s in symptoms(trace) if s.kind == "stuck_start"]
    assert stuck and stuck[0].line in (7, 8)
    assert len(trace["runs"]) == 1         # stuck before any input: no second run to try closing


def test_a_surely_endless_loop_that_crashes_on_its_first_round_is_a_crash(tmp_path):
    path = tmp_path / "game.py"
    path.write_text(HEADER + "while True:\n    screen.fill(colour)\n", encoding="utf-8")
    found = symptoms(probe_program(path, stuck_lines={5, 6}))
    assert [s.kind for s in serious(found)] == ["crash_start"]
    assert serious(found)[0].line == 6


def test_a_program_that_names_pygame_only_in_a_comment_is_not_a_game(tmp_path):
    path = tmp_path / "notes.py"
    path.write_text("# python3 -m pygame.examples.aliens\nprint('hello')\n", encoding="utf-8")
    trace = probe_program(path)
    assert trace["runs"][0]["pygame"] is False
    assert serious(symptoms(trace)) == []
