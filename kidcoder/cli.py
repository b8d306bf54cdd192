"""The `kidcoder` command: subcommands for the classroom, tests and benchmarks.

Contract (ARCHITECTURE.md): with --json each subcommand prints one JSON object;
exit 0 when it did its job (even if it found a bug in the child's program),
exit 2 with one clear line on stderr for bad input. No subcommand opens the window.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Callable, Dict, Optional

from kidcoder.editor.files import ProgramFileError, read_program_text

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_UNAVAILABLE = 3


class UserError(Exception):
    """Bad input from the person at the keyboard: printed as one line, exit 2."""


def _lang(value: str) -> str:
    if value not in ("en", "es"):
        raise argparse.ArgumentTypeError("language must be en or es")
    return value


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _percent(value: str) -> float:
    number = _positive_float(value)
    if number > 100:
        raise argparse.ArgumentTypeError("must be at most 100")
    return number


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value}") from None
    if not number > 0:
        raise argparse.ArgumentTypeError("must be more than 0")
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


def _settings_language(lang: Optional[str]) -> str:
    if lang:
        return lang
    from kidcoder.config import load_settings

    return load_settings().language


def cmd_run(args) -> int:
    _read_program(args.file)
    from kidcoder.runner.headless import run_file

    stdin_lines = None
    if args.stdin is not None:
        stdin_lines = args.stdin.replace("\\n", "\n").split("\n")
    result = run_file(args.file, frames=args.frames, seconds=args.seconds, screenshot=args.screenshot,
                      stdin_lines=stdin_lines, headless=args.headless)

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
    from kidcoder.helper.hints import hint_for_program

    lang = _settings_language(args.lang)
    result = hint_for_program(source, args.file, level=args.level, lang=lang, use_model=not args.no_model)

    def human(r):
        from kidcoder.i18n import tr

        if r["ok"]:
            return r["hint"]
        return f"{tr('cli.line_prefix', lang=lang, line=r['problem']['line'])} {r['hint']}"

    _emit(result, args.json, human)
    return EXIT_OK


def cmd_ask(args) -> int:
    if not args.question.strip():
        raise UserError("the question is empty")
    from kidcoder.helper.answers import ask

    result = ask(args.question, lang=_settings_language(args.lang), use_model=not args.no_model)
    _emit(result, args.json, lambda r: r["answer"])
    return EXIT_OK


def cmd_generate(args) -> int:
    if not args.description.strip():
        raise UserError("the description is empty")
    from kidcoder.making.generate import generate_game

    try:
        result = generate_game(args.description, lang=_settings_language(args.lang), use_model=not args.no_model,
                               out=args.out)
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

    only = [name.strip() for name in args.only.split(",")] if args.only else None
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
    result = run_benchmarks(model_file=args.model, only=only, options=options)
    _emit(result, True if args.json else False, lambda r: "\n".join(f"{k}: {v}" for k, v in r.items()))
    return EXIT_OK


def cmd_model(args) -> int:
    from kidcoder.model import engine as model_module

    if args.model_command == "add":
        result = model_module.add_model(args.file)
        _emit(result, args.json, lambda r: r.get("message", json.dumps(r)))
        return EXIT_OK if result.get("ok") else EXIT_BAD_INPUT
    if args.model_command == "list":
        result = model_module.list_models()
        _emit(result, args.json, lambda r: "\n".join(m["path"] for m in r.get("models", [])) or "no models")
        return EXIT_OK
    raise UserError("say 'kidcoder model add FILE' or 'kidcoder model list'")


def cmd_settings(args) -> int:
    from dataclasses import asdict

    from kidcoder.config import SETTINGS_HELP, load_settings_with_report

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


def main(argv=None) -> int:
    """Run one subcommand, or open the window when there is none."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        from kidcoder.app import main as app_main

        return app_main([])
    try:
        return COMMANDS[args.command](args)
    except UserError as exc:
        print(f"kidcoder: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.startswith("kidcoder"):
            print(f"kidcoder: '{args.command}' is not available in this build ({exc.name} missing)", file=sys.stderr)
            return EXIT_UNAVAILABLE
        raise
