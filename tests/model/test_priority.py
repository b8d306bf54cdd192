"""The model worker steps aside (model/priority.py): its own session, the lowest group weight, a lower nice."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kidcoder.model.priority import GROUP_NICE_ONE_CORE, NICE, NICE_ONE_CORE, nice_for

ROOT = Path(__file__).resolve().parents[2]
STEP_ASIDE = """
import json, os, sys
from kidcoder.model.priority import step_aside
done = step_aside(int(sys.argv[1]), sys.argv[2])
print(json.dumps({"done": done, "leader": os.getsid(0) == os.getpid(), "nice": os.nice(0)}))
"""


def _step_aside_in_a_child(cores, autogroup_path):
    out = subprocess.run([sys.executable, "-c", STEP_ASIDE, str(cores), str(autogroup_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_one_core_gets_the_lowest_priority():
    assert nice_for(1) == NICE_ONE_CORE == 19
    assert nice_for(None) == NICE_ONE_CORE
    assert nice_for(2) == nice_for(8) == NICE < NICE_ONE_CORE


@pytest.mark.skipif(not hasattr(os, "setsid"), reason="needs setsid and nice")
@pytest.mark.parametrize("cores", [1, 2])
def test_the_worker_leaves_the_windows_session_and_priority(cores, tmp_path):
    group = tmp_path / "autogroup"
    group.write_text("/autogroup-1 nice 0\n")
    result = _step_aside_in_a_child(cores, group)
    assert result["leader"] and result["done"]["session"] is True
    if cores == 1:       # one core: the group gets the lowest weight too
        assert group.read_text() == str(GROUP_NICE_ONE_CORE) == str(result["done"]["group_nice"])
    else:                # more cores: other programs must not starve the model's group
        assert group.read_text() == "/autogroup-1 nice 0\n" and result["done"]["group_nice"] is None
    assert result["nice"] == max(os.nice(0), nice_for(cores)) == result["done"]["nice"]


@pytest.mark.skipif(not os.path.exists("/proc/self/autogroup"), reason="the kernel has no autogroup")
def test_the_kernel_takes_the_lowest_group_weight():
    result = _step_aside_in_a_child(1, "/proc/self/autogroup")
    assert result["done"]["group_nice"] == GROUP_NICE_ONE_CORE


def test_without_autogroup_the_other_steps_still_happen(tmp_path):
    result = _step_aside_in_a_child(1, tmp_path / "missing" / "autogroup")
    assert result["done"]["group_nice"] is None
    assert result["nice"] == max(os.nice(0), NICE_ONE_CORE)


def test_usable_cores_are_the_ones_this_process_may_run_on():
    from kidcoder.model.threads import usable_cores
    assert usable_cores() == len(os.sched_getaffinity(0))
    pid = os.fork()
    if pid == 0:                                  # a child pinned to one core, as the XO profile does
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        os._exit(0 if usable_cores() == 1 else 1)
    assert os.waitpid(pid, 0)[1] == 0
