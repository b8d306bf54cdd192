"""Run states are string enums: the end of a game is worked out from its messages, and JSON sees plain text."""
import json

import pytest

from kidcoder.runner.protocol import Finished, FinishReason
from kidcoder.runner.states import GameStatus, RunExit, ended_status, run_exit


@pytest.mark.parametrize("reason,code,stop,status", [
    ("quit", 0, None, "ok"), ("frames", 0, None, "ok"), ("quit", 3, None, "error"),
    ("error", 1, None, "error"), ("memory", 1, None, "killed"), ("stopped", 0, None, "stopped"),
    ("quit", 0, GameStatus.TIMEOUT, "timeout"), (None, None, GameStatus.STOPPED, "stopped"),
    (None, None, None, "killed"), (None, None, GameStatus.KILLED, "killed"),
])
def test_how_a_game_ended(reason, code, stop, status):
    finished = Finished(reason=FinishReason(reason), frames=1, exit_code=code) if reason else None
    assert ended_status(finished, stop, returncode=code or 0, frames_seen=1, frame_limit=1) == status


@pytest.mark.parametrize("claim,returncode,seen,limit,oom,status", [
    ("quit", -9, 0, 0, False, "killed"),       # "quit", then the kernel killed it: what the app saw wins
    ("quit", 1, 0, 0, False, "error"),         # says it quit well, but the process failed
    ("frames", 0, 3, 60, False, "killed"),     # claims the frame limit, the app saw 3 frames
    ("frames", 0, 0, 0, False, "killed"),      # claims a frame limit there was none of
    ("frames", 0, 60, 60, False, "ok"),
    ("quit", 0, 0, 0, True, "killed"),         # the memory cgroup ended it
])
def test_the_end_comes_from_what_the_app_saw_not_from_the_games_claim(claim, returncode, seen, limit, oom, status):
    finished = Finished(reason=FinishReason(claim), frames=10 ** 6, exit_code=0)
    assert ended_status(finished, None, returncode=returncode, out_of_memory=oom, frames_seen=seen,
                        frame_limit=limit) == status


def test_the_contract_exit_counts_a_stopped_game_as_killed():
    assert [run_exit(status) for status in GameStatus] == ["killed", "ok", "error", "killed", "killed", "timeout"]
    assert all(isinstance(run_exit(status), RunExit) for status in GameStatus)


def test_states_are_plain_text_in_json_strings_and_comparisons():
    assert json.dumps({"exit": RunExit.TIMEOUT}) == '{"exit": "timeout"}'
    assert f"ended with {RunExit.OK}" == "ended with ok" and str(GameStatus.STOPPED) == "stopped"
    assert GameStatus.ERROR == "error" and "error" == GameStatus.ERROR and GameStatus("ok") is GameStatus.OK


def test_a_real_run_reports_a_run_exit_that_serialises_as_text():
    from kidcoder.runner.headless import run_source

    result = run_source("print('hi')\n", frames=1, seconds=20)
    assert result.exit is RunExit.OK
    assert json.loads(json.dumps(result.as_contract()))["exit"] == "ok"
