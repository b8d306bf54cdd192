"""The real-corpus harness: its judgements on hand-made results, a tiny corpus written here, and a slice
of the real corpus when its (not committed) programs are present. Figures are printed, not asserted."""
import hashlib
import json

import pytest

from kidcoder.bench import hint_real

BROKEN = ("import pygame\nscreen = pygame.display.set_mode((200, 150))\nwhile True:\n"
          "    for event in pygame.event.get():\n        if event.type == pygame.quit:\n            pass\n"
          "    pygame.display.flip()\n")
WORKING = ("import pygame\nscreen = pygame.display.set_mode((200, 150))\nrunning = True\nwhile running:\n"
           "    for event in pygame.event.get():\n        if event.type == pygame.QUIT:\n            running = False\n"
           "    pygame.display.flip()\npygame.quit()\n")


def make_corpus(tmp_path, programs):
    entries = []
    for case_id, text, extra in programs:
        folder = tmp_path / "programs" / case_id
        folder.mkdir(parents=True)
        (folder / "main.py").write_text(text, encoding="utf-8")
        entries.append(dict({"id": case_id, "file": f"{case_id}/main.py",
                             "sha256": hashlib.sha256(text.encode()).hexdigest()}, **extra))
    (tmp_path / "index.json").write_text(json.dumps({"programs": entries}), encoding="utf-8")
    return tmp_path


QUIT_CASE = {"status": "broken", "line": 5, "other_lines": [], "family": "cannot_close", "trigger": "close",
             "names": ["QUIT", "capital"]}


def test_judgements_on_hand_made_results():
    case = dict(QUIT_CASE, id="q")
    named = {"ok": False, "problem": {"line": 5, "message": "Look at pygame.quit on line 5."},
             "hint": "The close button event is pygame.QUIT, in capital letters.\n\nRead more: Events", "fix": None}
    assert hint_real.right_line(case, named) and hint_real.names_problem(case, named)
    card_only = dict(named, problem={"line": 9, "message": "Look here."}, hint="Check it.\n\nRead more: QUIT")
    assert not hint_real.right_line(case, card_only) and not hint_real.names_problem(case, card_only)


def test_apply_fix_replaces_the_lines():
    source = "a\nb\nc\n"
    assert hint_real.apply_fix(source, {"start_line": 2, "end_line": 2, "replacement": "B"}) == "a\nB\nc\n"
    assert hint_real.apply_fix(source, {"start_line": 1, "end_line": 2, "replacement": "x\n"}) == "x\nc\n"


def test_summary_counts_by_family_and_wrong_claims():
    rows = [
        {"status": "broken", "family": "syntax", "detected": True, "right_line": True, "named": True,
         "fix_present": True, "fix_correct": True},
        {"status": "broken", "family": "freeze", "detected": False, "right_line": False, "named": False,
         "fix_present": False, "fix_correct": False},
        {"status": "working", "anim": "on_events", "wrong_claim": True, "tick_remark": True},
        {"status": "working", "anim": "every_frame", "wrong_claim": False, "tick_remark": False},
    ]
    summary = hint_real.summarise(rows)
    assert summary["detected_rate"] == 0.5 and summary["fix_correct_rate"] == 0.5
    assert summary["wrong_claims"] == 1 and summary["wrong_claim_rate"] == 0.5
    assert summary["tick_remarks_not_animating"] == 1 and summary["not_animating"] == 1
    assert summary["by_family"]["freeze"]["detected"] == 0.0 and summary["by_family"]["syntax"]["named"] == 1.0


def test_a_corpus_written_here_end_to_end(tmp_path, monkeypatch):
    folder = make_corpus(tmp_path, [("quit_lower", BROKEN, QUIT_CASE),
                                    ("fine", WORKING, {"status": "working", "anim": "static_redraw"})])
    monkeypatch.setenv("KIDCODER_REAL_CORPUS", str(folder))
    monkeypatch.delenv("KIDCODER_REAL_CORPUS_PROGRAMS", raising=False)   # this corpus's own programs/
    (folder / "programs" / "tampered").mkdir()
    cases = hint_real.load_cases()
    assert [c["id"] for c in cases] == ["quit_lower", "fine"]
    result = hint_real.evaluate(cases, workers=1)
    rows = {row["id"]: row for row in result["rows"]}
    assert rows["fine"]["status"] == "working" and "tick_remark" in rows["fine"]
    assert set(rows["quit_lower"]) >= {"detected", "right_line", "named", "fix_present", "fix_correct"}
    if rows["quit_lower"]["fix_present"]:
        # The fix was checked with the probe: the original cannot be closed; a right fix closes.
        assert ("cannot_close", "close") in {(s["kind"], s["trigger"]) for s in rows["quit_lower"]["symptoms_before"]}
    print(json.dumps(result["summary"], indent=1))


def test_a_changed_program_is_left_out(tmp_path, monkeypatch):
    folder = make_corpus(tmp_path, [("fine", WORKING, {"status": "working", "anim": "static_redraw"})])
    (folder / "programs" / "fine" / "main.py").write_text(WORKING + "# changed\n", encoding="utf-8")
    monkeypatch.setenv("KIDCODER_REAL_CORPUS", str(folder))
    assert hint_real.load_cases() == []
    assert hint_real.measure() == {"hint_real_programs": 0}


REAL_SLICE = ("pg1557_loop_before_init", "kid_pong_quit_lowercase", "pg537_while_keydown", "w_tykc_clickdots_atsqueak")


def test_a_slice_of_the_real_corpus():
    cases = [c for c in hint_real.load_cases() if c["id"] in REAL_SLICE]
    if not cases:
        pytest.skip("the real corpus programs are not here (they are third-party code, not committed)")
    result = hint_real.evaluate(cases, workers=2)
    assert len(result["rows"]) == len(cases)
    print(json.dumps(result["summary"], indent=1))


def test_the_bench_can_keep_the_rows_to_show_which_programs_fail(tmp_path, monkeypatch):
    folder = make_corpus(tmp_path, [("fine", WORKING, {"status": "working", "anim": "static_redraw"})])
    monkeypatch.setenv("KIDCODER_REAL_CORPUS", str(folder))
    monkeypatch.delenv("KIDCODER_REAL_CORPUS_PROGRAMS", raising=False)
    monkeypatch.setenv("KIDCODER_REAL_CORPUS_ROWS", str(tmp_path / "rows.json"))
    figures = hint_real.measure()
    rows = json.loads((tmp_path / "rows.json").read_text(encoding="utf-8"))
    assert figures["hint_real_programs"] == 1 and [row["id"] for row in rows] == ["fine"]
    assert rows[0]["wrong_claim"] == (figures["hint_real_wrong_claims"] == 1)
