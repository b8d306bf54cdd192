"""tools/fetch_real_corpus.py and tools/real_corpus_placeholders.py, without network: the sha256 check on a
local file, the files a program names fetched from a repository faked here, and placeholders pygame can load."""
import hashlib
import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_tool(name):
    sys.path.insert(0, str(ROOT / "tools"))     # fetch_real_corpus imports the placeholders tool beside it
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "tools"))


fetch = load_tool("fetch_real_corpus")
placeholders = load_tool("real_corpus_placeholders")

PROGRAM = (b"import pygame\nimport config\nfrom helpers import draw\n"
           b"ball = pygame.image.load('ball.png')\nsound = pygame.mixer.Sound('music/bgm.ogg')\n"
           b"font = pygame.font.Font('gone.ttf', 20)\nother = '../outside.png'\n")
REPO = {
    "game/main.py": PROGRAM,
    "game/ball.png": b"picture bytes",
    "game/config.py": b"SIZE = 3\nBACK = 'back.jpg'\n",
    "game/back.jpg": b"background bytes",
    "game/music/bgm.ogg": b"the author's music",
    "outside.png": b"not beside the program",
}


def entry(data=PROGRAM, **extra):
    return dict({"id": "game", "file": "game_case/main.py", "sha256": hashlib.sha256(data).hexdigest(),
                 "placeholders": [], "source": {"kind": "repository", "repo": "someone/game",
                                                "commit": "0" * 40, "path": "game/main.py"}}, **extra)


def test_the_sha256_check_on_a_local_file(tmp_path):
    program = tmp_path / "main.py"
    program.write_bytes(PROGRAM)
    index = {"programs": [entry()]}
    assert fetch.check_file(index, program, "game")
    program.write_bytes(PROGRAM.replace(b"\n", b"\r\n"))           # other line endings: not the same program
    assert not fetch.check_file(index, program, "game")
    (tmp_path / "index.json").write_text(json.dumps(index), encoding="utf-8")
    assert fetch.main(["--index", str(tmp_path / "index.json"), "--check", str(program), "game"]) == 1
    assert fetch.check_file(index, program, "no-such-id") is None          # said, not a StopIteration
    assert fetch.main(["--index", str(tmp_path / "index.json"), "--check", str(program), "no-such-id"]) == 2


def test_a_network_error_is_counted_and_the_other_entries_are_still_fetched(tmp_path, monkeypatch, capsys):
    def getter(repo, commit):
        if repo == "someone/offline":
            return lambda path: fetch.download("http://127.0.0.1:9/nothing-listens-here", timeout=2)
        return REPO.get
    offline = entry(id="offline", file="offline_case/main.py")
    offline["source"] = dict(offline["source"], repo="someone/offline")
    (tmp_path / "index.json").write_text(json.dumps({"programs": [offline, entry()]}), encoding="utf-8")
    monkeypatch.setattr(fetch, "http_getter", getter)
    assert fetch.main([str(tmp_path / "programs"), "--index", str(tmp_path / "index.json"), "--no-placeholders"]) == 1
    assert json.loads(capsys.readouterr().out) == {"fetch-error": 1, "ok": 1}
    assert (tmp_path / "programs" / "game_case" / "main.py").read_bytes() == PROGRAM


