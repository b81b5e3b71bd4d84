"""The docs' curl examples, run in order against a live `wps serve` on a fresh database.

The pages are docs/**/*.md, run in the order of mkdocs.yml's nav (every page must be in it).
Which lines run, and what they may use, is written in docs/developers/docs-examples.md ("The
docs' examples are a test"); this file is the reader of that rule.
"""

from __future__ import annotations

import datetime
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import yaml

from tests.conftest import wps
from tests.live import running_service

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
ADMIN_KEY = "wps_readme-admin-key-0123456789abcdef"
# The variables examples may use, each defined once in the pages in one of these forms:
# `WPS_URL=${WPS_URL:-...}`, `KEY=wps_...` (a key), `PUBLISHED_ON=$(date -u +%F)` (a day).
KNOWN = {"WPS_URL", "KEY", "EMBASSY_KEY", "INTEGRATION_KEY", "PUBLISHED_ON"}

_BLOCK = re.compile(r"^```sh\n(.*?)^```", re.DOTALL | re.MULTILINE)
_LOOP = re.compile(r"^for (\w+) in ([^;]+); do\b")
_DEFINED = re.compile(
    r"^([A-Z_]+)=(?:wps_\.\.\.|\$\{WPS_URL:-[^}]+\}|\$\(date -u \+%F\))", re.MULTILINE
)


