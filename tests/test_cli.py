"""The `wps` command's help: every command listed, with a line saying what it does."""

from __future__ import annotations

import os

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
