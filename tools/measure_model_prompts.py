"""Measure today's model prompts and first-token times with real models (a tool for issue 19, not a test).

  python3 tools/measure_model_prompts.py dump PROMPTS.json [N]
      Diagnose N programs of tests/diagnosis/corpus in English and Spanish exactly as
      `kidcoder hint --level 2` does and save the hint prompt the model would get (ChatML).
  VENV/bin/python tools/measure_model_prompts.py count PROMPTS.json MODEL.gguf...
      Count each prompt's tokens with each model's own tokenizer (llama-cpp-python, vocab only).
  python3 tools/measure_model_prompts.py gpt4all PROMPTS.json MODEL.gguf [REPEATS]
      First-token time with gpt4all on 1 and 2 threads: a fresh context each time, and with
      the system prompt's state kept (reset the context to just after the system prompt).
  python3 tools/measure_model_prompts.py schema URL [N]
      N change requests of tests/making/data read by the server's model under a JSON schema.
  VENV/bin/python tools/measure_model_prompts.py server PROMPTS.json URL [REPEATS]
      First streamed token from an OpenAI-compatible server (/v1/chat/completions).

Every timing line carries the 1-minute load average: on a shared machine it says how much to trust it.
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load() -> str:
    return "%.2f" % os.getloadavg()[0]


def cpu_s() -> float:
    """CPU seconds this process has used (all its threads): on a busy machine, 1-thread CPU time is
    close to the wall time the same work takes on an idle one."""
    times = os.times()
    return times.user + times.system


# A prompt of the kind the next step proposes (under 200 tokens): a change request read into JSON.
SHORT = {
    "file": "change-request", "lang": "en",
    "system": "Turn a child's request into edits of game settings. Reply with JSON only.",
    "user": ('Settings: PLAYER_NAME="cat" PLAYER_COLOUR=(255,165,0) THING_NAME="fish" THING_COLOUR=(80,160,255) '
             "BACKGROUND=(20,30,70) SPEED=6 FALL_SPEED=3 COUNT=3 LIVES=3 WIN_SCORE=20\n"
             "Request: the fishes should come down more slowly"),
}
SHORT["full"] = (f"<|im_start|>system\n{SHORT['system']}<|im_end|>\n<|im_start|>user\n{SHORT['user']}<|im_end|>\n"
                 "<|im_start|>assistant\n")


def _items(prompts_file: str, repeats: int):
    items = json.loads(Path(prompts_file).read_text(encoding="utf-8"))
    return [item for item in items if item["lang"] == "en"][:repeats] + [SHORT] * repeats


def dump(out: str, count: int = 24) -> None:
    """Capture the facts the helper hands the model, through the real hint code path."""
    sys.path.insert(0, str(ROOT))
    import kidcoder.model.service as service
    from kidcoder.helper.hints import hint_for_program
    from kidcoder.model import prompts

    captured = []
    service.enrich_once = lambda kind, facts, lang: captured.append((kind, facts, lang)) and None
    files = sorted((ROOT / "tests" / "diagnosis" / "corpus").glob("*.py"))
    step = max(1, len(files) // count)
    found = []
    for path in files[::step][:count]:
        source = path.read_text(encoding="utf-8")
        for lang in ("en", "es"):
            captured.clear()
            hint_for_program(source, path=path, level=2, lang=lang, use_model=True, check_fix=False)
            if captured:
                kind, facts, lang = captured[0]
                prompt = prompts.build_prompt(kind, facts, lang, prompts.CHATML)
                found.append({"file": path.name, "lang": lang, "system": prompt.system, "user": prompt.user,
                              "full": prompts.CHATML.full_prompt(prompt.system, prompt.user),
                              "estimate": prompts.estimate_tokens(prompts.CHATML.full_prompt(prompt.system,
                                                                                             prompt.user))})
    Path(out).write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(found)} prompts from {len(files[::step][:count])} programs -> {out}")


def count(prompts_file: str, *models: str) -> None:
    from llama_cpp import Llama

    items = json.loads(Path(prompts_file).read_text(encoding="utf-8"))
    for model in models:
        llama = Llama(model_path=model, vocab_only=True, verbose=False)
        sizes = {"full": [], "system": [], "user": [], "estimate": []}
        for item in items:
            for part in ("full", "system", "user"):
                sizes[part].append(len(llama.tokenize(item[part].encode("utf-8"), add_bos=False, special=True)))
            sizes["estimate"].append(item["estimate"])
        print(Path(model).name, len(items), "prompts")
        for part, values in sizes.items():
            values = sorted(values)
            print(f"  {part:8} min {values[0]:4}  median {statistics.median(values):6.0f}  "
                  f"p90 {values[int(len(values) * 0.9) - 1]:4}  max {values[-1]:4}")


def _first_token(model, text: str, template: str, reset: bool):
    box = {}
    started, cpu = time.perf_counter(), cpu_s()

    def on_token(token_id, piece):
        box.setdefault("t", time.perf_counter() - started)
        box.setdefault("piece", piece)
        return False  # one token is enough

    model.prompt_model(text, template, on_token, n_predict=1, reset_context=reset, special=True, temp=0.0,
                       top_k=1, n_batch=128)
    _first_token.piece = box.get("piece")
    return box.get("t", time.perf_counter() - started), cpu_s() - cpu


def gpt4all_times(prompts_file: str, model_path: str, repeats: int = 3) -> None:
    from gpt4all import GPT4All

    items = _items(prompts_file, repeats)
    started = time.perf_counter()
    gpt = GPT4All(model_path, allow_download=False, device="cpu", n_ctx=2048, verbose=False)
    print(f"{Path(model_path).name}: load {time.perf_counter() - started:.2f} s (load avg {load()})")
    model = gpt.model
    for threads in [int(t) for t in os.environ.get("THREADS", "1 2").split()]:
        model.set_thread_count(threads)
        for item in items:
            wall, cpu = _first_token(model, item["full"], "%1%2", True)
            print(f"  {item['file'][:22]:22} threads {threads} fresh       first token {wall:6.2f} s wall "
                  f"{cpu:6.2f} s cpu, n_past {model.context.n_past} {_first_token.piece!r} (load avg {load()})")
            system_text = "<|im_start|>system\n" + item["system"] + "<|im_end|>\n"
            model.prompt_model(system_text, "%1%2", lambda *a: True, n_predict=0, reset_context=True, special=True)
            kept = model.context.n_past
            model.prompt_model("<|im_start|>user\nhi<|im_end|>\n", "%1%2", lambda *a: True, n_predict=0,
                               special=True)  # another request in between
            model.context.n_past = kept
            user = "<|im_start|>user\n" + item["user"] + "<|im_end|>\n<|im_start|>assistant\n"
            wall, cpu = _first_token(model, user, "%1%2", False)
            print(f"  {item['file'][:22]:22} threads {threads} system kept first token {wall:6.2f} s wall "
                  f"{cpu:6.2f} s cpu, system {kept} tokens {_first_token.piece!r} (load avg {load()})")


def _server_cpu(pid) -> float:
    if not pid:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _stream_first(url: str, system: str, user: str, pid):
    import urllib.request

    body = json.dumps({"messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
                       "stream": True, "max_tokens": 1, "temperature": 0}).encode()
    request = urllib.request.Request(url.rstrip("/") + "/v1/chat/completions", body,
                                     {"Content-Type": "application/json"})
    started, cpu = time.perf_counter(), _server_cpu(pid)
    first = None
    with urllib.request.urlopen(request, timeout=600) as response:
        for raw in response:
            line = raw.decode("utf-8").strip()
            if line.startswith("data:") and line != "data: [DONE]":
                if json.loads(line[5:])["choices"][0].get("delta", {}).get("content") and first is None:
                    first = time.perf_counter() - started
    return first or time.perf_counter() - started, _server_cpu(pid) - cpu


def server_times(prompts_file: str, url: str, repeats: int = 3) -> None:
    """First streamed token: after a request with another system prompt (nothing reused), and after one
    with the same system prompt (the server reuses the common start of the prompt by itself).
    SERVER_PID=pid adds the server's CPU seconds."""
    pid = os.environ.get("SERVER_PID")
    for item in _items(prompts_file, repeats):
        _stream_first(url, "You are a pirate.", "Say hi.", pid)          # another system prompt before
        wall, cpu = _stream_first(url, item["system"], item["user"], pid)
        print(f"  {item['file'][:22]:22} server fresh       first token {wall:6.2f} s wall {cpu:6.2f} s cpu "
              f"(load avg {load()})")
        _stream_first(url, item["system"], "Say hi.", pid)               # same system prompt before
        wall, cpu = _stream_first(url, item["system"], item["user"], pid)
        print(f"  {item['file'][:22]:22} server system kept first token {wall:6.2f} s wall {cpu:6.2f} s cpu "
              f"(load avg {load()})")


