"""The README's curl examples, run in order against a live `wps serve` on a fresh database.

Which lines run, and what they may use, is written in the README's development section
("The README's examples are a test"); this file is the reader of that rule.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import wps
from tests.live import running_service

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
ADMIN_KEY = "wps_readme-admin-key-0123456789abcdef"
HOST = "localhost:8000"
# The variables examples may use: $KEY is set by the README's `KEY=wps_...` line, etc.
KNOWN = {"KEY", "EMBASSY_KEY", "INTEGRATION_KEY"}

_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.DOTALL | re.MULTILINE)
_LOOP = re.compile(r"^for (\w+) in ([^;]+); do\b")
_DEFINED = re.compile(r"^([A-Z_]+)=wps_\.\.\.", re.MULTILINE)


@dataclass
class Example:
    line: int  # in README.md, for the failure message
    text: str  # the command as written, continuation lines joined
    loop: dict[str, str]  # the loop variable's value, inside a `for` loop


def _commands(lines: list[str], first: int) -> Iterator[tuple[int, str]]:
    """Each line starting with `curl`, with what continues it (a trailing backslash, or a quote
    still open), stripped of the comment after it."""
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith("curl "):
            i += 1
            continue
        start, text = i, lines[i]
        while True:
            complete = not text.endswith("\\")
            if complete:
                try:
                    shlex.split(text, comments=True)
                except ValueError:  # a quoted body spans lines
                    complete = False
            if complete or i + 1 >= len(lines):
                break
            i += 1
            text = (text[:-1] if text.endswith("\\") else text + "\n") + lines[i]
        yield first + start, text
        i += 1


def readme_examples(readme: str) -> list[Example]:
    examples = []
    for block in _BLOCK.finditer(readme):
        first = readme.count("\n", 0, block.start(1)) + 1
        lines = block.group(1).splitlines()
        loop_at = [i for i, line in enumerate(lines) if _LOOP.match(line)]
        done_at = [i for i, line in enumerate(lines) if line.strip() == "done"]
        inside: set[int] = set()
        for start, end in zip(loop_at, done_at, strict=True):
            match = _LOOP.match(lines[start])
            assert match is not None
            var, values = match.group(1), match.group(2).split()
            body = lines[start + 1 : end]
            inside |= set(range(start, end + 1))
            for value in values:
                for line, text in _commands(body, first + start + 1):
                    examples.append(Example(line, text, {var: value}))
        outside = [line if i not in inside else "" for i, line in enumerate(lines)]
        for line, text in _commands(outside, first):
            if not text.startswith("curl "):
                raise AssertionError(f"README.md:{line}: indented curl outside a for loop")
            examples.append(Example(line, text, {}))
    return sorted(examples, key=lambda e: e.line)


def to_request(example: Example, variables: dict[str, str], base_url: str) -> httpx.Request:
    """The curl command as an httpx request; options other than the few the README uses fail."""
    values = {**variables, **example.loop}
    used = set(re.findall(r"\$\{?(\w+)\}?", example.text))
    unknown = used - set(values)
    assert not unknown, f"README.md:{example.line}: unknown variable(s) {unknown}"
    text = re.sub(r"\$\{?(\w+)\}?", lambda m: values[m.group(1)], example.text)
    args = shlex.split(text, comments=True)[1:]
    method, url, headers, body = None, None, {}, None
    files = None
    while args:
        arg = args.pop(0)
        if arg == "-s":
            continue
        if arg == "-X":
            method = args.pop(0)
        elif arg == "-H":
            name, value = args.pop(0).split(":", 1)
            headers[name.strip()] = value.strip()
        elif arg in ("-d", "--data", "--data-binary"):
            data = args.pop(0)
            body = (ROOT / data[1:]).read_bytes() if data.startswith("@") else data.encode()
        elif arg == "-F":
            field, value = args.pop(0).split("=", 1)
            path = ROOT / value.removeprefix("@")
            files = {field: (path.name, path.read_bytes(), "text/csv")}
        elif arg.startswith("-"):
            raise AssertionError(f"README.md:{example.line}: curl option {arg} is not run here")
        else:
            assert url is None, f"README.md:{example.line}: two URLs"
            url = arg
    assert url is not None and url.startswith(HOST), f"README.md:{example.line}: host {HOST}"
    method = method or ("POST" if body is not None or files else "GET")
    target = base_url + url.removeprefix(HOST)
    return httpx.Request(method, target, headers=headers, content=body, files=files)


def test_the_readme_parser_reads_loops_continuations_and_comments() -> None:
    readme = (
        "```sh\n"
        "KEY=wps_...   # an admin key\n"
        'curl -s localhost:8000/a?x=1\\&y=2 -H "Authorization: Bearer $KEY"  # → 200\n'
        "curl -s -X POST localhost:8000/b -H 'Content-Type: application/json' -d '{\n"
        '  "a": "#1"}\'\n'
        "for c in GHA BGD; do  # two\n"
        "  curl -s -X PUT localhost:8000/c/$c \\\n"
        "    -d '{}'\n"
        "done\n"
        "```\n"
        "```console\ncurl -s localhost:8000/not-run\n```\n"
    )
    examples = readme_examples(readme)
    requests = [to_request(e, {"KEY": "k"}, "http://h") for e in examples]
    assert [(r.method, str(r.url)) for r in requests] == [
        ("GET", "http://h/a?x=1&y=2"),
        ("POST", "http://h/b"),
        ("PUT", "http://h/c/GHA"),
        ("PUT", "http://h/c/BGD"),
    ]
    assert requests[0].headers["authorization"] == "Bearer k"
    assert requests[1].content == b'{\n  "a": "#1"}'
    with pytest.raises(AssertionError, match="unknown variable"):
        to_request(examples[0], {}, "http://h")


def test_readme_examples_answer_2xx_in_order_on_a_fresh_install(tmp_path: Path) -> None:
    readme = README.read_text(encoding="utf-8")
    defined = set(_DEFINED.findall(readme))
    assert defined == KNOWN, f"the README defines {defined}; this test knows {KNOWN}"
    examples = readme_examples(readme)
    assert len(examples) >= 20
    with running_service(tmp_path, WPS_BOOTSTRAP_ADMIN_KEY=ADMIN_KEY) as service:
        # The README creates this key with `wps keys create ... --name "Embassy Nairobi"`.
        created = wps(
            "keys", "create", "--role", "embassy", "--partner", "KEN",
            "--name", "Embassy Nairobi", env=service.env,
        )  # fmt: skip
        assert created.returncode == 0, created.stderr
        # ... and this one with `wps keys create --role integration --name "PM/GPI data desk"
        # --owner "PM/GPI M&E office"`.
        desk = wps(
            "keys", "create", "--role", "integration", "--name", "PM/GPI data desk",
            "--owner", "PM/GPI M&E office", env=service.env,
        )  # fmt: skip
        assert desk.returncode == 0, desk.stderr
        variables = {
            "KEY": ADMIN_KEY,
            "EMBASSY_KEY": created.stdout.strip().splitlines()[-1],
            "INTEGRATION_KEY": desk.stdout.strip().splitlines()[-1],
        }
        with httpx.Client(timeout=60) as http:
            for example in examples:
                answer = http.send(to_request(example, variables, service.base_url))
                assert 200 <= answer.status_code < 300, (
                    f"README.md:{example.line}: {example.text}\n"
                    f"→ {answer.status_code} {answer.text[:500]}"
                )
                if answer.headers.get("content-type", "").startswith("application/json"):
                    # An example of a list shows something: it is not empty on a fresh install.
                    body = answer.json()
                    items = body.get("items") if isinstance(body, dict) else None
                    assert items != [], f"README.md:{example.line}: {example.text} → no items"
