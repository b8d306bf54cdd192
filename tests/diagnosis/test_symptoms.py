"""Symptoms from probe traces (plain dicts, no process): what a child would say about a run."""
from kidcoder.diagnosis.symptoms import Symptom, behaviour, compare, fix_cured, serious, symptoms


def step(name, frames=10, reads=10, **extra):
    values = {"input": name, "frames": frames, "reads": reads, "set_modes": 0, "line": 20, "function": "",
              "waiting": "", "changed": True, "plain": False, "ended": False, "error": None, "alive_after": True}
    values.update(extra)
    return values


def trace(*steps, size=(640, 480), pygame=True, runs=None):
    first = {"steps": list(steps), "size": list(size) if size else None, "pygame": pygame}
    return {"version": 1, "runs": [first] + list(runs or [])}


def kinds(t):
    return [(s.kind, s.trigger, s.line) for s in symptoms(t)]


def test_a_healthy_game_has_no_symptoms_and_animates():
    t = trace(step("start", set_modes=1, window=True), step("idle"), step("key:space"),
              step("close", frames=2, reads=2, ended=True))
    assert symptoms(t) == []
    assert behaviour(t) == "animates"


def test_crash_at_start_input_and_close():
    error = {"type": "NameError", "message": "name 'x' is not defined", "line": 7}
    assert kinds(trace(step("start", ended=True, error=error))) == [("crash_start", "start", 7)]
    t = trace(step("start", window=True), step("idle"), step("key:space", ended=True, error=error))
    assert kinds(t) == [("crash_input", "key:space", 7)]
    t = trace(step("start", window=True), step("idle"), step("close", ended=True, error=error))
    assert kinds(t) == [("crash_close", "close", 7)]


def test_ending_by_itself_is_not_a_crash():
    benign = {"type": "InputNeeded", "message": "nobody can type", "line": 3}
    assert kinds(trace(step("start", ended=True, error=benign, window=True))) == [("ends_at_once", "start", None)]


def test_stuck_at_start_and_after_a_key():
    t = trace(step("start", frames=0, reads=0, line=5, window=True), step("close", frames=0, reads=0, line=5,
                                                                         alive_after=False))
    assert kinds(t) == [("stuck_start", "start", 5)]
    assert behaviour(t) == "stuck"
    t = trace(step("start", window=True), step("idle"), step("key:right", frames=3, reads=3, line=42,
                                                             alive_after=False))
    assert ("stuck_input", "key:right", 42) in kinds(t)
    t = trace(step("start", window=True), step("idle", frames=0, reads=0, line=94))
    assert ("stuck_start", "idle", 94) in kinds(t)


def test_a_window_that_ignores_the_close_button():
    t = trace(step("start", window=True), step("idle"), step("close", frames=40, reads=40, line=14))
    assert ("cannot_close", "close", 14) in kinds(t)


def test_ending_by_itself_or_on_a_key_is_a_remark():
    t = trace(step("start", window=True), step("idle", ended=True))
    assert [(s.kind, s.serious) for s in symptoms(t)] == [("ends_by_itself", False)]
    t = trace(step("start", window=True), step("idle"), step("key:space", ended=True))
    assert [s.kind for s in symptoms(t)] == ["ends_on_input"]


def test_a_slow_goodbye_is_only_a_remark():
    t = trace(step("start", window=True), step("idle"), step("close", frames=1, reads=1, line=30,
                                                             alive_after=False))
    found = symptoms(t)
    assert [s.kind for s in found] == ["slow_close"] and serious(found) == []


def test_drawing_symptoms():
    no_reads = trace(step("start", reads=0, window=True), step("idle", reads=0))
    assert ("no_event_reads", "start", 20) in kinds(no_reads)
    no_frames = trace(step("start", frames=0, window=True), step("idle", frames=0))
    assert ("no_frames", "start", 20) in kinds(no_frames)
    plain = trace(step("start", plain=True, window=True), step("idle", plain=True))
    assert [s.kind for s in symptoms(plain)] == ["plain_screen"]
    again = trace(step("start", set_modes=1, window=True), step("idle", set_modes=30))
    assert [s.kind for s in symptoms(again)] == ["set_mode_again"]


def test_waiting_for_events_is_not_missing_frames():
    t = trace(step("start", frames=1, window=True, waiting="events"), step("idle", frames=0, reads=50,
                                                                           waiting="events"))
    assert symptoms(t) == []
    assert behaviour(t) == "waits"


def test_no_window_and_ends_at_once():
    assert kinds(trace(step("start", frames=0, reads=500), step("idle", frames=0), size=None)) == [
        ("no_window", "start", 20)]
    assert kinds(trace(step("start", frames=0, reads=0, ended=True, window=False), size=None)) == [
        ("ends_at_once", "start", None)]
    assert symptoms(trace(step("start", ended=True), size=None, pygame=False)) == []


def test_the_second_run_adds_how_the_window_closes():
    crash = {"type": "error", "message": "video system not initialized", "line": 9}
    second = {"steps": [step("start", window=True), step("idle"), step("close", ended=True, error=crash)],
              "size": [640, 480], "pygame": True}
    t = trace(step("start", window=True), step("idle"), step("key:escape", ended=True), runs=[second])
    assert kinds(t) == [("crash_close", "close", 9)]


def test_a_fix_must_cure_the_symptom_and_add_none():
    crash = Symptom("crash_input", "key:space", 12)
    freeze = Symptom("stuck_input", "key:right", 30)
    assert fix_cured([crash], [])
    assert not fix_cured([crash], [crash])
    assert not fix_cured([crash], [freeze])
    assert fix_cured([crash], [Symptom("plain_screen", "start")])
    assert not fix_cured([], [])
    assert compare([crash, freeze], [freeze]) == ([freeze], [])


def test_a_first_drawing_that_spills_into_the_idle_step_is_not_animating():
    # Draws once (and when clicked); a slow start made the idle step see the first picture change.
    t = trace(step("start", window=True), step("idle", changed=True), step("key:right", changed=False),
              step("key:space", changed=False), step("mouse:click", changed=True))
    assert behaviour(t) == "redraws"
    t = trace(step("start", window=True), step("idle", changed=True), step("key:right", changed=True))
    assert behaviour(t) == "animates"