def _post(url: str, body: dict) -> dict:
    import urllib.request

    request = urllib.request.Request(url.rstrip("/") + "/v1/chat/completions", json.dumps(body).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.load(response)


def _ask(url: str, system: str, user: str, schema: dict, max_tokens: int):
    """One answer under a JSON schema: (the whole reply, seconds, the text)."""
    body = {"messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "max_tokens": max_tokens, "temperature": 0, "response_format": {"type": "json_object", "schema": schema}}
    started = time.perf_counter()
    answer = _post(url, body)
    return answer, time.perf_counter() - started, answer["choices"][0]["message"]["content"]


PROPERTIES = {"speed": "speed", "falling speed": "fall", "jump": "jump", "gravity": "gravity", "size": "size",
              "colour": "colour", "shape": "shape", "how many": "count", "lives": "lives",
              "points to win": "win", "time": "time", "biggest number": "max_number", "keys": "controls",
              "kind of sums": "operation"}


def reading_check(url: str, limit: int = 12) -> None:
    """The model reads a request into the rules' own terms (thing, property, more/less/set, value) under a
    JSON schema; the rules then find the constant. Is the reading the one the test data expects?"""
    sys.path.insert(0, str(ROOT))
    from kidcoder.making import changes
    from kidcoder.making.change_words import Request
    from kidcoder.making.generate import build_program
    from kidcoder.making.program_constants import find_constants

    data = json.loads((ROOT / "tests/making/data/change_requests.json").read_text(encoding="utf-8"))
    own = (ROOT / "tests/making/data/own_game.py").read_text(encoding="utf-8")
    cases = [case for case in data["requests"] if case["expect"]]
    cases = cases[::max(1, len(cases) // limit)][:limit]
    right = 0
    for case in cases:
        source = own if case["game"] == "own" else build_program(*data["games"][case["game"]])[1]
        found = find_constants(source)
        things = {str(c.value): c.name[:-5] for c in found.values() if c.name.endswith("_NAME")}
        things.update({"player": "PLAYER", "enemies": "ENEMY", "background": "BACKGROUND", "whole game": ""})
        schema = {"type": "object", "required": ["thing", "property", "change"], "properties": {
            "thing": {"type": "string", "enum": list(things)},
            "property": {"type": "string", "enum": list(PROPERTIES)},
            "change": {"type": "string", "enum": ["more", "less", "set"]},
            "value": {"type": "string", "maxLength": 12}}}
        system, max_tokens = "Read a child's wish for their game. Reply with JSON.", 40
        user = f"Things in the game: {', '.join(things)}.\nWish: {case['request']}"
        answer, seconds, text = _ask(url, system, user, schema, max_tokens)
        try:
            reading = json.loads(text)
            prefix = things[reading["thing"]]
            attribute = PROPERTIES[reading["property"]]
            direction = {"more": 1, "less": -1, "set": 0}[reading["change"]]
            request = Request(roles=[prefix] if prefix else [], attributes=[attribute], direction=direction)
            names = changes._targets(found, attribute, request, prefix or None)
        except (ValueError, KeyError, TypeError):
            names, direction = [], 0
        want = case["expect"]
        ok = set(names) == set(want) and all(
            (w == "up" and direction > 0) or (w == "down" and direction < 0) or w not in ("up", "down")
            for w in want.values())
        right += ok
        print(f"  {'right' if ok else 'WRONG'} {seconds:6.2f} s prompt {answer['usage']['prompt_tokens']:4} "
              f"{case['request'][:36]!r:38} -> {text[:90]} {names} (load avg {load()})")
    print(f"{right}/{len(cases)} right")


def schema_check(url: str, limit: int = 12) -> None:
    """Change requests of tests/making/data read by the server's model under a JSON schema: does the
    output parse, and does it name the constants (and direction) the test data expects?"""
    sys.path.insert(0, str(ROOT))
    from kidcoder.making.generate import build_program
    from kidcoder.making.program_constants import find_constants

    data = json.loads((ROOT / "tests/making/data/change_requests.json").read_text(encoding="utf-8"))
    own = (ROOT / "tests/making/data/own_game.py").read_text(encoding="utf-8")
    cases = [case for case in data["requests"] if case["expect"]]
    cases = cases[::max(1, len(cases) // limit)][:limit]
    right = parsed = 0
    for case in cases:
        source = own if case["game"] == "own" else build_program(*data["games"][case["game"]])[1]
        found = find_constants(source)
        lines = source.splitlines()
        skip = ("_TEXT", "_NAME", "TITLE", "WIDTH", "HEIGHT")
        constants = {name: c.value for name, c in found.items() if not name.endswith(skip)}
        notes = {name: lines[c.line - 1][c.end:].strip(" #") for name, c in found.items() if name in constants}
        schema = {"type": "object", "required": ["edits"], "properties": {"edits": {
            "type": "array", "minItems": 0, "maxItems": 3, "items": {
                "type": "object", "required": ["name", "change"], "properties": {
                    "name": {"type": "string", "enum": sorted(constants)},
                    "change": {"type": "string", "enum": ["more", "less", "set"]},
                    "value": {"type": "string", "maxLength": 20}}}}}}
        names = {c.name[:-5]: c.value for c in found.values() if c.name.endswith("_NAME")}
        settings = "\n".join(f"{name}={value!r}".replace(" ", "") + (f"  # {notes[name][:40]}" if notes[name] else "")
                             for name, value in constants.items())
        settings += "\n" + " ".join(f"{prefix} is the {value}." for prefix, value in names.items())
        system, max_tokens = "Turn a child's request into edits of game settings. Reply with JSON only.", 80
        user = f"Settings:\n{settings}\nRequest: {case['request']}"
        answer, seconds, text = _ask(url, system, user, schema, max_tokens)
        try:
            edits = json.loads(text)["edits"]
            parsed += 1
        except (ValueError, KeyError, TypeError):
            edits = None
        want = case["expect"]
        got = {edit.get("name"): edit.get("change") for edit in edits or []}
        ok = set(got) == set(want) and all(
            (w == "up" and got[n] == "more") or (w == "down" and got[n] == "less")
            or (w not in ("up", "down") and got[n] in ("set", "more", "less")) for n, w in want.items())
        right += ok
        print(f"  {'right' if ok else 'WRONG'} {seconds:6.2f} s prompt {answer['usage']['prompt_tokens']:4} "
              f"{case['request'][:40]!r:42} -> {text[:110]} (load avg {load()})")
    print(f"{right}/{len(cases)} right, {parsed}/{len(cases)} parse")


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "dump":
        dump(args[0], int(args[1]) if len(args) > 1 else 24)
    elif command == "count":
        count(*args)
    elif command == "gpt4all":
        gpt4all_times(args[0], args[1], int(args[2]) if len(args) > 2 else 3)
    elif command == "reading":
        reading_check(args[0], int(args[1]) if len(args) > 1 else 12)
    elif command == "schema":
        schema_check(args[0], int(args[1]) if len(args) > 1 else 12)
    elif command == "server":
        server_times(args[0], args[1], int(args[2]) if len(args) > 2 else 3)
    else:
        sys.exit(__doc__)
