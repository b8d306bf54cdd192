"""The `kidcoder` command: subcommands for the classroom, tests and benchmarks.

Contract (ARCHITECTURE.md): with --json each subcommand prints one JSON object;
exit 0 when it did its job (even if it found a bug in the child's program),
exit 2 with one clear line on stderr for bad input. No subcommand opens the window.
Input is checked before any work starts (files: regular, readable, not too big; output
paths: a folder that exists and may be written); a disk that fills up or a home that
cannot be written mid-way also ends in one clear line (main() turns any OSError into it).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from dataclasses import asdict
from typing import Callable, Dict

from kidcoder.cli_checks import UserError, check_input_file, check_output, describe_os_error
from kidcoder.config import SETTINGS_HELP, load_settings, load_settings_with_report
from kidcoder.editor.files import ProgramFileError, read_program_text
from kidcoder.i18n import tr

# Each subcommand imports what it needs inside its handler: `kidcoder run` must not wait for
# whoosh, the diagnosis or the model modules to load (start-up speed), and the window's pygame
# is imported only when there is no subcommand.

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_UNAVAILABLE = 3


def _lang(value: str) -> str:
    if value not in ("en", "es"):
        raise argparse.ArgumentTypeError("language must be en or es")
    return value


def _positive(convert: Callable, kind: str, smallest: str, too_small: Callable) -> Callable[[str], object]:
    """An argparse type: convert the text, refuse what is not a `kind` or is too small."""

    def check(value: str):
        try:
            number = convert(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a {kind}: {value}") from None
        if too_small(number):
            raise argparse.ArgumentTypeError(f"must be {smallest}")
        return number

    return check


MAX_SECONDS = 24 * 3600
_positive_int = _positive(int, "whole number", "1 or more", lambda number: number < 1)
_positive_float = _positive(float, "number", f"more than 0 and at most {MAX_SECONDS}",
                            lambda number: not 0 < number <= MAX_SECONDS)


def _percent(value: str) -> float:
    number = _positive_float(value)
    if number > 100:
        raise argparse.ArgumentTypeError("must be at most 100")
    return number


class _Parser(argparse.ArgumentParser):
    """argparse that reports errors as one line and exit 2, like the rest of the contract."""

    def error(self, message):
        self.exit(EXIT_BAD_INPUT, f"kidcoder: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kidcoder", description="KidCoder: make games, learn to code.")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    run = sub.add_parser("run", help="run a program and report how it went")
    run.add_argument("file")
    run.add_argument("--headless", action="store_true", help="no window")
    run.add_argument("--frames", type=_positive_int, help="stop after this many frames")
    run.add_argument("--seconds", type=_positive_float, help="stop after this many seconds")
    run.add_argument("--screenshot", metavar="PNG", help="save the last frame as a PNG")
    run.add_argument("--stdin", metavar="TEXT", help="lines for input() (use \\n between lines)")
    run.add_argument("--json", action="store_true")

    hint = sub.add_parser("hint", help="find a problem in a program and explain it")
    hint.add_argument("file")
    hint.add_argument("--json", action="store_true")
    hint.add_argument("--no-model", action="store_true")
    hint.add_argument("--level", type=int, choices=(1, 2, 3), default=1)
    hint.add_argument("--lang", type=_lang, default=None)

    ask = sub.add_parser("ask", help="ask the helper a question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true")
    ask.add_argument("--no-model", action="store_true")
    ask.add_argument("--lang", type=_lang, default=None)

    gen = sub.add_parser("generate", help="make a small game from a description")
    gen.add_argument("description")
    gen.add_argument("--json", action="store_true")
    gen.add_argument("--no-model", action="store_true")
    gen.add_argument("--out", metavar="FILE")
    gen.add_argument("--lang", type=_lang, default=None)

    index = sub.add_parser("index", help="build the search index of the knowledge cards")
    index.add_argument("--rebuild", action="store_true")
    index.add_argument("--json", action="store_true")

    bench = sub.add_parser("bench", help="measure speed")
    bench.add_argument("--json", action="store_true")
    bench.add_argument("--model", metavar="FILE", help="a .gguf model file to measure")
    bench.add_argument("--server", metavar="URL", help="a classroom server to measure with 20 clients at once")
    bench.add_argument("--only", metavar="NAMES", help="comma-separated benchmark groups")
    bench.add_argument("--xo", action="store_true",
                       help="the XO profile: the window on 12.5%% and 25%% of one core with 1 GB (root, cgroups)")
    bench.add_argument("--cpu-quota", metavar="PCT", type=_percent, action="append",
                       help="the XO profile at this %% of one core (repeatable; implies --xo)")
    bench.add_argument("--xo-examples", metavar="NAMES", help="comma-separated gallery examples for --xo")

    settings = sub.add_parser("settings", help="show the settings in effect and where they came from")
    settings.add_argument("--json", action="store_true")

    model = sub.add_parser("model", help="manage the optional helper model")
    model_sub = model.add_subparsers(dest="model_command", parser_class=_Parser)
    add = model_sub.add_parser("add", help="check a .gguf file and add it to the models folder")
    add.add_argument("file")
    add.add_argument("--json", action="store_true")
    lst = model_sub.add_parser("list", help="list the models KidCoder can see")
    lst.add_argument("--json", action="store_true")
    _add_export_parser(sub)
    return parser


def _read_program(path: str) -> str:
    try:
        return read_program_text(path)
    except ProgramFileError as exc:
        raise UserError(str(exc)) from None


def _emit(result: dict, as_json: bool, human: Callable[[dict], str]) -> None:
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(human(result))


def _model(args, settings):
    """The optional model as a context manager giving the helper's `enrich` callable (None with --no-model)."""
    if args.no_model:
        return contextlib.nullcontext(None)
    from kidcoder.model.service import OneShot

    return OneShot(settings)


