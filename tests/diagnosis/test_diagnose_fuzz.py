"""Diagnosis must never crash, whatever a child types: mutate every example and corpus program
(drop characters, colons, brackets, indentation; add stray quotes) and diagnose each mutant."""
import glob
import random
import warnings
from pathlib import Path

from kidcoder.diagnosis import Program, diagnose_runtime
from kidcoder.diagnosis.fixes import apply_fix, candidate_fixes
from kidcoder.helper.hints import diagnose, hint_text

ROOT = Path(__file__).resolve().parents[2]
MUTANTS_PER_FILE = 12


def mutate(source: str, rng: random.Random) -> str:
    lines = source.split("\n")
    i = rng.randrange(len(lines))
    choice = rng.random()
    if choice < 0.25:
        k = rng.randrange(len(source))
        return source[:k] + source[k + 1:]
    if choice < 0.45:
        lines[i] = lines[i].lstrip()
    elif choice < 0.6:
        lines[i] = lines[i].replace(":", "", 1)
    elif choice < 0.75:
        lines[i] = lines[i].replace(")", "", 1)
    elif choice < 0.85:
        lines[i] = "  " + lines[i]
    else:
        k = rng.randrange(len(source) + 1)
        return source[:k] + rng.choice("([{'\":=,.\t\u201c#") + source[k:]
    return "\n".join(lines)


def test_mutated_programs_always_get_a_finding_or_ok_and_fixes_apply():
    rng = random.Random(7)
    files = sorted(glob.glob(str(ROOT / "assets" / "examples" / "*.py")) +
                   glob.glob(str(ROOT / "tests" / "diagnosis" / "corpus" / "*.py")))
    checked = 0
    for path in files:
        source = Path(path).read_text(encoding="utf-8")
        if not source.strip():
            continue
        for _ in range(MUTANTS_PER_FILE):
            mutant = mutate(source, rng)
            found = diagnose(mutant, run=False)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    compile(mutant, "m.py", "exec")
            except SyntaxError:
                assert found.finding is not None and found.finding.kind == "syntax"
            if found.finding is not None:
                for level in (1, 2, 3):
                    assert hint_text(found.finding, level, "es")
                for fix in candidate_fixes(Program(mutant), found.finding):
                    apply_fix(mutant, fix)
            error = {"type": "NameError", "message": "name 'zz' is not defined", "line": rng.randint(1, 60)}
            assert diagnose_runtime(mutant, error) is not None
            checked += 1
    assert checked > 500
