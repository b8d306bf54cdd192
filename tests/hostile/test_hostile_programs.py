"""Every attack of issue 18, run through the real command line as root and as a plain user.

Each run asserts: the host survives (exit 0, one valid JSON object, no traceback), nothing
outlives the game, nothing is written outside its folder, and no connection leaves it. An
attack that gets through only because this kernel (or this user) lacks the layer that stops it
is skipped, and the skip says which layer.
"""
import os

import pytest

from tests.hostile.conftest import OUTCOMES
from tests.hostile.harness import python_for, run_attack, unprivileged_user
from tests.hostile.programs import ATTACKS

BY_NAME = {attack.name: attack for attack in ATTACKS}

pytestmark = pytest.mark.skipif(not os.path.isdir("/proc"), reason="the suite judges processes through /proc")


def _user(who):
    if who == "me":
        return None
    user = unprivileged_user()
    if user is None:
        pytest.skip("the unprivileged run needs root (to switch to the kidtest user with setpriv)")
    return user


@pytest.mark.parametrize("who", ["me", "kidtest"])
@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_the_game_cannot_hurt_the_host_the_settings_or_the_laptop(name, who):
    attack = BY_NAME[name]
    user = _user(who)
    python = python_for(user, "pygame, whoosh" if attack.command == "hint" else "pygame")
    if python is None:
        pytest.skip(f"no Python with what `kidcoder {attack.command}` needs that {who} may run "
                    f"(or {who} cannot read this checkout's folder)")
    outcome = run_attack(attack, user, python=python)
    OUTCOMES.append(outcome)
    if (outcome.escapes or outcome.host_problems) and attack.needs and not set(attack.needs) & set(outcome.contained):
        pytest.skip(f"{name} got through ({'; '.join(outcome.escapes + outcome.host_problems)}): it needs one of "
                    f"{', '.join(attack.needs)}, which this kernel or user does not offer")
    assert not outcome.host_problems, (outcome.host_problems, outcome.stderr[-2000:])
    if attack.command == "run":
        assert outcome.result["exit"] in (attack.exits or ("ok", "error", "timeout", "killed")), outcome.result
    assert not outcome.escapes, f"{name} escaped with {outcome.contained} up: {outcome.escapes}"