def cmd_run(args) -> int:
    _read_program(args.file)
    if args.screenshot is not None:
        check_output(args.screenshot, "screenshot")
    from kidcoder.runner.headless import run_file
    from kidcoder.runner.results import ScreenshotError

    stdin_lines = None
    if args.stdin is not None:
        stdin_lines = args.stdin.replace("\\n", "\n").split("\n")
    settings = load_settings()
    try:
        result = run_file(args.file, frames=args.frames, seconds=args.seconds, screenshot=args.screenshot,
                          stdin_lines=stdin_lines, headless=args.headless, memory_mb=settings.memory_limit_mb,
                          allow_network=settings.network_allowed)
    except ScreenshotError as exc:
        raise UserError(str(exc)) from None

    def human(r):
        line = f"{r['exit']}: {r['frames']} frames, {r['fps']:.1f} fps"
        if r["error"]:
            err = r["error"]
            where = f" (line {err['line']})" if err.get("line") else ""
            line += f"\n{err['type']}: {err['message']}{where}"
        return line

    _emit(result, args.json, human)
    return EXIT_OK


def cmd_hint(args) -> int:
    source = _read_program(args.file)
    from kidcoder.helper.hints import HintLevel, hint_for_program

    settings = load_settings()
    lang = args.lang or settings.language
    with _model(args, settings) as enrich:
        result = hint_for_program(source, args.file, HintLevel(args.level), lang, enrich=enrich)

    def human(r):
        text = r["hint"] if r["ok"] else f"{tr('cli.line_prefix', lang=lang, line=r['problem']['line'])} {r['hint']}"
        return text + ("\n" + tr("cli.tip", lang=lang, tip=r["tip"]) if r.get("tip") else "")

    _emit(result, args.json, human)
    return EXIT_OK


def cmd_ask(args) -> int:
    if not args.question.strip():
        raise UserError("the question is empty")
    from kidcoder.helper.answers import ask
    from kidcoder.knowledge.index import shared_index

    settings = load_settings()
    with _model(args, settings) as enrich:
        result = ask(args.question, args.lang or settings.language, index=shared_index(), enrich=enrich)
    _emit(result, args.json, lambda r: r["answer"])
    return EXIT_OK


def cmd_generate(args) -> int:
    if not args.description.strip():
        raise UserError("the description is empty")
    if args.out is not None:
        if os.path.lexists(args.out):
            raise UserError(f"{args.out} already exists: choose a new file name")
        check_output(args.out, "program")
    from kidcoder.making.generate import generate_game

    settings = load_settings()
    try:
        with _model(args, settings) as enrich:
            result = generate_game(args.description, args.lang or settings.language, args.out, enrich=enrich)
    except FileExistsError as exc:  # --out names a file that exists: never overwrite a child's work
        raise UserError(str(exc)) from None
    _emit(result, args.json, lambda r: f"Made {r['file']} (template: {r['template']})")
    return EXIT_OK


def cmd_index(args) -> int:
    from kidcoder.knowledge.index import rebuild_index

    result = rebuild_index(force=args.rebuild)
    _emit(result, args.json, lambda r: f"Index ready: {r.get('cards', '?')} cards in {r.get('path', '?')}")
    return EXIT_OK


def cmd_bench(args) -> int:
    from kidcoder.bench import run_benchmarks

    only = None
    if args.only is not None:
        from kidcoder.bench import GROUPS

        only = [name.strip() for name in args.only.split(",") if name.strip()]
        unknown = [name for name in only if name not in GROUPS]
        if not only or unknown:
            raise UserError(f"--only takes benchmark groups from: {', '.join(GROUPS)}"
                            + (f" (not {', '.join(unknown)})" if unknown else ""))
    options = {}
    if args.xo or args.cpu_quota or args.xo_examples:
        from kidcoder.bench.cgroup import unavailable
        from kidcoder.bench.xo import gallery_examples

        unknown = set(args.xo_examples.split(",")) - set(gallery_examples()) if args.xo_examples else set()
        if unknown:
            raise UserError(f"not a gallery example: {', '.join(sorted(unknown))}")
        why = unavailable()
        if why:
            raise UserError(f"cannot make a CPU-quota cgroup for the XO profile: {why}")
        only = (only or []) + ["xo"]
        options["xo"] = {"quotas": args.cpu_quota, "examples": args.xo_examples.split(",") if args.xo_examples else None}
    result = run_benchmarks(model_file=args.model, only=only, options=options, server_url=args.server)
    _emit(result, True if args.json else False, lambda r: "\n".join(f"{k}: {v}" for k, v in r.items()))
    return EXIT_OK


