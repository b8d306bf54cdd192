"""Download the real corpus's programs on a developer machine with network (the app never uses this).

    python3 tools/fetch_real_corpus.py [PROGRAMS] [--index INDEX] [--only ID ...] [--no-placeholders]
                                       [--git-mirrors FOLDER]

For each repository entry of tests/diagnosis/real_corpus/index.json: the program from its commit's raw URL
(https://raw.githubusercontent.com/<repo>/<commit>/<path>), kept only when its sha256 is the index's; then the
files beside it that the program names and its repository has at that commit (pictures, sounds, fonts, text
files named in string literals or joined with os.path.join from literals, and local modules it imports, whose
own named files are fetched too); files that are not there are left to the placeholders. Then
tools/real_corpus_placeholders.py makes the placeholders. Issue-thread entries are not downloaded: their
program is the code posted in the thread (index.json gives the URL; copy it by hand and check the sha256 with
--check FILE ID).

PROGRAMS defaults to KIDCODER_REAL_CORPUS_PROGRAMS, else tests/diagnosis/real_corpus/programs (git-ignored).
The programs are third-party code: never commit them. With --git-mirrors FOLDER the files come from local git
copies of the repositories (FOLDER/<owner>+<name>, bare or with repo/.git) instead of the network; an entry
whose repository has no copy there is counted as 'no-mirror' (and the tool ends with 1). With no network each
entry is counted as 'fetch-error' and the tool ends with 1.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import posixpath
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Callable, Dict, List, Optional, Set

ROOT = Path(__file__).resolve().parents[1]
INDEX = ROOT / "tests" / "diagnosis" / "real_corpus" / "index.json"
RAW = "https://raw.githubusercontent.com/{repo}/{commit}/{path}"
MEDIA = r"png|jpe?g|gif|bmp|tga|wav|ogg|mp3|mid|midi|ttf|otf|txt|json|csv|dat|mp4|mpg|avi"
NAMED = re.compile(r"""['"]([^'"\n{}]{1,160}\.(?:%s))['"]""" % MEDIA, re.I)
JOINED = re.compile(r"""path\.join\(\s*((?:['"][^'"\n]+['"]\s*,\s*)+['"][^'"\n]+['"])\s*\)""")
LITERAL = re.compile(r"""['"]([^'"\n]+)['"]""")
IMPORTS = re.compile(r"^[ \t]*(?:from[ \t]+([A-Za-z_]\w*)[ \t]+import\b|import[ \t]+([A-Za-z_][\w \t,]*))", re.M)
STANDARD = set(getattr(sys, "stdlib_module_names", ())) | {"pygame", "pygame_gui", "numpy", "pgzrun", "pgzero"}
Getter = Callable[[str], Optional[bytes]]   # a path in the repository at the commit -> its bytes, or None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def matches(entry: dict, data: bytes) -> bool:
    """Are these the bytes the index recorded for the entry?"""
    return sha256(data) == entry["sha256"]


def raw_url(repo: str, commit: str, path: str) -> str:
    return RAW.format(repo=repo, commit=commit, path=urllib.parse.quote(path))


def download(url: str, timeout: float = 30.0) -> Optional[bytes]:
    """The bytes at a URL, or None when it is not there (404)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.read()
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


def named_files(source: str) -> Set[str]:
    """Relative file names the program names in string literals, and the local modules it imports."""
    names = {name.replace("\\", "/") for name in NAMED.findall(source)}
    for parts in JOINED.findall(source):          # os.path.join('assets', 'dog.png') -> assets/dog.png
        joined = "/".join(LITERAL.findall(parts))
        if NAMED.fullmatch(repr(joined)):
            names.add(joined)
    for single, several in IMPORTS.findall(source):
        modules = [single] if single else [part.strip().split()[0] for part in several.split(",") if part.strip()]
        names |= {f"{module}.py" for module in modules if module and module not in STANDARD}
    return {name for name in names if not name.startswith("/") and ":" not in name}


def side_files(program_path: str, source: str, get: Getter, skip: Set[str] = frozenset()) -> Dict[str, bytes]:
    """The files beside the program that it names and its repository has: {relative name: bytes}.
    Local modules are read for their own names too; names in `skip` (placeholders) are left out."""
    folder = posixpath.dirname(program_path)
    found: Dict[str, bytes] = {}
    queue = [source]
    while queue:
        for name in sorted(named_files(queue.pop())):
            if name in found or name in skip:
                continue
            if ".." in name.split("/"):       # nothing is written outside the program's folder
                continue
            repo_path = posixpath.normpath(posixpath.join(folder, name))
            data = get(repo_path)
            if data is None:
                continue
            found[name] = data
            if name.endswith(".py"):
                queue.append(data.decode("utf-8", "replace"))
    return found


