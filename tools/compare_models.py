"""Compare models on what KidCoder asks of them (a tool for the notes in docs/models.md, not a test).

  python3 tools/compare_models.py SERVER_URL [OUT.json]
      Every change request and description of the benches read by the model the classroom server
      serves, on its own (bench/understanding.py model_alone), with the time per request.
  python3 tools/compare_models.py --local MODEL.gguf [OUT.json]
      The same with a local model file in its gpt4all worker process.

Run it once per model (start the server with the model you want), then compare the JSON files.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv) -> int:
    from kidcoder.bench.understanding import Timed, model_alone
    from kidcoder.config import Settings
    from kidcoder.model.service import OneShot

    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "--local":
        from kidcoder.bench.model import prepare
        from kidcoder.model.chat import format_for_template
        from kidcoder.model.process import ProcessModel

        check = prepare(argv[1])
        factory = lambda: ProcessModel(check.path, chat_format=format_for_template(check.chat_template))  # noqa: E731
        label, out = Path(argv[1]).name, argv[2] if len(argv) > 2 else None
    else:
        from kidcoder.model.remote import RemoteModel

        factory = lambda: RemoteModel(argv[0])  # noqa: E731
        label, out = argv[0], argv[1] if len(argv) > 1 else None
    started, load = time.monotonic(), os.getloadavg()[0]
    with OneShot(Settings(model_first_token_limit_s=600.0), model_factory=factory) as one_shot:
        timed = Timed(one_shot, one_shot.service)
        figures = model_alone(timed)
        figures["model"] = one_shot.service.loaded_model.name if one_shot.service.loaded_model else label
    figures.update(requests=len(timed.seconds), seconds_median=round(sorted(timed.seconds)[len(timed.seconds) // 2], 2),
                   prompt_tokens_max=max(timed.prompt_tokens) if timed.prompt_tokens else None,
                   minutes=round((time.monotonic() - started) / 60, 1), load_average_start=round(load, 1),
                   load_average_end=round(os.getloadavg()[0], 1))
    print(json.dumps(figures, ensure_ascii=False))
    if out:
        Path(out).write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
