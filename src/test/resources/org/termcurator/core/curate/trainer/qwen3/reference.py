"""Makes the reference fixtures beside this file.

  python3 reference.py render   -> rendered.json (jinja2 set up as transformers sets it up)
  python3 reference.py cut FULL_TOKENIZER_JSON -> tokenizer.json (256 bytes + first 3000 merges)
"""
import json
import sys
from datetime import datetime
from pathlib import Path

import jinja2
from jinja2.ext import loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

HERE = Path(__file__).parent


def render():
    config = json.loads((HERE / "tokenizer_config.json").read_text())
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[loopcontrols])

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    def raise_exception(message):
        raise jinja2.exceptions.TemplateError(message)

    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    template = env.from_string(config["chat_template"])
    cases = json.loads((HERE / "conversations.json").read_text())
    out = []
    for case in cases:
        kwargs = dict(case.get("kwargs", {}))
        out.append(template.render(messages=case["messages"], tools=case.get("tools"),
                                   add_generation_prompt=case.get("add_generation_prompt", False),
                                   bos_token=config.get("bos_token"), eos_token=config.get("eos_token"), **kwargs))
    (HERE / "rendered.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n")


def cut(full):
    t = json.loads(Path(full).read_text())
    m = t["model"]
    n = 3000
    vocab = {k: v for k, v in m["vocab"].items() if v < 256 + n}
    m["merges"] = [x for x in m["merges"][:n] if x[0] in vocab and x[1] in vocab and x[0] + x[1] in vocab]
    m["vocab"] = vocab
    (HERE / "tokenizer.json").write_text(json.dumps(t, ensure_ascii=False, separators=(",", ":")))


if __name__ == "__main__":
    render() if sys.argv[1] == "render" else cut(sys.argv[2])