def test_programs_come_from_local_git_copies_at_their_commit_without_network(tmp_path, capsys):
    """--git-mirrors: a snapshot of each repository (as the tool library's `fetch` keeps them, owner+name/repo)
    stands in for the network; the file is taken at the entry's commit, not as it is now."""
    import subprocess

    work = tmp_path / "someone+game" / "repo"
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t"]
    for path, data in REPO.items():
        (work / path).parent.mkdir(parents=True, exist_ok=True)
        (work / path).write_bytes(data)
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "first"], check=True)
    commit = subprocess.run(git + ["rev-parse", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    (work / "game" / "main.py").write_bytes(b"print('changed later')\n")
    subprocess.run(git + ["commit", "-qam", "later"], check=True)
    pinned = entry()
    pinned["source"] = dict(pinned["source"], commit=commit)
    elsewhere = entry(id="elsewhere", file="elsewhere_case/main.py")
    elsewhere["source"] = dict(elsewhere["source"], repo="nobody/copied")
    (tmp_path / "index.json").write_text(json.dumps({"programs": [pinned, elsewhere]}), encoding="utf-8")
    code = fetch.main([str(tmp_path / "programs"), "--index", str(tmp_path / "index.json"), "--no-placeholders",
                       "--git-mirrors", str(tmp_path)])
    assert json.loads(capsys.readouterr().out) == {"ok": 1, "no-mirror": 1} and code == 1   # one not brought
    assert (tmp_path / "programs" / "game_case" / "main.py").read_bytes() == PROGRAM
    assert (tmp_path / "programs" / "game_case" / "music" / "bgm.ogg").read_bytes() == b"the author's music"


def test_the_tools_and_the_bench_look_for_the_programs_in_the_same_folder(monkeypatch, tmp_path):
    from kidcoder.bench.hint_real import programs_folder

    assert placeholders.default_programs() == programs_folder(placeholders.INDEX.parent)
    assert placeholders.default_programs() == placeholders.INDEX.parent / "programs"
    monkeypatch.setenv("KIDCODER_REAL_CORPUS_PROGRAMS", str(tmp_path))
    assert placeholders.default_programs() == tmp_path


def test_the_raw_url_of_an_entry_quotes_the_path():
    assert (fetch.raw_url("a/b", "c" * 40, "dodger initial.py")
            == f"https://raw.githubusercontent.com/a/b/{'c' * 40}/dodger%20initial.py")


def test_the_files_a_program_names_and_the_modules_it_imports():
    names = fetch.named_files(PROGRAM.decode() + "import os, random as r\nx = 'C:\\\\pics\\\\a.png'\n"
                              "dog = load(os.path.join('assets', 'dog_1.png'))\n")
    assert names == {"config.py", "helpers.py", "ball.png", "music/bgm.ogg", "gone.ttf", "../outside.png",
                     "assets/dog_1.png", "dog_1.png"}   # each literal, and the joined path


def test_a_program_comes_with_the_files_it_names_from_its_repository(tmp_path):
    status = fetch.fetch_entry(entry(placeholders=["gone.ttf"]), tmp_path, REPO.get)
    assert status == "ok"
    folder = tmp_path / "game_case"
    assert (folder / "main.py").read_bytes() == PROGRAM
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()) == [
        "back.jpg", "ball.png", "config.py", "main.py", "music/bgm.ogg"]   # config.py's own picture too


def test_a_program_with_other_bytes_is_not_kept(tmp_path):
    changed = dict(REPO, **{"game/main.py": PROGRAM + b"# changed\n"})
    assert fetch.fetch_entry(entry(), tmp_path, changed.get) == "sha-mismatch"
    assert fetch.fetch_entry(entry(), tmp_path, {}.get) == "missing"
    assert not (tmp_path / "game_case").exists()


def test_placeholders_are_made_once_and_pygame_loads_them(tmp_path, monkeypatch):
    monkeypatch.setenv("SDL_VIDEODRIVER", "dummy")
    monkeypatch.setenv("SDL_AUDIODRIVER", "dummy")
    import pygame

    index = {"programs": [
        {"id": "a", "file": "a/main.py", "placeholders": ["hero.png", "sky.jpg", "snow.gif", "uni.otf",
                                                          "pop.wav", "space.ogg",
                                                          "background.mid (replaced: unreadable here)"]},
        {"id": "b", "file": "b/main.py", "placeholders": ["music/bgm.wav", "hero.png"]}]}
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "hero.png").write_bytes(b"the author's own picture")
    counts = placeholders.make(index, tmp_path)
    assert counts == {"made": 8, "kept": 1}
    assert (tmp_path / "b" / "hero.png").read_bytes() == b"the author's own picture"
    assert (tmp_path / "a" / "background.mid").is_file()
    pygame.init()
    try:
        for name in ("hero.png", "sky.jpg", "snow.gif"):
            assert pygame.image.load(str(tmp_path / "a" / name)).get_size() == (64, 64)
        assert pygame.font.Font(str(tmp_path / "a" / "uni.otf"), 20).size("Hi")[0] > 0
        pygame.mixer.init()
        for name in ("a/pop.wav", "a/space.ogg", "b/music/bgm.wav"):
            assert pygame.mixer.Sound(str(tmp_path / name)).get_length() > 0
            pygame.mixer.music.load(str(tmp_path / name))       # music picks the decoder by the name's ending
    finally:
        pygame.quit()
    assert placeholders.make(index, tmp_path) == {"made": 0, "kept": 9}


def test_the_committed_index_names_only_files_the_tool_can_make():
    index = json.loads((ROOT / "tests" / "diagnosis" / "real_corpus" / "index.json").read_text(encoding="utf-8"))
    plan = placeholders.planned(index, Path("programs"))
    assert plan and all(os.path.basename(item["path"]) and "(" not in item["path"] for item in plan)
    assert {item["kind"] for item in plan} == {"picture", "sound", "font"}
