"""Loaded by a plain `python game.py` in the made-game tests (PYTHONPATH points here): it only watches.

It counts display flips and stops the game after PLAY_FRAMES of them, and notes
every picture file the game loads, in a JSON file named by PLAY_REPORT.
"""
import json
import os

if os.environ.get("PLAY_FRAMES"):
    import pygame

    _state = {"frames": 0, "loaded": []}
    _flip, _load = pygame.display.flip, pygame.image.load

    def _report_and_stop():
        with open(os.environ["PLAY_REPORT"], "w", encoding="utf-8") as handle:
            json.dump(_state, handle)
        os._exit(0)

    def flip(*args, **kwargs):
        result = _flip(*args, **kwargs)
        _state["frames"] += 1
        if _state["frames"] >= int(os.environ["PLAY_FRAMES"]):
            _report_and_stop()
        return result

    def load(file, *args, **kwargs):
        _state["loaded"].append(str(file))
        return _load(file, *args, **kwargs)

    pygame.display.flip = flip
    pygame.image.load = load