def pages() -> list[Path]:
    """The pages in the order of mkdocs.yml's nav."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    order: list[Path] = []

    def walk(items: list[object]) -> None:
        for item in items:
            entry = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(entry, list):
                walk(entry)
            else:
                order.append(DOCS / str(entry))

    walk(config["nav"])
    return order


@dataclass
class Example:
    line: int  # in its page, for the failure message
    text: str  # the command as written, continuation lines joined
    loop: dict[str, str]  # the loop variable's value, inside a `for` loop
    page: str = "README.md"  # where it is written, for the failure message
    shown: tuple[str, ...] = ()  # the answer as the `#   ` lines under the command show it

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def _commands(lines: list[str], first: int) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """Each line starting with `curl`, with what continues it (a trailing backslash, or a quote
    still open), stripped of the comment after it; and the answer the `#   ` lines right under
    it show."""
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
        shown = []
        while i + 1 < len(lines) and lines[i + 1].startswith("#   "):
            i += 1
            shown.append(lines[i].removeprefix("#   "))
        yield first + start, text, tuple(shown)
        i += 1


def readme_examples(readme: str, page: str = "README.md") -> list[Example]:
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
                for line, text, shown in _commands(body, first + start + 1):
                    examples.append(Example(line, text, {var: value}, page, shown))
        outside = [line if i not in inside else "" for i, line in enumerate(lines)]
        for line, text, shown in _commands(outside, first):
            if not text.startswith("curl "):
                raise AssertionError(f"{page}:{line}: indented curl outside a for loop")
            examples.append(Example(line, text, {}, page, shown))
    return sorted(examples, key=lambda e: e.line)


def to_request(example: Example, variables: dict[str, str]) -> httpx.Request:
    """The curl command as an httpx request; options other than the few the docs use fail. The
    URL must start with `$WPS_URL`."""
    values = {**variables, **example.loop}
    used = set(re.findall(r"\$\{?(\w+)\}?", example.text))
    unknown = used - set(values)
    assert not unknown, f"{example.where}: unknown variable(s) {unknown}"
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
            raise AssertionError(f"{example.where}: curl option {arg} is not run here")
        else:
            assert url is None, f"{example.where}: two URLs"
            url = arg
    base_url = values["WPS_URL"]
    assert url is not None and url.startswith(base_url + "/"), f"{example.where}: not $WPS_URL"
    method = method or ("POST" if body is not None or files else "GET")
    return httpx.Request(method, url, headers=headers, content=body, files=files)


def test_the_examples_parser_reads_loops_continuations_and_comments() -> None:
    page = (
        "```sh\n"
        "KEY=wps_...   # an admin key\n"
        'curl -s $WPS_URL/a?x=1\\&y=2 -H "Authorization: Bearer $KEY"  # → 200\n'
        "curl -s -X POST \"$WPS_URL/b\" -H 'Content-Type: application/json' -d '{\n"
        '  "a": "#1"}\'\n'
        "for c in GHA BGD; do  # two\n"
        "  curl -s -X PUT $WPS_URL/c/$c \\\n"
        "    -d '{}'\n"
        "done\n"
        "curl -s $WPS_URL/d?format=csv\n"
        "#   a,b\n"
        "#   1,2\n"
        "```\n"
        "```console\ncurl -s $WPS_URL/not-run\n```\n"
    )
    examples = readme_examples(page, "docs/x.md")
    variables = {"KEY": "k", "WPS_URL": "http://h"}
    requests = [to_request(e, variables) for e in examples]
    assert [(r.method, str(r.url)) for r in requests] == [
        ("GET", "http://h/a?x=1&y=2"),
        ("POST", "http://h/b"),
        ("PUT", "http://h/c/GHA"),
        ("PUT", "http://h/c/BGD"),
        ("GET", "http://h/d?format=csv"),
    ]
    assert examples[-1].shown == ("a,b", "1,2") and examples[0].shown == ()
    assert requests[0].headers["authorization"] == "Bearer k"
    assert requests[1].content == b'{\n  "a": "#1"}'
    with pytest.raises(AssertionError, match=r"docs/x.md:3: unknown variable"):
        to_request(examples[0], {"WPS_URL": "http://h"})
    hard_coded = readme_examples("```sh\ncurl -s localhost:8000/a\n```\n", "docs/y.md")
    with pytest.raises(AssertionError, match=r"docs/y.md:2: not \$WPS_URL"):
        to_request(hard_coded[0], variables)


def test_every_page_is_in_the_nav_and_every_link_of_the_readme_resolves() -> None:
    in_nav = pages()
    assert len(in_nav) == len(set(in_nav)), "a page is twice in mkdocs.yml's nav"
    assert set(in_nav) == set(DOCS.rglob("*.md")), "docs/ pages and mkdocs.yml's nav differ"
    readme = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#\s]+)", readme)
    assert links, "the README links to no page"
    missing = [link for link in links if "://" not in link and not (ROOT / link).exists()]
    assert not missing, f"README.md links to missing files: {missing}"


def test_docs_examples_answer_2xx_in_order_on_a_fresh_install(tmp_path: Path) -> None:
    texts = {page: page.read_text(encoding="utf-8") for page in pages()}
    hard_coded = [str(page.relative_to(ROOT)) for page, t in texts.items() if "localhost:8000" in t]
    assert not hard_coded, f"examples name localhost:8000, not $WPS_URL: {hard_coded}"
    defined = [name for text in texts.values() for name in _DEFINED.findall(text)]
    assert sorted(defined) == sorted(KNOWN), f"the docs define {defined}; this test knows {KNOWN}"
    examples = [
        example
        for page, text in texts.items()
        for example in readme_examples(text, str(page.relative_to(ROOT)))
    ]
    assert len(examples) >= 80
    with running_service(tmp_path, WPS_BOOTSTRAP_ADMIN_KEY=ADMIN_KEY) as service:
        # "Roles and keys" creates this key with `wps keys create ... --name "Embassy Nairobi"`.
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
            "WPS_URL": service.base_url,
            "KEY": ADMIN_KEY,
            "EMBASSY_KEY": created.stdout.strip().splitlines()[-1],
            "INTEGRATION_KEY": desk.stdout.strip().splitlines()[-1],
            # The day the examples publish a figure: today, when they uploaded its records.
            "PUBLISHED_ON": datetime.datetime.now(datetime.UTC).date().isoformat(),
        }
        with httpx.Client(timeout=60) as http:
            for example in examples:
                answer = http.send(to_request(example, variables))
                assert 200 <= answer.status_code < 300, (
                    f"{example.where}: {example.text}\n→ {answer.status_code} {answer.text[:500]}"
                )
                if answer.headers.get("content-type", "").startswith("text/csv") and example.shown:
                    # A CSV shown under its example is the answer's first lines, exactly.
                    shown = list(example.shown)
                    assert answer.text.splitlines()[: len(shown)] == shown, (
                        f"{example.where}: the CSV shown is not the answer's:\n{answer.text}"
                    )
                if answer.headers.get("content-type", "").startswith("application/json"):
                    # An example of a list shows something: it is not empty on a fresh install.
                    body = answer.json()
                    items = body.get("items") if isinstance(body, dict) else None
                    assert items != [], f"{example.where}: {example.text} → no items"
