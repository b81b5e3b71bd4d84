"""The `wps` command: its help (every command and option says what it does), and one line,
never a traceback, for what an operator gets wrong."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Any

import pytest
import typer
from pydantic import ValidationError
from typer.testing import CliRunner

from app.bulk import KINDS
from app.cli import _resolved_codes, build_app, main
from app.core.config import Settings, get_settings
from tests.conftest import wps

COMMANDS = {
    "serve": "Migrate, seed and run the HTTP service.",
    "migrate": "Apply migrations",
    "seed": "Insert missing reference data",
    "keys": "Manage API keys.",
    "import": "Bulk import from a file.",
    "export": "Bulk export to a file.",
    "openapi": "Write openapi/openapi.json",
    "purge": "Delete expired Idempotency-Key records now",
    "worker": "Deliver webhooks",
}


def test_help_lists_every_command_with_its_help() -> None:
    shown = wps("--help", env={**os.environ, "COLUMNS": "200"})
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    for command, text in COMMANDS.items():
        assert any(command in line and text in line for line in lines), (command, shown.stdout)


def test_import_and_export_list_each_bulk_kind() -> None:
    for group in ("import", "export"):
        shown = wps(group, "--help", env={**os.environ, "COLUMNS": "200"})
        assert shown.returncode == 0, shown.stderr
        assert "trainings" in shown.stdout and "obligations" in shown.stdout


def test_unknown_command_is_a_usage_error() -> None:
    refused = wps("frobnicate", env=dict(os.environ))
    assert refused.returncode == 2
    assert "frobnicate" in refused.stderr


# What surprised operators: unknown codes, driverless URLs, a busy port, help without text.


def _leaf_commands() -> list[tuple[list[str], Any]]:
    """Every runnable `wps` command as (its words, the click command)."""
    found = []

    def walk(words: list[str], command: Any) -> None:
        for name, sub in getattr(command, "commands", {}).items():
            walk([*words, name], sub)
        if not getattr(command, "commands", None):
            found.append((words, command))

    walk([], typer.main.get_command(build_app()))
    return found


def test_every_option_has_help_and_flags_show_no_type() -> None:
    runner = CliRunner()
    for words, command in _leaf_commands():
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"wps {' '.join(words)} {param.opts[0]} has no help text"
        shown = runner.invoke(build_app(), [*words, "--help"], env={"COLUMNS": "200"})
        assert shown.exit_code == 0, shown.output
        assert "<bool>" not in shown.output, shown.output


CODE_FILTERS = [
    (kind.name, f.name) for kind in KINDS.values() for f in kind.filters if f.lookup is not None
]


def test_every_code_filter_of_every_export_is_looked_up() -> None:
    # program, partner, host country, project, training center: each kind's code filters.
    assert {name for _, name in CODE_FILTERS} == {
        "program",
        "partner",
        "host_country",
        "project",
        "training_center",
    }
    for kind in KINDS.values():
        for f in kind.filters:
            if f.name in {"program", "partner", "host_country", "project", "training_center"}:
                assert f.lookup is not None, (kind.name, f.name)


@pytest.mark.parametrize(("kind", "name"), CODE_FILTERS)
def test_an_unknown_code_is_one_line_naming_the_option(
    kind: str,
    name: str,
    cli_env: dict[str, str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("WPS_DATABASE_URL", cli_env["WPS_DATABASE_URL"])
    get_settings.cache_clear()
    option = "--" + name.replace("_", "-")
    try:
        with pytest.raises(SystemExit) as refused:
            main(["export", kind, option, "ZZZ"])
    finally:
        get_settings.cache_clear()
    assert refused.value.code == f"wps: {option}: unknown {_noun(kind, name)} 'ZZZ'"
    assert capsys.readouterr().out == ""  # no CSV header: nothing was exported


def _noun(kind: str, name: str) -> str:
    nouns = {"partner": "country code", "host_country": "country code"}
    return nouns.get(name, name.replace("_", " "))


def test_codes_reach_the_export_canonical(
    cli_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WPS_DATABASE_URL", cli_env["WPS_DATABASE_URL"])
    get_settings.cache_clear()
    try:
        given = {"program": "gpoi", "partner": "404", "host_country": "ke", "kind": None}
        resolved = _resolved_codes(KINDS["trainings"], given)
    finally:
        get_settings.cache_clear()
    assert resolved == {"program": "GPOI", "partner": "KEN", "host_country": "KEN", "kind": None}


def test_an_export_option_out_of_range_is_a_usage_error(cli_env: dict[str, str]) -> None:
    refused = wps("export", "trainings", "--fiscal-year", "1", env=cli_env)
    assert refused.returncode == 2
    assert "--fiscal-year" in refused.stderr and "1990" in refused.stderr
    assert refused.stdout == ""


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "POSTGRESQL", "postgresql+asyncpg"])
def test_postgresql_urls_run_on_asyncpg(scheme: str) -> None:
    settings = Settings(database_url=f"{scheme}://wps:pw@db:5432/wps", _env_file=None)
    assert settings.database_url == "postgresql+asyncpg://wps:pw@db:5432/wps"


def test_sqlite_urls_run_on_aiosqlite() -> None:
    settings = Settings(database_url="sqlite:///./wps.db", _env_file=None)
    assert settings.database_url == "sqlite+aiosqlite:///./wps.db"


def test_a_driverless_postgresql_url_reaches_the_database() -> None:
    # Nothing listens on port 1: the one-line "cannot reach" proves asyncpg was used (psycopg,
    # SQLAlchemy's default driver, is not installed and ended in a traceback).
    env = {**os.environ, "WPS_DATABASE_URL": "postgresql://wps@127.0.0.1:1/wps"}
    refused = wps("migrate", env=env)
    assert refused.returncode == 1
    assert refused.stderr.startswith("wps: ") and refused.stderr.count("\n") == 1, refused.stderr
    assert "Traceback" not in refused.stderr


@pytest.mark.parametrize("url", ["mysql://wps:pw@db/wps", "wps.db", "oracle+oracledb://db/x"])
def test_an_unsupported_database_url_is_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="WPS_DATABASE_URL: unsupported scheme") as refused:
        Settings(database_url=url, _env_file=None)
    # The URL may hold a password: the message (what `wps` prints) shows only its scheme.
    assert "pw" not in refused.value.errors()[0]["msg"]


def test_an_unsupported_database_url_is_one_line() -> None:
    refused = wps("migrate", env={**os.environ, "WPS_DATABASE_URL": "mysql://wps:pw@db/wps"})
    assert refused.returncode == 1
    assert refused.stderr.startswith("wps: WPS_DATABASE_URL: unsupported scheme")
    assert refused.stderr.count("\n") == 1, refused.stderr
    assert "pw" not in refused.stderr  # the URL may hold a password: only its scheme is shown


def test_serve_on_a_busy_port_says_so_before_touching_the_database(tmp_path: Path) -> None:
    database = tmp_path / "never.db"
    env = {**os.environ, "WPS_DATABASE_URL": f"sqlite+aiosqlite:///{database}"}
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        refused = wps("serve", "--port", str(port), env=env)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"wps: cannot listen on 127.0.0.1:{port}: address already in use; choose another --port\n"
    )
    assert not database.exists()  # no migration ran
