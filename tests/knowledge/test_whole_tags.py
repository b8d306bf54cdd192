"""A card whose tag the child said whole ranks above one where the child's word is only part of a longer tag."""
from kidcoder.knowledge.index import KnowledgeIndex
from kidcoder.knowledge.index import whole_tags

from tests.knowledge.test_index import write_card


def test_tags_are_kept_as_their_stems_and_a_tag_counts_only_when_every_word_is_said():
    stored = whole_tags.tag_stems(["walk through walls", "maze"], "en")
    assert stored == "through walk wall|maze"
    said = whole_tags.topic_stems([("guy", 1.0), ("walk", 0.8)], "en")
    assert whole_tags.whole_share(said, stored) == 0.0
    assert whole_tags.whole_share(said, whole_tags.tag_stems(["walk", "guy"], "en")) == 1.0
    assert whole_tags.boost(said, whole_tags.tag_stems(["walk"], "en")) == 1.0 + whole_tags.WHOLE_TAG * 0.8 / 1.8
    assert whole_tags.tag_stems(["que me siga"], "es") == "sig"          # the index's stop words are dropped


def test_a_whole_tag_lifts_its_card_over_one_where_the_word_is_part_of_a_longer_tag(tmp_path, monkeypatch):
    root = tmp_path / "cards"
    write_card(root, "en", "recipe-maze", "Maze game recipe", "maze, walk through walls, guy",
               "Your guy can walk through walls.")
    write_card(root, "en", "move-with-keys", "Moving with the arrow keys", "move, walk, guy",
               "Your guy can walk with the keys.")
    index = KnowledgeIndex(index_dir=tmp_path / "index", cards_dir=root).ensure_ready()
    try:
        hits = {hit.card_id: hit.score for hit in index.search("how do i make my guy walk", "en")}
        assert hits["move-with-keys"] > 1.1 * hits["recipe-maze"]
        monkeypatch.setattr(whole_tags, "WHOLE_TAG", 0.0)        # word by word, the two cards are as good
        hits = {hit.card_id: hit.score for hit in index.search("how do i make my guy walk", "en")}
        assert abs(hits["move-with-keys"] - hits["recipe-maze"]) < 0.01
    finally:
        index.close()


def test_the_real_cards_answer_a_walking_guy_with_moving_not_the_maze_recipe():
    from kidcoder.helper.answers import answer_question
    from kidcoder.knowledge.index import shared_index

    answer = answer_question("hw du i mak ma gai wok", "en", index=shared_index())
    assert answer.sources[0].id == "move-with-keys"


def test_the_real_cards_answer_a_two_word_tag_said_whole_with_its_card_not_those_of_each_word():
    from kidcoder.knowledge.index import shared_index

    index = shared_index()
    assert index.search("komo uso la barra espaciadora", "es")[0].card_id == "keydown-vs-get-pressed"
    assert index.search("una barra de vida", "es")[0].card_id == "health-bar"       # "barra" alone: the health bar
    assert index.search("la barra", "es")[0].card_id == "health-bar"
