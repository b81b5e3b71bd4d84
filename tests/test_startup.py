"""A database that is missing or unreachable at start: one line naming it, then a non-zero exit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import wps

UNREACHABLE = "postgresql+asyncpg://wps:s3cret-pw@127.0.0.1:1/wps"


@pytest.mark.parametrize("command", [["serve", "--port", "1"], ["migrate"], ["seed"]])
def test_unreachable_postgres_is_one_line_without_the_password(command: list[str]) -> None:
    refused = wps(*command, env={**os.environ, "WPS_DATABASE_URL": UNREACHABLE})
    assert refused.returncode != 0
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1, refused.stderr
    [line] = lines
    assert "s3cret-pw" not in refused.stderr + refused.stdout
    assert "postgresql+asyncpg://wps:***@127.0.0.1:1/wps" in line
    assert "start it" in line and "WPS_DATABASE_URL" in line
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize("command", [["serve", "--port", "1"], ["migrate"], ["seed"]])
def test_sqlite_in_a_missing_folder_is_one_line(command: list[str], tmp_path: Path) -> None:
    folder = tmp_path / "not-there"
    url = f"sqlite+aiosqlite:///{folder / 'wps.db'}"
    refused = wps(*command, env={**os.environ, "WPS_DATABASE_URL": url})
    assert refused.returncode != 0
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1, refused.stderr
    assert url in lines[0] and f"the folder {folder} does not exist" in lines[0]
    assert not folder.exists()
