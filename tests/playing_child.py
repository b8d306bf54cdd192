"""A scripted child for the fair-play tests: plays one game through the real runner on the fast clock.

It knows the game's state only from what the game prints. Every example and template
prints one line when a game ends (lost, won or time up) and nothing else, so a printed
line is an ending. Input goes in as the window sends it (key and mouse messages).
"""
from __future__ import annotations

import ast
import time
from collections import deque
from typing import Callable, List, Optional, Sequence, Tuple

import pygame

from kidcoder.runner.host import GameProcess
from kidcoder.runner.protocol import KeyEvent, MouseButton, MouseMotion, Press

REAL_SECONDS = 90.0     # the most real time one wait may take on a busy machine


class Child:
    """`with Child(path) as child:` starts the game; the methods wait, press keys and read endings."""

    def __init__(self, program):
        self.game = GameProcess(program, fast_clock=True)

    def __enter__(self) -> "Child":
        self.game.start()
        assert self.wait_until(lambda: self.frame_number() >= 2), "the game never showed a picture"
        return self

    def __exit__(self, *exc) -> None:
        self.game.close()

    # ---- what the child sees -------------------------------------------------------------
    def endings(self) -> List[str]:
        """The lines the game printed so far (each one is the end of a game)."""
        self.game.poll()
        return [line.strip() for line in self.game.console if line.endswith("\n") and line.strip()]

    def frame_number(self) -> int:
        self.game.poll()
        return self.game.latest_number()

    def picture(self) -> bytes:
        frame = self.game.latest_frame()
        return frame.pixels if frame is not None else b""

    def alive(self) -> bool:
        return self.game.running

    # ---- waiting ------------------------------------------------------------------------
    def wait_until(self, condition: Callable[[], bool], meanwhile: Optional[Callable[[], None]] = None,
                   seconds: float = REAL_SECONDS) -> bool:
        """Poll until condition() holds (doing meanwhile() each round), the game ends, or time runs out."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if condition():
                return True
            if not self.alive():
                return condition()
            if meanwhile is not None:
                meanwhile()
            time.sleep(0.01)
        return condition()

    def wait_frames(self, count: int) -> bool:
        target = self.frame_number() + count
        return self.wait_until(lambda: self.frame_number() >= target)

    def wait_for_ending(self, number: int, meanwhile: Optional[Callable[[], None]] = None) -> bool:
        """Wait until the game has printed `number` endings in all."""
        return self.wait_until(lambda: len(self.endings()) >= number, meanwhile)

    # ---- input --------------------------------------------------------------------------
    def key(self, key: int, action: Press, text: str = "") -> None:
        self.game.send_event(KeyEvent(action=action, key=key, unicode=text))

    def press(self, key: int, text: str = "") -> None:
        self.key(key, Press.DOWN, text)
        self.key(key, Press.UP, text)

    def hold_until_changed(self, key: int) -> bool:
        """Hold a key down until the picture changes (input reaches a busy game a little late), then let go."""
        before = self.picture()
        self.key(key, Press.DOWN)
        changed = self.wait_until(lambda: self.picture() != before)
        self.key(key, Press.UP)
        return changed

    def drag_until_changed(self, start: Tuple[int, int], end: Tuple[int, int]) -> bool:
        """Press the left mouse button at start, move to end, and let go once the picture changed."""
        before = self.picture()
        self.game.send_event(MouseMotion(pos=list(start), rel=[0, 0], buttons=[0, 0, 0]))
        self.game.send_event(MouseButton(action=Press.DOWN, pos=list(start), button=1))
        self.game.send_event(MouseMotion(pos=list(end), rel=[end[0] - start[0], end[1] - start[1]], buttons=[1, 0, 0]))
        changed = self.wait_until(lambda: self.picture() != before)
        self.game.send_event(MouseButton(action=Press.UP, pos=list(end), button=1))
        return changed


def maze_walk(source: str) -> List[int]:
    """The arrow keys from the start (column 1, row 1) to the exit E of the MAZE written in a program."""
    tree = ast.parse(source)
    maze = next(ast.literal_eval(node.value) for node in ast.walk(tree) if isinstance(node, ast.Assign)
                and any(isinstance(target, ast.Name) and target.id == "MAZE" for target in node.targets))
    moves = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}
    came = {(1, 1): None}
    todo = deque([(1, 1)])
    while todo:
        col, row = todo.popleft()
        if maze[row][col] == "E":
            keys, spot = [], (col, row)
            while came[spot] is not None:
                spot, key = came[spot]
                keys.append(key)
            return keys[::-1]
        for key, (dc, dr) in moves.items():
            step = (col + dc, row + dr)
            if step not in came and maze[step[1]][step[0]] != "#":
                came[step] = ((col, row), key)
                todo.append(step)
    raise AssertionError("the maze has no way out")


def press_all(child: Child, keys: Sequence[Tuple[int, str]]) -> None:
    for key, text in keys:
        child.press(key, text)
