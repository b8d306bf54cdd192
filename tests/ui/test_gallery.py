"""The examples gallery reads index.json in the child's language and copies examples, never editing them."""
from kidcoder import paths
from kidcoder.ui.gallery import copy_example, free_name, grid_items, load_examples


def test_examples_load_in_both_languages():
    en, es = load_examples("en"), load_examples("es")
    assert len(en) >= 12 and len(en) == len(es)
    assert [e.file for e in en] == [e.file for e in es]
    assert all(e.title and e.description for e in en + es)
    assert any(a.title != b.title for a, b in zip(en, es))


def test_grid_items_carry_the_tip():
    items = grid_items(load_examples("en"))
    choice, label, description = items[0]
    assert choice.endswith(".py") and label in description and "Try this" in description


def test_copy_example_makes_a_new_file_each_time(tmp_path):
    first = copy_example("moving_square.py", tmp_path, lang="en")
    second = copy_example("moving_square.py", tmp_path, lang="en")
    assert first.name == "moving_square.py" and second.name == "moving_square_2.py"
    shipped = (paths.assets_dir() / "examples" / "moving_square.py").read_text(encoding="utf-8")
    assert first.read_text(encoding="utf-8") == shipped
    assert free_name(tmp_path, "moving_square.py").name == "moving_square_3.py"


def test_a_missing_index_gives_no_examples(tmp_path):
    assert load_examples("en", tmp_path) == []


def test_a_spanish_child_gets_the_example_with_spanish_comments_and_words(tmp_path):
    copied = copy_example("catch.py", tmp_path, lang="es").read_text(encoding="utf-8")
    assert copied.startswith("# Atrapar: mueve la cesta con las flechas")
    assert 'pygame.display.set_caption("Atrapar")' in copied
    assert '"Pulsa R para jugar otra vez"' in copied and "# Mueve la cesta a izquierda y derecha" in copied
    assert "basket.x = basket.x - 7" in copied and "Move the basket" not in copied
    assert (tmp_path / "images" / "apple.png").is_file()
