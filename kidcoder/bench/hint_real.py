"""How the helper does on REAL children's programs (tests/diagnosis/real_corpus): `hint_real_*` figures.

For each broken program: detected (ok is false), right line (one of the real bug lines), the level-2
hint names the problem (one of the case's patterns matches the problem message or the level-2
explanation), a checked fix is offered, and the fix is right: the probe run of the fixed program no
longer shows the serious symptoms of the original and shows no new one. Where the original shows no
serious symptom in the probe (logic bugs), a fix counts as right when the fixed program shows none
either and the fix touches a real bug line (an approximation, reported separately).
For each working program: any ok:false is a wrong claim; a clock.tick remark on a program that does
not animate is counted on its own.

The programs are third-party code and are not committed: index.json says where each came from and
its sha256; the files live in programs/ beside it or in KIDCODER_REAL_CORPUS_PROGRAMS.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Optional

STDIN_LINES = ["3"] * 8
TICK_WORDS = re.compile(r"clock|tick|too fast|frames a second", re.I)
NOT_ANIMATING = ("static_redraw", "on_events")


def corpus_folder() -> Optional[Path]:
    """The folder with index.json (KIDCODER_REAL_CORPUS, else tests/diagnosis/real_corpus in this checkout)."""
    folder = os.environ.get("KIDCODER_REAL_CORPUS")
    path = Path(folder) if folder else Path(__file__).resolve().parents[2] / "tests" / "diagnosis" / "real_corpus"
    return path if (path / "index.json").exists() else None


def programs_folder(folder: Path) -> Path:
    return Path(os.environ.get("KIDCODER_REAL_CORPUS_PROGRAMS") or folder / "programs")


def load_cases(folder: Optional[Path] = None) -> List[dict]:
    """The index entries whose program is here with the recorded sha256 (the others are left out)."""
    folder = folder or corpus_folder()
    if folder is None:
        return []
    index = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    base = programs_folder(folder)
    cases = []
    for entry in index["programs"]:
        path = base / entry["file"]
        if path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]:
            cases.append(dict(entry, path=str(path)))
    return cases


def explanation(result: dict) -> str:
    """What the child reads that should name the problem: the level-1 message and the first
    paragraph of the level-2 hint (not the knowledge card's title or example code)."""
    problem = result.get("problem") or {}
    hint = str(result.get("hint") or "")
    return f"{problem.get('message', '')}\n{hint.split(chr(10) * 2, 1)[0]}"


def names_problem(case: dict, result: dict) -> bool:
    text = explanation(result)
    return any(re.search(pattern, text, re.I) for pattern in case.get("names", []))


def right_line(case: dict, result: dict) -> bool:
    problem = result.get("problem") or {}
    return problem.get("line") in {case["line"], *case.get("other_lines", [])}


def apply_fix(source: str, fix: dict) -> str:
    """The source with lines start..end replaced (the `hint --json` fix contract)."""
    lines = source.splitlines(keepends=True)
    start, end = int(fix["start_line"]), int(fix["end_line"])
    replacement = fix["replacement"]
    if replacement and not replacement.endswith("\n"):
        replacement += "\n"
    return "".join(lines[:start - 1]) + replacement + "".join(lines[end:])


def _copy_case(case: dict, source: str) -> Path:
    """A temporary copy of the program's folder with `source` as the program (the caller removes it)."""
    original = Path(case["path"])
    folder = Path(tempfile.mkdtemp(prefix="kidcoder-real-"))
    for entry in original.parent.iterdir():
        if entry.name != original.name:
            (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, folder / entry.name)
    (folder / original.name).write_text(source, encoding="utf-8")
    return folder / original.name


def default_hint(source: str, path: str) -> dict:
    from kidcoder.helper.hints import hint_for_program

    return hint_for_program(source, path, level=2, lang="en")


def default_probe(path: str) -> List[dict]:
    """Symptoms of one probe run (as dicts, so results are plain data)."""
    from kidcoder.diagnosis.symptoms import symptoms
    from kidcoder.runner.probe import probe_program

    return [s.as_dict() for s in symptoms(probe_program(path, stdin_lines=STDIN_LINES))]


def fix_verdict(case: dict, source: str, fix: dict, before: List[dict], probe: Callable) -> Dict[str, object]:
    """Is the offered fix right? See the module docstring; "approximate" says which rule decided."""
    from kidcoder.diagnosis.symptoms import SERIOUS

    path = _copy_case(case, apply_fix(source, fix))
    try:
        after = probe(str(path))
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)
    serious_before = {(s["kind"], s["trigger"]) for s in before if s["kind"] in SERIOUS}
    serious_after = {(s["kind"], s["trigger"]) for s in after if s["kind"] in SERIOUS}
    if serious_before:
        return {"correct": not (serious_after & serious_before) and not (serious_after - serious_before),
                "approximate": False, "after": sorted(serious_after)}
    touched = set(range(int(fix["start_line"]), int(fix["end_line"]) + 1))
    real_lines = {case["line"], *case.get("other_lines", [])}
    return {"correct": not serious_after and bool(touched & real_lines), "approximate": True,
            "after": sorted(serious_after)}