def placeholder_names(entry: dict) -> Set[str]:
    return {raw.split(" (", 1)[0].strip() for raw in entry.get("placeholders", [])}


def fetch_entry(entry: dict, programs: Path, get: Getter) -> str:
    """One repository entry into programs/: 'ok', 'sha-mismatch' or 'missing' (nothing written then)."""
    source = entry["source"]
    data = get(source["path"])
    if data is None:
        return "missing"
    if not matches(entry, data):
        return "sha-mismatch"
    target = programs / entry["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    text = data.decode("utf-8", "replace")
    for name, content in side_files(source["path"], text, get, placeholder_names(entry)).items():
        beside = target.parent / name
        if not beside.exists():
            beside.parent.mkdir(parents=True, exist_ok=True)
            beside.write_bytes(content)
    return "ok"


def http_getter(repo: str, commit: str) -> Getter:
    return lambda path: download(raw_url(repo, commit, path))


def mirror_of(mirrors: Path, repo: str) -> Optional[Path]:
    """The git directory of repo's copy under mirrors: <owner>+<name> itself (bare), or its repo/ or
    repo/.git folder (how a snapshot of a repository is laid out); None when there is none."""
    base = mirrors / repo.replace("/", "+")
    for folder in (base, base / "repo", base / "repo" / ".git", base / ".git"):
        if (folder / "HEAD").is_file() and (folder / "objects").is_dir():
            return folder
    return None


def git_getter(git_dir: Path, commit: str) -> Getter:
    """Files of a local copy of the repository at the entry's commit (no network: `git show`)."""
    def get(path: str) -> Optional[bytes]:
        shown = subprocess.run(["git", "--git-dir", str(git_dir), "show", f"{commit}:{path}"],
                               capture_output=True)
        return shown.stdout if shown.returncode == 0 else None
    return get


def check_file(index: dict, path: Path, case_id: str) -> Optional[bool]:
    """Does the file have the entry's sha256? None when the index has no entry with that id."""
    entry = next((e for e in index["programs"] if e["id"] == case_id), None)
    return None if entry is None else matches(entry, path.read_bytes())


def fetch_or_say(entry: dict, programs: Path, get: Getter) -> str:
    """fetch_entry's status, or 'fetch-error' when the network failed (no network, a timeout, a 500):
    that entry is counted and the others are still tried."""
    try:
        return fetch_entry(entry, programs, get)
    except (urllib.error.URLError, OSError, ValueError) as error:     # HTTPError and timeouts included
        print(f"{entry['id']}: {error}", file=sys.stderr)
        return "fetch-error"


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="?", type=Path, default=None)
    parser.add_argument("--index", type=Path, default=INDEX)
    parser.add_argument("--only", nargs="*", default=None, help="entry ids")
    parser.add_argument("--check", nargs=2, metavar=("FILE", "ID"), help="only check a file's sha256 against an entry")
    parser.add_argument("--no-placeholders", action="store_true")
    parser.add_argument("--git-mirrors", type=Path, default=None,
                        help="a folder of local git copies named owner+name (no network needed)")
    args = parser.parse_args(argv)
    index = json.loads(args.index.read_text(encoding="utf-8"))
    if args.check:
        ok = check_file(index, Path(args.check[0]), args.check[1])
        if ok is None:
            print(f"no entry with the id {args.check[1]!r} in {args.index}", file=sys.stderr)
            return 2
        print("sha256 matches" if ok else "sha256 differs")
        return 0 if ok else 1
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import real_corpus_placeholders

    programs = args.programs or real_corpus_placeholders.default_programs()
    counts: Dict[str, int] = {}
    for entry in index["programs"]:
        if args.only and entry["id"] not in args.only:
            continue
        source = entry["source"]
        if source.get("kind") != "repository":
            status = "thread (copy by hand)"
        else:
            mirror = mirror_of(args.git_mirrors, source["repo"]) if args.git_mirrors else None
            if args.git_mirrors and mirror is None:
                status = "no-mirror"
            else:
                get = git_getter(mirror, source["commit"]) if mirror else http_getter(source["repo"], source["commit"])
                status = fetch_or_say(entry, programs, get)
        counts[status] = counts.get(status, 0) + 1
        if status != "ok":
            print(f"{entry['id']}: {status}", file=sys.stderr)
    if not args.no_placeholders:
        counts.update(real_corpus_placeholders.make(index, programs))
    print(json.dumps(counts))
    return 0 if not (counts.get("sha-mismatch") or counts.get("fetch-error") or counts.get("no-mirror")) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
