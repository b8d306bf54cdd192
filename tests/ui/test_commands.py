"""The command table is the one list of the window's verbs: keys and buttons come from it, and every
name is bound to exactly one callable."""
import json

import pytest

from kidcoder.ui.actions import COMMANDS, Actions
from kidcoder.ui.game_control import GameState
from kidcoder.ui.keys import SHORTCUTS
from kidcoder.ui.toolbar import BUTTONS


def bound(**extra):
    calls = []
    handlers = {command.name: (lambda name=command.name: calls.append(name)) for command in COMMANDS}
    handlers.update(extra)
    return handlers, calls


def test_do_runs_the_bound_callable_and_ignores_unknown_names():
    handlers, calls = bound()
    actions = Actions(handlers, open_file=None, open_example=None)
    actions.do("run")
    actions.do("zoom_in")
    actions.do("format_disk")
    assert calls == ["run", "zoom_in"]


def test_a_command_without_a_handler_or_a_handler_without_a_command_is_refused():
    handlers, _ = bound()
    del handlers["stop"]
    with pytest.raises(ValueError, match="stop"):
        Actions(handlers, open_file=None, open_example=None)
    handlers, _ = bound(act_dance=lambda: None)
    with pytest.raises(ValueError, match="act_dance"):
        Actions(handlers, open_file=None, open_example=None)


def test_keys_and_buttons_come_from_the_table():
    names = [command.name for command in COMMANDS]
    assert len(names) == len(set(names))
    assert set(SHORTCUTS.values()) <= set(names)
    assert [spec.action for spec in BUTTONS] == [c.name for c in COMMANDS if c.bar]
    for spec in BUTTONS:
        assert spec.tip == spec.label + "_tip"


def test_game_states_still_compare_and_serialise_as_words():
    assert GameState.RUNNING == "running" and "paused" == GameState.PAUSED
    assert json.dumps({"state": GameState.STOPPED}) == '{"state": "stopped"}'
    assert f"{GameState.ENDED}" == "ended" and str(GameState.IDLE) == "idle"