def evaluate_case(case: dict, hint: Callable = default_hint, probe: Callable = default_probe,
                  check_fixes: bool = True) -> Dict[str, object]:
    """One program: the hint, and for a broken one the judgements (plain data)."""
    source = Path(case["path"]).read_text(encoding="utf-8-sig")
    started = time.monotonic()
    result = hint(source, case["path"])
    row: Dict[str, object] = {"id": case["id"], "status": case["status"], "ok": bool(result.get("ok")),
                              "problem": result.get("problem"), "seconds": round(time.monotonic() - started, 2)}
    if case["status"] == "working":
        row["anim"] = case.get("anim")
        row["wrong_claim"] = not result.get("ok")
        row["tick_remark"] = (case.get("anim") in NOT_ANIMATING
                              and bool(TICK_WORDS.search(explanation(result))) if not result.get("ok") else False)
        return row
    row.update(family=case["family"], cause=case.get("cause", ""), detected=not result.get("ok"),
               right_line=right_line(case, result), named=names_problem(case, result),
               fix_present=result.get("fix") is not None, explanation=explanation(result)[:400])
    if check_fixes and result.get("fix") is not None:
        before = probe(case["path"])
        row["symptoms_before"] = before
        verdict = fix_verdict(case, source, result["fix"], before, probe)
        row.update(fix_correct=verdict["correct"], fix_approximate=verdict["approximate"],
                   symptoms_after_fix=verdict["after"])
    else:
        row.update(fix_correct=False, fix_approximate=False)
    return row


def _rate(rows: List[dict], key: str) -> float:
    return round(sum(1 for r in rows if r.get(key)) / max(1, len(rows)), 3)


def summarise(rows: Iterable[dict]) -> Dict[str, object]:
    """The rates over all broken programs and per symptom family, and the working programs' claims."""
    rows = list(rows)
    broken = [r for r in rows if r["status"] == "broken"]
    working = [r for r in rows if r["status"] == "working"]
    quiet = [r for r in working if r.get("anim") in NOT_ANIMATING]
    summary: Dict[str, object] = {
        "programs": len(rows), "broken": len(broken), "working": len(working),
        "detected_rate": _rate(broken, "detected"), "right_line_rate": _rate(broken, "right_line"),
        "named_rate": _rate(broken, "named"), "fix_present_rate": _rate(broken, "fix_present"),
        "fix_correct_rate": _rate(broken, "fix_correct"),
        "fix_correct_approximate": sum(1 for r in broken if r.get("fix_correct") and r.get("fix_approximate")),
        "wrong_claims": sum(1 for r in working if r["wrong_claim"]),
        "wrong_claim_rate": _rate(working, "wrong_claim"),
        "tick_remarks_not_animating": sum(1 for r in quiet if r["tick_remark"]),
        "not_animating": len(quiet),
    }
    families: Dict[str, List[dict]] = defaultdict(list)
    for row in broken:
        families[row["family"]].append(row)
    summary["by_family"] = {
        family: {"programs": len(group), "detected": _rate(group, "detected"), "right_line": _rate(group, "right_line"),
                 "named": _rate(group, "named"), "fix_present": _rate(group, "fix_present"),
                 "fix_correct": _rate(group, "fix_correct")}
        for family, group in sorted(families.items())}
    return summary


def evaluate(cases: Optional[List[dict]] = None, workers: int = 2, hint: Callable = default_hint,
             probe: Callable = default_probe, check_fixes: bool = True) -> Dict[str, object]:
    """Every case (default: the whole real corpus that is here): the per-program rows and the summary."""
    cases = load_cases() if cases is None else cases
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        rows = list(pool.map(lambda c: evaluate_case(c, hint, probe, check_fixes), cases))
    return {"rows": rows, "summary": summarise(rows)}


def measure(**_options) -> Dict[str, object]:
    """`kidcoder bench` figures: hint_real_* (nothing when the corpus programs are not here).
    KIDCODER_REAL_CORPUS_ROWS=FILE also writes the per-program rows there, to see which ones fail."""
    cases = load_cases()
    if not cases:
        return {"hint_real_programs": 0}
    result = evaluate(cases)
    rows_file = os.environ.get("KIDCODER_REAL_CORPUS_ROWS")
    if rows_file:
        Path(rows_file).write_text(json.dumps(result["rows"], indent=1, default=str), encoding="utf-8")
    return {f"hint_real_{key}": value for key, value in result["summary"].items()}
