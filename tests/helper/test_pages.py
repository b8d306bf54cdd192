"""An answer's first screen: at most ~120 words of its prose and every example; the rest behind "Tell me more"."""
from kidcoder.helper.pages import CODE, PROSE, code_examples, first_screen, split_parts, words_in

LONG = "\n\n".join([
    "Gravity and jumping",
    "To jump, your player needs an up-and-down speed. " * 4,
    "- **Gravity:** every frame, add a little to `y_speed`.\n- **Jump:** set `y_speed = -15`.",
    "Only jump when you are on the ground. " * 6,
    "Try this example:\n```python\nimport pygame\ny_speed = 0\n```",
    "You can also ask about: Speed; Keys.",
])


def test_parts_are_paragraphs_and_code_blocks_in_order():
    parts = split_parts(LONG)
    assert [part.kind for part in parts] == [PROSE] * 5 + [CODE, PROSE]
    assert parts[4].text == "Try this example:" and parts[5].text == "import pygame\ny_speed = 0"
    assert code_examples(LONG) == ["import pygame\ny_speed = 0"]


def test_a_long_answer_shows_its_first_words_and_every_example():
    first, more = first_screen(LONG, 60)
    assert more
    prose = [part.text for part in split_parts(first) if part.kind == PROSE and part.text != "Try this example:"]
    assert sum(words_in(text) for text in prose) <= 60
    assert prose[0] == "Gravity and jumping"
    assert code_examples(first) == code_examples(LONG) and "Try this example:" in first
    assert "You can also ask about" not in first


def test_a_short_answer_is_shown_whole():
    assert first_screen("Short answer.\n\n```python\nx = 1\n```", 120) == ("Short answer.\n\n```python\nx = 1\n```",
                                                                           False)


def test_a_first_paragraph_that_is_too_long_is_cut_at_a_sentence():
    text = "One two three. Four five six. Seven eight nine. " * 10
    first, more = first_screen(text, 20)
    assert more and first.endswith(".") and words_in(first) <= 20 and first.startswith("One two three.")


def test_the_median_card_answer_is_cut_to_120_words():
    import statistics
    from kidcoder.knowledge.cards import load_cards

    sizes = []
    for card in load_cards("en"):
        text = card.title + "\n\n" + card.body + "\n\nTry this example:\n```python\n" + card.code + "\n```"
        first, _ = first_screen(text)
        sizes.append(sum(words_in(part.text) for part in split_parts(first) if part.kind == PROSE))
    assert max(sizes) <= 125 and statistics.median(sizes) <= 120