def cmd_model(args) -> int:
    from kidcoder.model import catalog

    settings = load_settings()
    if args.model_command == "add":
        check_input_file(args.file, "model file")
        result = catalog.add_model(args.file, settings.language)
        if not result.get("ok"):
            if args.json:
                _emit(result, True, str)
            raise UserError(result.get("message") or "the model file cannot be used")
        _emit(result, args.json, lambda r: r.get("message", json.dumps(r)))
        return EXIT_OK
    if args.model_command == "list":
        result = catalog.list_models(settings)
        _emit(result, args.json, _model_list_text)
        return EXIT_OK
    raise UserError("say 'kidcoder model add FILE' or 'kidcoder model list'")


def _model_list_text(result: dict) -> str:
    """`kidcoder model list` for a teacher: the files, the classroom server's state, the last notes."""
    lines = [m["path"] for m in result.get("models", [])] or ["no models"]
    if result.get("server"):
        lines.append(f"server {result['server']}: {result['server_status']['message']}")
    lines += [f"note: {note}" for note in result.get("notes", [])]
    return "\n".join(lines)


def cmd_settings(args) -> int:
    settings, report = load_settings_with_report()
    values = asdict(settings)
    result = {"path": report.path, "settings": values, "sources": report.sources, "problems": report.problems}

    def human(r):
        lines = [f"Settings file: {r['path']}"]
        for name, value in r["settings"].items():
            if name == "extra":
                continue
            lines.append(f"  {name} = {json.dumps(value)}   ({r['sources'][name]}) - {SETTINGS_HELP.get(name, '')}")
        lines += [f"Problem: {p}" for p in r["problems"]]
        return "\n".join(lines)

    _emit(result, args.json, human)
    return EXIT_OK


COMMANDS: Dict[str, Callable] = {
    "settings": cmd_settings,
    "run": cmd_run, "hint": cmd_hint, "ask": cmd_ask, "generate": cmd_generate,
    "index": cmd_index, "bench": cmd_bench, "model": cmd_model,
}


# ---- export: a game becomes a Sugar activity bundle (kidcoder/sugar/export.py) --------------------

def _add_export_parser(sub) -> None:
    export = sub.add_parser("export", help="make a game into something to share (--xo: a Sugar activity)")
    export.add_argument("file")
    export.add_argument("--xo", action="store_true", help="a Sugar activity bundle (.xo)")
    export.add_argument("--name", help="the activity's name (default: from the file name)")
    export.add_argument("--out", metavar="FILE.xo", help="where to write it (default: next to the game)")
    export.add_argument("--icon", metavar="PICTURE", help="a picture for the icon (default: the game's last frame)")
    export.add_argument("--json", action="store_true")


def cmd_export(args) -> int:
    if not args.xo:
        raise UserError("say what to make: --xo (a Sugar activity bundle)")
    if args.out and not args.out.endswith(".xo"):
        raise UserError(f"the bundle's file name must end in .xo: {args.out}")
    if args.name is not None and not args.name.strip():
        raise UserError("the name is empty")
    _read_program(args.file)
    if args.icon is not None:
        check_input_file(args.icon, "icon picture")
    if args.out is not None:
        check_output(args.out, "bundle")
    from kidcoder.sugar.export import export_game

    try:
        result = export_game(args.file, name=args.name, out=args.out, picture=args.icon)
    except ProgramFileError as exc:
        raise UserError(str(exc)) from None
    _emit(result, args.json, lambda r: f"Made {r['file']} ({r['name']}, icon: {r['icon']})")
    return EXIT_OK


COMMANDS["export"] = cmd_export


def _window() -> int:
    from kidcoder.app import main as app_main

    return app_main([])


def main(argv=None) -> int:
    """Run one subcommand, or open the window when there is none."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv:        # the window: not made to wait for the parser of every subcommand (~9 ms here, ~80 ms on
        return _window()                                                    # an XO) before its first picture
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        return _window()
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"kidcoder: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:          # a full disk, a read-only home, a file that vanished mid-way
        print(f"kidcoder: {describe_os_error(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("kidcoder"):
            print(f"kidcoder: '{args.command}' is not available in this build ({exc.name} missing)", file=sys.stderr)
            return EXIT_UNAVAILABLE
        raise
