"""Grounding: an answer that keeps the diagnosis' facts is shown; one that drops or contradicts them is not."""

from kidcoder.diagnosis.finding import Finding
from kidcoder.model import grounding
from kidcoder.model.facts import HintFacts
from kidcoder.model.review import review

NAME_ERROR = {"kind": "runtime", "line": 12, "column": None, "key": "diag.name_error",
              "message": "NameError: name 'scor' is not defined",
              "values": {"line": 12, "name": "scor", "suggestion": "score"}}
MISSING_COLON = {"kind": "syntax", "line": 3, "column": 9, "key": "diag.missing_colon",
                 "values": {"line": 3, "keyword": "if"}}


def test_key_facts_come_from_finding_values_and_from_pythons_message():
    assert grounding.key_facts(NAME_ERROR) == grounding.KeyFacts(12, "scor", "score", None, "NameError")
    bare = {"line": 7, "message": "NameError: name 'playr' is not defined. Did you mean: 'player'?"}
    facts = grounding.key_facts(bare)
    assert (facts.line, facts.wrong_name, facts.right_name) == (7, "playr", "player")
    assert grounding.key_facts(MISSING_COLON).symbol == ":"
    assert grounding.key_facts({"line": 2, "message": "'(' was never closed"}).symbol == ")"


def test_a_faithful_explanation_passes():
    answer = "On line 12 you wrote scor, but your program made a name called score. Check the spelling!"
    assert grounding.check_hint(answer, NAME_ERROR).ok


def test_the_smollm2_story_about_types_is_rejected():
    # What SmolLM2-135M really said about this error (issue 9).
    answer = ("The Python error \"name\" (not `scer`) occurs when the function doesn't define an attribute "
              "named `score` and it's used as a default argument for another function.")
    result = grounding.check_hint(answer, NAME_ERROR)
    assert not result.ok
    assert "line 12" in result.missing and "the name written: scor" in result.missing


def test_contradictions_are_caught():
    wrong_line = grounding.check_hint("Line 12 and line 40: scor should be score.", NAME_ERROR)
    assert not wrong_line.ok and any("line 40" in c for c in wrong_line.contradictions)
    backwards = grounding.check_hint("On line 12, score is not defined; keep scor.", NAME_ERROR)
    assert not backwards.ok
    semicolon = grounding.check_hint("Line 3 needs a semicolon at the end.", MISSING_COLON)
    assert not semicolon.ok
    other_error = grounding.check_hint("Line 12 has a TypeError: scor is not score.", NAME_ERROR)
    assert not other_error.ok


def test_missing_colon_needs_the_colon():
    assert grounding.check_hint("Line 3 starts an if. It needs a colon (:) at the end.", MISSING_COLON).ok
    assert grounding.check_hint("En la línea 3 falta poner dos puntos al final del if.", MISSING_COLON).ok
    assert not grounding.check_hint("Line 3 has a small mistake.", MISSING_COLON).ok


def test_invented_pygame_functions_are_contradictions():
    assert grounding.unknown_pygame_names("Call pygame.display.flip() and pygame.mixer.music.play().") == []
    assert grounding.unknown_pygame_names("Use pygame.display.refresh_all()") == ["pygame.display.refresh_all"]
    result = grounding.check_answer("Use pygame.sprite.jump() to jump.", "Change `y` each frame.")
    assert not result.ok


def test_answers_must_keep_the_code_the_rules_named():
    rules = "Call `pygame.display.flip()` once per frame, after drawing."
    assert grounding.check_answer("Draw first, then call pygame.display.flip() each frame.", rules).ok
    assert not grounding.check_answer("Just wait a little and it works.", rules).ok


def name_error(rules_hint="", source_excerpt="", lang="en"):
    finding = Finding("runtime", 12, None, "diag.name_error", {"line": 12, "name": "scor", "suggestion": "score"})
    return HintFacts(lang, finding, rules_hint, 2, source_excerpt,
                     error_message="NameError: name 'scor' is not defined")


def test_review_shows_the_grounded_answer_and_drops_the_other():
    facts = name_error("Did you mean score?")
    good = "On line 12 you typed scor. The name you made is score."
    assert review(good, facts) == good
    assert review("Names are fun. Try again!", facts) is None
    unsafe = "On line 12 you typed scor, not score. Ask at www.example.com"
    assert review(unsafe, facts) is None


def test_an_answer_in_the_wrong_language_is_dropped():
    english = "On line 12 you wrote scor. Your program made a name called score, and that is the one to use."
    spanish = "En la línea 12 escribiste scor. Tu programa tiene un nombre que es score, y es el que tienes que usar."
    english_facts, spanish_facts = name_error(), name_error(lang="es")
    assert grounding.check(english, english_facts).ok
    assert not grounding.check(english, spanish_facts).ok
    assert grounding.check(spanish, spanish_facts).ok
    assert not grounding.check(spanish, english_facts).ok


def test_code_quoted_from_nowhere_and_echoed_instructions_are_dropped():
    facts = name_error(source_excerpt=">12 |     scor = scor + 1")
    assert grounding.check("On line 12, `scor = scor + 1` uses scor. You made score.", facts).ok
    invented = grounding.check("On line 12 use `float(scor)` instead of score.", facts)
    assert not invented.ok and any("nobody wrote" in c for c in invented.contradictions)
    echo = grounding.check("The child wrote scor on line 12, not score.", facts)
    assert not echo.ok and any("instructions" in c for c in echo.contradictions)
    for retold_prompt in ("You are KidCoder's helper for children aged 8 to 14. Line 12 uses scor, not score.",
                          "The hint states that line 12 uses scor, but you made score.",
                          "Line 12: scor = scor + 1 Name written: scor Name meant: score"):
        echoed = grounding.check(retold_prompt, facts)          # shown to children by Qwen 0.5B (issue 19)
        assert not echoed.ok and any("instructions" in c for c in echoed.contradictions), retold_prompt

def test_the_prompts_problem_line_fact_repeated_is_dropped_but_a_line_talked_about_is_not():
    program = "\n".join(["score = 0"] * 11 + ["    scor = scor + 1"]) + "\n"
    facts = name_error(source_excerpt=">12 |     scor = scor + 1")
    facts = HintFacts(facts.lang, facts.finding, facts.rules_hint, facts.level, facts.source_excerpt,
                      error_message=facts.error_message, program=program)
    echoed = grounding.check("On line 12 you wrote scor, not score. Line 12: scor = scor + 1", facts)
    assert not echoed.ok and any("instructions" in c for c in echoed.contradictions)
    assert grounding.check("Line 12: you wrote scor, but you made score.", facts).ok
    assert grounding.echoes_problem_line('Print is a function. Line 2: Print "Hello", name.', 2, 'print "Hello", name')
    assert grounding.echoes("Línea 3: Si la respuesta es mayor. Clave palabras: >")
