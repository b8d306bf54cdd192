"""The hint ladder and fix checking with a fake runner, and the `kidcoder hint --json` contract
through a real subprocess."""
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kidcoder.helper import hints
from kidcoder.diagnosis import diagnose_syntax
from kidcoder.diagnosis.diagnose import check_fix
from kidcoder.diagnosis.fixes import Fix, apply_fix, candidate_fixes
from kidcoder.diagnosis.finding import Program
from kidcoder.model.facts import HintFacts, ModelReply

ROOT = Path(__file__).resolve().parents[2]
COLON = "age = 11\nif age > 10\n    print('big')\n"


@dataclass
class FakeRun:
    exit: str = "ok"
    frames: int = 60
    error: dict = None
    warnings: list = field(default_factory=list)


class FakeRunner:
    """Answers every run with the same result and remembers the sources it was given."""

    def __init__(self, result=None):
        self.result = result or FakeRun()
        self.sources = []

    def __call__(self, source, **kwargs):
        self.sources.append(source)
        return self.result


def test_ladder_levels_say_different_things_and_level_one_is_a_short_nudge():
    runner = FakeRunner()
    texts = [hints.hint_for_program(COLON, level=n, lang="en", runner=runner)["hint"] for n in (1, 2, 3)]
    assert len(set(texts)) == 3
    assert len(texts[0].split()) <= 40
    assert "line 2" in texts[0]
    assert ":" not in texts[0].replace("10", "")  # the nudge never gives the answer away
    assert "colon" in texts[1].lower()


def test_fix_is_offered_only_after_the_runner_accepts_it():
    good = hints.hint_for_program(COLON, runner=FakeRunner())
    assert good["fix"] == {"start_line": 2, "end_line": 2, "replacement": "if age > 10:"}
    crashing = FakeRunner(FakeRun(exit="error", frames=0, error={"type": "NameError", "message": "x", "line": 3}))
    bad = hints.hint_for_program(COLON, level=3, runner=crashing)
    assert bad["fix"] is None and not bad["ok"]
    assert "I could not find a change" in bad["hint"]
    assert crashing.sources and "if age > 10:" in crashing.sources[0]


def test_a_fix_that_does_not_compile_is_never_run():
    runner = FakeRunner()
    finding = diagnose_syntax(COLON)
    assert not check_fix(COLON, finding, Fix(2, 2, "if age >"), runner)
    assert runner.sources == []


def test_correct_program_is_ok_and_input_needed_is_not_the_childs_bug():
    runner = FakeRunner(FakeRun(exit="error", frames=0,
                                error={"type": "InputNeeded", "message": "nobody can type", "line": 1}))
    result = hints.hint_for_program("name = input()\nprint(name)\n", runner=runner)
    assert result["ok"] is True and result["problem"] is None and result["fix"] is None
    assert result["hint"]


def test_runtime_error_from_the_runner_becomes_the_problem():
    source = "score = 1\nprint(scor)\n"
    calls = []

    def runner(src, **kwargs):
        calls.append(src)
        if "scor)" in src:
            return FakeRun(exit="error", frames=0,
                           error={"type": "NameError", "message": "name 'scor' is not defined", "line": 2})
        return FakeRun()

    result = hints.hint_for_program(source, level=2, runner=runner)
    assert result["problem"]["kind"] == "runtime" and result["problem"]["line"] == 2
    assert "score" in result["hint"] and "score" not in result["problem"]["message"].replace("scor ", "")
    assert result["fix"]["replacement"] == "print(score)"
    assert [s["id"] for s in result["sources"]] == ["name-error"]


def test_no_flip_is_dropped_when_the_run_shows_frames_were_drawn():
    game = ("import pygame\npygame.init()\nscreen = pygame.display.set_mode((9, 9))\nclock = pygame.time.Clock()\n"
            "def show():\n    pygame.display.flip()\nrunning = True\nwhile running:\n"
            "    for event in pygame.event.get():\n        if event.type == pygame.QUIT:\n            running = False\n"
            "    screen.fill((0, 0, 0))\n    getattr(pygame.display, 'flip')()\n    clock.tick(60)\n")
    assert hints.hint_for_program(game, runner=FakeRunner(FakeRun(frames=120)))["ok"] is True


def test_level_two_tolerates_a_missing_card(monkeypatch):
    monkeypatch.setitem(hints.CARDS, "diag.missing_colon", "no-such-card")
    result = hints.hint_for_program(COLON, level=2, runner=FakeRunner())
    assert result["sources"] == [] and "colon" in result["hint"].lower()


def test_every_card_the_ladder_names_exists_in_english():
    from kidcoder.knowledge.cards import cards_by_id

    missing = sorted({card for card in hints.CARDS.values() if card not in cards_by_id("en")})
    assert missing == []


def test_spanish_hint():
    result = hints.hint_for_program(COLON, level=1, lang="es", runner=FakeRunner())
    assert "línea 2" in result["hint"]


def test_model_text_only_ever_follows_the_rules_hint_with_its_card_and_example():
    seen = []

    def enrich(facts):
        seen.append(facts)
        return ModelReply("Look closely at the end of line 2.", "tiny.gguf")

    rules = hints.hint_for_program(COLON, level=2, runner=FakeRunner())
    result = hints.hint_for_program(COLON, level=2, enrich=enrich, runner=FakeRunner())
    assert result["hint"].startswith(rules["hint"]) and result["model"] == "tiny.gguf"
    assert result["hint"].endswith("In other words:\nLook closely at the end of line 2.")
    assert result["sources"] == rules["sources"] and result["fix"] == rules["fix"]
    facts = seen[0]
    assert isinstance(facts, HintFacts) and facts.kind == "hint" and facts.finding.key == "diag.missing_colon"
    assert "if age > 10" in facts.source_excerpt and facts.program == COLON
    assert facts.cards[0].id == "colons" and facts.cards[0].title
    assert facts.cards[0].code.strip() not in facts.rules_words      # the card's example is not the rules' words
    assert facts.fixed_lines == rules["fix"]["replacement"]


