"""The lock (requirements/*.txt) pins every dependency pyproject.toml declares, inside its range.

`.ci/lock --check` re-resolves and compares the whole lock (it needs the package index); this
test is the quick, offline half: a dependency added to pyproject.toml without `.ci/lock` fails
here first.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
# Each lock and the extras it holds besides the service's own dependencies.
LOCKS = {"service": ["redis"], "test": ["test"]}
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)(?: ; ([^\\]+?))?(?: \\)?$")
# Python versions the lock is for (requires-python >=3.11): a pin must hold on each.
PYTHONS = ["3.11.7", "3.12.0", "3.13.0", "3.14.0"]


def pins(lock: str) -> list[tuple[str, Version, Marker | None]]:
    found = []
    for line in (ROOT / "requirements" / f"{lock}.txt").read_text().splitlines():
        match = _PIN.match(line)
        if match:
            name, version, marker = match.groups()
            found.append((canonicalize_name(name), Version(version), marker and Marker(marker)))
    return found


def declared(extras: list[str]) -> list[Requirement]:
    lines = PYPROJECT["dependencies"] + [
        line for extra in extras for line in PYPROJECT["optional-dependencies"][extra]
    ]
    return [Requirement(line) for line in lines]


def pinned_on(lock: str, python: str) -> dict[str, Version]:
    env = {"python_full_version": python, "python_version": python.rsplit(".", 1)[0]}
    return {
        name: version
        for name, version, marker in pins(lock)
        if marker is None or marker.evaluate(env)
    }


@pytest.mark.parametrize("lock", LOCKS)
@pytest.mark.parametrize("python", PYTHONS)
def test_every_declared_dependency_is_pinned_inside_its_range(lock: str, python: str) -> None:
    pinned = pinned_on(lock, python)
    wrong = []
    for requirement in declared(LOCKS[lock]):
        name = canonicalize_name(requirement.name)
        if name not in pinned:
            wrong.append(f"{requirement} is not in requirements/{lock}.txt")
        elif not requirement.specifier.contains(pinned[name], prereleases=True):
            wrong.append(f"{requirement} but requirements/{lock}.txt pins {pinned[name]}")
    assert not wrong, "\n".join(wrong) + "\nrun .ci/lock and commit requirements/"


def test_the_service_lock_agrees_with_the_test_lock() -> None:
    # Versions, not markers: a test-only package may need a shared one on more platforms.
    test = {(name, version) for name, version, _ in pins("test")}
    service = {(name, version) for name, version, _ in pins("service")}
    assert service - test == set(), "a package the service pins differently under test"


def test_every_pin_is_hashed() -> None:
    for lock in LOCKS:
        text = (ROOT / "requirements" / f"{lock}.txt").read_text()
        assert text.count("--hash=sha256:") >= len(pins(lock)) > 20, lock
        for block in re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2]):
            assert "--hash=sha256:" in block, block


def test_the_readme_and_ci_install_from_the_lock() -> None:
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    serve, test = first_block[:2]
    for line, lock in ((serve, "service"), (test, "test")):
        assert f"pip install -r requirements/{lock}.txt && " in line, line
        assert "pip install --no-deps -e ." in line, line
    ci = (ROOT / ".ci" / "run").read_text()
    assert "pip install -q -r requirements/test.txt" in ci
    assert "pip install -q --no-deps -e ." in ci
    assert ".ci/lock --check" in ci
