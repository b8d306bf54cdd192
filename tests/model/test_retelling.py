"""A model's text beneath a hint must be in other words, and claim nothing the finding does not back.

The model texts here are what Qwen2.5-Coder-0.5B-Instruct (Q4_K_M) really wrote on the
real corpus (tests/diagnosis/real_corpus, case named beside each) on 3 December 2026,
and each was shown to the child then: it kept every key fact of the finding.
"""
from kidcoder.model import false_claims, grounding, retelling
from kidcoder.model.review import StreamGate, review

SPEED_X = {"kind": "runtime", "line": 72, "key": "diag.name_error",
           "message": "NameError: name 'speed_x' is not defined", "values": {"line": 72, "name": "speed_x"}}
SPEED_X_RULES_ES = ("Python ejecuta tu programa de arriba abajo. En la línea 72, speed_x todavía no tiene valor. "
                    "Dale un valor antes, en una línea de arriba.")
SPEED_X_RULES_EN = ("Python runs your program from the top down. On line 72, speed_x has no value yet. "
                    "Give it a value first, on a line above.")
SPEED_X_PROGRAM = "ball = Ball()\nball.rect.x += speed_x\nspeed_x = 3\n"
UPDATE_AFTER_LOOP = {"kind": "logic", "line": 79, "key": "diag.update_after_loop",
                     "values": {"line": 79, "loop_line": 62}}
UPDATE_RULES_ES = ("La línea 79 actualiza la pantalla, pero está después del bucle del juego que empieza en la línea "
                   "62. Solo se ejecuta cuando el bucle termina, así que la ventana nunca muestra tu dibujo.")


def test_a_copy_of_the_rules_words_is_all_copied_and_its_own_words_are_not():
    assert retelling.copied_share(UPDATE_RULES_ES, UPDATE_RULES_ES) == 1.0
    assert retelling.copied_share("You need to assign a value to `speed_x` on line 72.", SPEED_X_RULES_EN) == 0.0


def test_a_copy_with_a_few_words_changed_says_the_rules_words_again_and_is_not_shown():
    # kid_pong_update_outside_loop: the copy's changed words turned "when the loop ends" into "when it starts"
    copy = ("La línea 79 actualiza la pantalla, pero está después del bucle del juego que empieza en la línea 62. "
            "Solo se ejecuta cuando el bucle del juego comienza.")
    verdict = grounding.check_hint(copy, UPDATE_AFTER_LOOP, UPDATE_RULES_ES)
    assert verdict.adds_nothing and not verdict.ok
    assert verdict.missing == [] and verdict.contradictions == []      # every fact kept: only the copy stops it
    assert any("words again" in line for line in grounding.describe(verdict))


def test_a_retelling_in_its_own_words_is_shown():
    own = "`speed_x` gets its value too late: line 72 uses it before any line gives it one."
    verdict = grounding.check_hint(own, SPEED_X, SPEED_X_RULES_EN, SPEED_X_PROGRAM)
    assert verdict.ok, grounding.describe(verdict)


def test_a_name_said_to_have_no_value_must_be_the_one_the_finding_names():
    # kid_pong_speed_undefined (es)
    said = ("Te ayudaré con tu tarea. En la línea 72, `ball.rect.x` todavía no tiene valor. Dale un valor antes, "
            "en una línea: `ball.rect.x += speed_x`.")
    assert false_claims.said_without_value(said, "speed_x") == ["ball.rect.x"]
    assert false_claims.said_without_value("En la línea 72, speed_x todavía no tiene valor.", "speed_x") == []
    # sd_mangled_line (es): a line Python could not read, and the model blamed a name
    assert false_claims.said_without_value("A veces el error real es que la variable WIDTH no está definida.",
                                           None) == ["WIDTH"]
    verdict = grounding.check_hint(said, SPEED_X, SPEED_X_RULES_ES, SPEED_X_PROGRAM)
    assert not verdict.ok
    assert any("no value" in c for c in verdict.contradictions)
    assert any("chat assistant" in c for c in verdict.contradictions)


def test_a_shorter_name_for_a_call_is_another_function():
    # kid_shooter_quit_in_loop: pygame.quit() switches pygame off; quit() ends Python
    rules = "pygame.quit() switches pygame off. Line 30 still wants to use it after that, so pygame cannot do it."
    said = "Line 30 is trying to use `quit()` after that, which is not allowed."
    assert false_claims.shortened_calls(said, rules) == ["quit"]
    assert false_claims.shortened_calls("Line 30 uses pygame after `pygame.quit()`.", rules) == []
    assert false_claims.shortened_calls(said, "Line 30 calls quit() and pygame.quit().") == []


