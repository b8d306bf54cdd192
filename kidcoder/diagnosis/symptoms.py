"""What a probe run showed, as symptoms a child would describe: it crashes when I press space,
it freezes, the window will not close, nothing shows, it closes at once.

Pure: reads the trace dict that runner.probe writes (no process, no pygame). The helper uses
the symptoms to confirm a static finding, to find the line of a stuck loop, to tell a game
that animates from one that draws only when something happens, and to check a fix: the
fixed program's symptoms must not include the original one, nor any new serious one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Tuple

# Symptoms that mean the game is broken for a child (the others are only worth a remark).
SERIOUS = ("crash_start", "crash_input", "crash_close", "stuck_start", "stuck_input", "no_event_reads",
           "cannot_close", "ends_at_once", "no_window", "no_frames")
BENIGN_ERRORS = ("InputNeeded", "SystemExit", "KeyboardInterrupt")
QUIT_INPUTS = ("key:escape", "close")


@dataclass(frozen=True)
class Symptom:
    """kind: see SERIOUS and the remarks below; trigger: the input after which it showed
    ("start", "idle", "key:space", "mouse:click", "close"); line: where (crash or stuck loop)."""

    kind: str
    trigger: str
    line: Optional[int] = None
    detail: str = ""

    @property
    def serious(self) -> bool:
        return self.kind in SERIOUS

    def as_dict(self) -> Dict[str, object]:
        return {"kind": self.kind, "trigger": self.trigger, "line": self.line, "detail": self.detail}


def _real_error(step: Dict[str, object]) -> Optional[dict]:
    error = step.get("error")
    if not error or str(error.get("type", "")).rsplit(".", 1)[-1] in BENIGN_ERRORS:
        return None
    return error


def _moved(step: Dict[str, object]) -> bool:
    return bool(step.get("frames")) or bool(step.get("reads"))


def _run_symptoms(run: Dict[str, object]) -> List[Symptom]:
    steps: List[Dict[str, object]] = list(run.get("steps") or [])
    found: List[Symptom] = []
    if not steps:
        return found
    start = steps[0]
    error = _real_error(start)
    is_game = bool(run.get("pygame")) or bool(start.get("window"))
    if error:
        found.append(Symptom("crash_start", "start", error.get("line"), f"{error.get('type')}: {error.get('message')}"))
        return found
    if start.get("ended"):
        if is_game and not start.get("input_wait"):
            found.append(Symptom("ends_at_once", "start", None,
                                 "window" if start.get("window") else "no window"))
        return found
    if not _moved(start):
        found.append(Symptom("stuck_start", "start", start.get("line"), start.get("function") or ""))
    elif is_game and not start.get("window") and run.get("size") is None:
        found.append(Symptom("no_window", "start", start.get("line")))
    for step in steps[1:]:
        name = str(step["input"])
        error = _real_error(step)
        if error:
            kind = "crash_close" if name == "close" else "crash_input"
            found.append(Symptom(kind, name, error.get("line"), f"{error.get('type')}: {error.get('message')}"))
            break
        if step.get("ended"):
            if name == "idle":
                found.append(Symptom("ends_by_itself", name, None))      # nobody touched it
            elif name not in QUIT_INPUTS:
                found.append(Symptom("ends_on_input", name, None))
            break
        if name == "close":
            if step.get("alive_after", _moved(step)):
                found.append(Symptom("cannot_close", "close", step.get("line")))
            elif not any(s.kind.startswith("stuck") for s in found):
                # It left its loop but has not ended yet (time.sleep after the loop, a slow goodbye).
                found.append(Symptom("slow_close", "close", step.get("line"), step.get("function") or ""))
            continue
        if name == "idle" and not _moved(step):
            # It got going, then stuck by itself before anyone touched it.
            found.append(Symptom("stuck_start", "idle", step.get("line"), step.get("function") or ""))
        elif name != "idle" and not (_moved(step) and step.get("alive_after", True)):
            found.append(Symptom("stuck_input", name, step.get("line"), step.get("function") or ""))
    found.extend(_drawing_symptoms(run, steps))
    return found


def _drawing_symptoms(run: Dict[str, object], steps: List[Dict[str, object]]) -> List[Symptom]:
    """Frames without event reads, reads without frames, a plain screen, set_mode again and again."""
    found: List[Symptom] = []
    live = [s for s in steps if s["input"] != "close" and not s.get("ended")]
    if not live or not run.get("size"):
        return found
    frames = sum(s.get("frames") or 0 for s in live)
    reads = sum(s.get("reads") or 0 for s in live)
    if frames and not reads:
        found.append(Symptom("no_event_reads", "start", live[0].get("line")))
    if reads and not frames and not any(s.get("waiting") == "events" for s in live):
        found.append(Symptom("no_frames", "start", live[0].get("line")))
    if frames and all(s.get("plain") for s in live if s.get("plain") is not None):
        found.append(Symptom("plain_screen", "start", None))
    if sum(s.get("set_modes") or 0 for s in live[1:]) > 0:
        found.append(Symptom("set_mode_again", "start", None))
    return found


def symptoms(trace: Dict[str, object]) -> List[Symptom]:
    """Every symptom of a probe trace, first run first; the close-only second run adds how the
    window closes when the first run ended before it got there."""
    runs = list(trace.get("runs") or [])
    if not runs:
        return []
    found = _run_symptoms(runs[0])
    for run in runs[1:]:
        for symptom in _run_symptoms(run):
            if symptom.trigger == "close" and symptom not in found:
                found.append(symptom)
    return found


def behaviour(trace: Dict[str, object]) -> str:
    """How the game draws when nobody touches it: "animates" (new pictures every frame),
    "redraws" (flips every frame, same picture), "waits" (reads events, draws only when
    something happens), "ends", "stuck" or "unknown"."""
    runs = list(trace.get("runs") or [])
    if not runs or not runs[0].get("steps"):
        return "unknown"
    steps = runs[0]["steps"]
    start = steps[0]
    if start.get("ended"):
        return "ends"
    if not _moved(start):
        return "stuck"
    idle = next((s for s in steps if s["input"] == "idle"), None)
    if idle is None:
        return "unknown"
    if idle.get("frames"):
        # A slow start can spill the first drawing into the idle step: a game that animates also
        # changes while keys are pressed (a click may draw in a paint program), so one key step must agree.
        later = [s for s in steps[steps.index(idle) + 1:] if s.get("frames") and str(s["input"]).startswith("key:")
                 and s["input"] not in QUIT_INPUTS]
        agrees = not later or any(s.get("changed") for s in later)
        return "animates" if idle.get("changed") and agrees else "redraws"
    return "waits" if idle.get("reads") else "stuck"


def serious(found: Iterable[Symptom]) -> List[Symptom]:
    return [s for s in found if s.serious]


def compare(before: Iterable[Symptom], after: Iterable[Symptom]) -> Tuple[List[Symptom], List[Symptom]]:
    """(serious symptoms of `before` still there after a change, serious symptoms that are new).
    Two symptoms are the same when their kind and trigger are."""
    old = {(s.kind, s.trigger) for s in serious(before)}
    remaining = [s for s in serious(after) if (s.kind, s.trigger) in old]
    new = [s for s in serious(after) if (s.kind, s.trigger) not in old]
    return remaining, new


def fix_cured(before: Iterable[Symptom], after: Iterable[Symptom]) -> bool:
    """A change cured the program: it had a serious symptom, and afterwards none of those is left
    and no new serious one appeared."""
    before = list(before)
    remaining, new = compare(before, after)
    return bool(serious(before)) and not remaining and not new
