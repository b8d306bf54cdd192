"""`change_request_ok_pct`: "Change my game" requests as children type them, applied and checked by a run.

The requests are tests/making/data/change_requests.json (20 English and 20 Spanish,
plus 20 written later, "held_out"). A request is ok when its edits are exactly the
expected ones (or none, when a person would have to do it) and the changed game
still draws 60 frames. Shared by tests/making/test_changes.py and `kidcoder bench`.
"""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

from kidcoder.making.changes import ChangePlan, apply_edits, change_program, plan_changes


def data_folder() -> Optional[Path]:
    folder = Path(__file__).resolve().parents[2] / "tests" / "making" / "data"
    return folder if (folder / "change_requests.json").exists() else None


@lru_cache(maxsize=1)
def cases() -> dict:
    folder = data_folder()
    return json.loads((folder / "change_requests.json").read_text(encoding="utf-8")) if folder else {}


@lru_cache(maxsize=None)
def game(key: str) -> str:
    """The program a request is made to: a made game (description, language) or the child's own program."""
    if key == "own":
        return (data_folder() / "own_game.py").read_text(encoding="utf-8")
    from kidcoder.making.generate import build_program

    description, lang = cases()["games"][key]
    return build_program(description, lang)[1]


def judge(case: dict, plan: ChangePlan) -> str:
    """right: the expected edits (or none when none are expected); refused: no edit; wrong: an edit not asked for."""
    got = {edit.name: edit for edit in plan.edits}
    if not got:
        return "right" if not case["expect"] else "refused"
    if set(got) != set(case["expect"]):
        return "wrong"
    for name, want in case["expect"].items():
        edit = got[name]
        new = list(edit.new) if isinstance(edit.new, tuple) else edit.new
        if (want == "up" and not edit.new > edit.old) or (want == "down" and not edit.new < edit.old) \
                or (want not in ("up", "down", "changed") and new != want):
            return "wrong"
    return "right"


def verdict(case: dict, enrich=None, run=True) -> Dict[str, object]:
    """One request: planned (with the model for what the rules do not understand), judged, and, when it made
    edits, applied and run. ok: right and (no edit, or the changed game still runs)."""
    source = game(case["game"])
    if run:
        plan, changed = change_program(case["request"], source, case["lang"], enrich=enrich)
    else:
        plan = plan_changes(case["request"], source, case["lang"], enrich)
        changed = apply_edits(source, plan.edits) if plan.edits else None
    judged = judge(case, plan)
    ran = plan.status != "broken"
    return {"request": case["request"], "lang": case["lang"], "judged": judged, "status": plan.status,
            "model": plan.model, "ok": judged == "right" and ran and (changed is not None or not plan.edits)}


def ok_rate(enrich=None, held_out: bool = False, run: bool = True, workers: int = 2,
            chosen: Optional[List[dict]] = None) -> Dict[str, object]:
    """{"ok_pct", "count", "wrong", "refused", "by_model", "results"} over the 40 requests (or the held-out 20,
    or the chosen ones: model_held_out())."""
    if chosen is None:
        chosen = [case for case in cases().get("requests", []) if bool(case.get("held_out")) == held_out]
    with ThreadPoolExecutor(max_workers=1 if enrich is not None else workers) as pool:
        results: List[Dict[str, object]] = list(pool.map(lambda case: verdict(case, enrich, run), chosen))
    count = max(1, len(results))
    return {"ok_pct": round(100 * sum(r["ok"] for r in results) / count, 1), "count": len(results),
            "wrong": [r["request"] for r in results if r["judged"] == "wrong"],
            "refused": [r["request"] for r in results if r["judged"] == "refused"],
            "by_model": [r["request"] for r in results if r["model"]], "results": results}


def model_held_out() -> List[dict]:
    """The requests the rules leave to a model (written before the change prompt was last changed, never tuned on)."""
    return list(cases().get("model_held_out", []))



# Wishes in a child's voice, each set by a helper who saw neither the rules nor the other sets (their
# "_about" in change_requests.json says when each was written and whether the rules were tuned on it).
KID_SETS = {"kid": "kid_held_out", "kid2": "kid_held_out_2", "kid3": "kid_held_out_3", "kid4": "kid_held_out_4",
            "kid5": "kid_held_out_5", "kid6": "kid_held_out_6", "kid7": "kid_held_out_7",
            "kid8": "kid_held_out_8"}


def kid_set(short: str) -> List[dict]:
    """One set of KID_SETS by its short name ("kid4")."""
    return list(cases().get(KID_SETS[short], []))