def test_a_call_written_out_must_be_in_the_program_token_for_token():
    # book_circle_for_ellipse (es): the program's call has a rectangle, the model's has a centre
    program = "pygame.draw.circle(windowSurface, RED, (300, 250, 40, 80))\n"
    said = "En la línea 39, pygame.draw.circle(windowSurface, RED, (300, 250)) crea un círculo."
    assert false_claims.invented_calls(said, program) == ["pygame.draw.circle(windowSurface, RED, (300, 250))"]
    assert false_claims.invented_calls("pygame.draw.circle(windowSurface,RED,(300,250,40,80)) wants a centre.",
                                       program) == []
    assert false_claims.invented_calls("Call fill() first.", program) == []


def test_code_blocks_and_quoted_line_numbers_are_claims_too():
    # kid_pong_button_kwarg and tykc_template_class_syntax (en)
    assert false_claims.writes_code('The correct line should be: ```python btn = Button(y=200) ```')
    assert not false_claims.writes_code("Line 52 gives Button a value it does not know.")
    assert false_claims.quotes_a_line_number('You need to fix the spelling of "line 17" in your code.')
    assert not false_claims.quotes_a_line_number("Check the spelling on line 17.")


def test_chat_turns_are_found_at_the_start_of_a_sentence_line():
    assert retelling.chats("You're correct. Python found a ) on line 8 that closes nothing.") == ["you're correct"]
    assert retelling.chats("Te ayudaré con tu tarea. En la línea 72…") == ["te ayudaré"]
    assert retelling.chats("Python found a ) on line 8. Maybe there is one too many.") == []


def _hint_facts(rules, program, finding):
    from kidcoder.diagnosis.finding import Finding
    from kidcoder.model.facts import HintFacts

    found = Finding(finding["kind"], finding["line"], None, finding["key"], finding["values"])
    return HintFacts("es", found, rules, 2, program=program, rules_words=rules)


def test_a_streamed_copy_is_held_back_not_shown_and_then_taken_away():
    facts = _hint_facts(UPDATE_RULES_ES, "", UPDATE_AFTER_LOOP)
    gate = StreamGate("es", facts)
    released = "".join(gate.feed(piece + " ") for piece in UPDATE_RULES_ES.split(" "))
    assert released == "" and not gate.unsafe           # held, not rejected: more words could still come
    assert review(UPDATE_RULES_ES, facts) is None
    own = "Mueve la línea 79 dentro del bucle de la línea 62, y tu dibujo se verá en cada vuelta."
    gate = StreamGate("es", facts)
    assert "".join(gate.feed(piece + " ") for piece in own.split(" ")).strip() == own


def test_the_mend_goes_above_when_the_rules_say_so():
    # sd_print_before_define and sd_import_commented (en): both told the child to mend the problem line itself
    rules = "Python runs your program from the top down. On line 42, baddies has no value yet. Give it a value " \
            "first, on a line above."
    assert false_claims.mends_on_the_problem_line("You should give `baddies` a value first, on line 42.", rules, 42)
    assert false_claims.mends_on_the_problem_line("You need to import the pygame module at line 45.",
                                                  "It goes at the top of the program.", 45)
    assert not false_claims.mends_on_the_problem_line("Give `baddies` a value on a line before line 42.", rules, 42)
    assert not false_claims.mends_on_the_problem_line("Add a colon at the end of line 42.",
                                                      "Line 42 needs a colon at its end.", 42)


def test_a_mend_the_wrong_way_for_the_kind_of_problem_is_a_false_claim():
    # kid_shooter_prank_syntax and sd_orbs_indent (en), from the eleventh pass's run
    colon, indent = "diag.missing_colon", "diag.unexpected_indent"
    assert false_claims.wrong_way('You need to add a colon after the "for" keyword in line 4.', colon)
    assert false_claims.wrong_way("Pon dos puntos después del if en la línea 15.", colon)
    assert false_claims.wrong_way("Add a colon after `if x > 3` on line 15.", colon) is None       # after all of it
    assert false_claims.wrong_way("Line 4 starts with for, so it needs a colon at its end.", colon) is None
    assert false_claims.wrong_way("You need to add a space at the start of Line 101 to make it belong to a block.",
                                  indent)
    assert false_claims.wrong_way("Move line 101 left so it lines up with the line above.", indent) is None
    assert false_claims.wrong_way("You should move line 63 to the right.", "diag.unindent_mismatch") is None


def test_the_prompts_labels_translated_are_the_prompt_retold():
    # sd_code_in_class_body (es), eleventh pass: the facts' labels, in Spanish
    assert retelling.echoes("Línea 32: Si moveLeft y playerRect.left es mayor que 0:\nNombre escrito: moveLeft")
    assert retelling.echoes("A la línea 3 le falta un paréntesis al final.") == []