@pytest.mark.parametrize("enrich", [lambda facts: None, lambda facts: 1 / 0, lambda facts: ModelReply(" ", "x")])
def test_rules_hint_stands_when_the_model_gives_nothing_or_fails(enrich):
    result = hints.hint_for_program(COLON, enrich=enrich, runner=FakeRunner())
    assert result["model"] is None and "line 2" in result["hint"]


def test_the_hint_carries_the_facts_a_model_is_told_once():
    crash = FakeRun(exit="error", frames=0, error={"type": "NameError", "message": "name 'scor' is not defined",
                                                   "line": 2})
    hint = hints.find_hint("score = 1\nprint(scor)\n", level=hints.HintLevel.EXPLAIN, runner=FakeRunner(crash),
                           check_fix=False)
    facts = hint.facts
    assert facts.rules_hint == hint.text and facts.level == hints.HintLevel.EXPLAIN and facts.lang == "en"
    assert facts.problem["message"] == "name 'scor' is not defined" and facts.problem["type"] == "NameError"
    assert facts.source_excerpt == "score = 1\nprint(scor)" and facts.cards == (hint.card,)
    assert hints.find_hint("print('hi')\n", runner=FakeRunner()).facts is None


def test_levels_outside_the_ladder_stay_on_it():
    assert hints.HintLevel.of(0) is hints.HintLevel.NUDGE and hints.HintLevel.of(7) is hints.HintLevel.FIX
    assert hints.hint_for_program(COLON, level=5, runner=FakeRunner())["hint"] == \
        hints.hint_for_program(COLON, level=3, runner=FakeRunner())["hint"]


def test_apply_fix_replaces_a_line_range():
    assert apply_fix("a\nb\nc\n", Fix(2, 3, "x\ny\nz")) == "a\nx\ny\nz\n"


def test_candidate_fixes_for_an_unclosed_bracket_close_it():
    source = "print('hi'\nx = 1\n"
    fixes = candidate_fixes(Program(source), diagnose_syntax(source))
    assert fixes[0] == Fix(1, 1, "print('hi')")


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "kidcoder", "hint", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_cli_hint_json_contract(tmp_path):
    broken = tmp_path / "broken.py"
    broken.write_text(COLON, encoding="utf-8")
    out = _cli(str(broken), "--json", "--no-model", "--level", "3")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert set(result) == {"ok", "problem", "hint", "fix", "sources", "model", "tip"}
    assert result["ok"] is False and result["model"] is None and result["tip"] is None
    assert set(result["problem"]) == {"kind", "line", "column", "message"}
    assert result["problem"]["kind"] == "syntax" and result["problem"]["line"] == 2
    assert isinstance(result["problem"]["column"], int)
    assert result["fix"] == {"start_line": 2, "end_line": 2, "replacement": "if age > 10:"}
    assert all(set(s) == {"id", "title"} for s in result["sources"])

    good = tmp_path / "good.py"
    good.write_text("print('hello')\n", encoding="utf-8")
    result = json.loads(_cli(str(good), "--json", "--no-model", "--lang", "es").stdout)
    assert result["ok"] is True and result["problem"] is None and result["fix"] is None
    assert result["hint"] and result["sources"] == []


def test_cli_hint_missing_file_is_bad_input(tmp_path):
    out = _cli(str(tmp_path / "nope.py"), "--json")
    assert out.returncode == 2 and out.stderr.strip()


def test_the_program_runs_beside_its_own_pictures(tmp_path):
    import pygame

    picture = pygame.Surface((8, 8))
    picture.fill((255, 0, 0))
    pygame.image.save(picture, str(tmp_path / "player.png"))
    source = ("import pygame\npygame.init()\nscreen = pygame.display.set_mode((50, 50))\n"
              "player = pygame.image.load('player.png')\nclock = pygame.time.Clock()\nrunning = True\n"
              "frames = 0\nwhile running and frames < 5:\n    for event in pygame.event.get():\n"
              "        if event.type == pygame.QUIT:\n            running = False\n    frames += 1\n"
              "    screen.fill((0, 0, 0))\n    screen.blit(player, (10, 10))\n    pygame.display.flip()\n"
              "    clock.tick(60)\n")
    game = tmp_path / "game.py"
    game.write_text(source, encoding="utf-8")
    assert hints.hint_for_program(source, str(game))["ok"] is True
    alone = hints.hint_for_program(source, None)
    assert alone["problem"]["line"] == 4 and not alone["ok"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["game.py", "player.png"]


def test_the_cause_is_told_before_the_crash_it_makes():
    source = "import pygame\nclock = pygame.time.Clock\nclock.tick(60)\n"
    crash = FakeRun(exit="error", frames=0, error={
        "type": "TypeError", "line": 3,
        "message": "descriptor 'tick' for 'pygame.time.Clock' objects doesn't apply to a 'int' object"})
    result = hints.hint_for_program(source, runner=FakeRunner(crash), check_fix=False)
    assert result["problem"]["line"] == 2 and result["problem"]["kind"] == "logic"
