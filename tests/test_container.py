"""The Dockerfile and compose.yaml say what the code does: no image is built or pulled here, so
their commands are parsed by the `wps` command itself and their settings by Settings."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from app.cli import build_app
from app.core.config import Settings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = yaml.safe_load((ROOT / "compose.yaml").read_text())
SERVICES: dict[str, dict[str, Any]] = COMPOSE["services"]
WPS_SERVICES = ["migrate", "seed", "serve", "worker"]
# ${VAR:?message} as compose interpolates it, with a value a real deployment could give.
_VARIABLE = re.compile(r"\$\{(\w+)(?::\?[^}]*)?\}")
GIVEN = {"POSTGRES_PASSWORD": "s3cret", "WPS_BOOTSTRAP_ADMIN_KEY": "wps_" + "k" * 43}
# Variables the `wps` command reads besides the settings.
CLI_VARIABLES = {"WPS_WORKERS"}


def parse(argv: list[str]) -> Any:
    """Parses a `wps ...` command line as the CLI would, without running it."""
    assert argv[0] == "wps", argv
    group = typer.main.get_command(build_app())
    context = group.make_context(  # type: ignore[attr-defined]
        "wps", argv[1:]
    )
    name, command, rest = group.resolve_command(context, argv[1:])  # type: ignore[attr-defined]
    assert command is not None, argv
    return command.make_context(name or "", rest, parent=context)


def environment(service: str) -> dict[str, str]:
    raw = SERVICES[service].get("environment", {})
    return {name: _VARIABLE.sub(lambda m: GIVEN[m[1]], str(value)) for name, value in raw.items()}


def test_compose_runs_postgresql_redis_serve_and_a_worker() -> None:
    assert set(SERVICES) == {"postgres", "redis", *WPS_SERVICES}
    assert SERVICES["postgres"]["image"].startswith("postgres:")
    assert SERVICES["redis"]["image"].startswith("redis:")
    for name, service in SERVICES.items():
        for needed in service.get("depends_on", {}):
            assert needed in SERVICES, (name, needed)
    assert "8000:8000" in SERVICES["serve"]["ports"]


@pytest.mark.parametrize("service", WPS_SERVICES)
def test_compose_commands_are_wps_commands(service: str) -> None:
    context = parse(SERVICES[service]["command"])
    assert context.command.name == service
    if service == "serve":
        # Migrations and seeding ran once before; replicas must not race them.
        assert context.params["no_migrate"] is True
        assert context.params["host"] == "0.0.0.0"  # noqa: S104 (inside a container)


@pytest.mark.parametrize("service", WPS_SERVICES)
def test_compose_settings_are_settings_on_postgresql_and_redis(service: str) -> None:
    env = environment(service)
    unknown = {name for name in env if name not in CLI_VARIABLES} - {
        f"WPS_{field.upper()}" for field in Settings.model_fields
    }
    assert not unknown, f"{service}: no such setting {unknown}"
    settings = Settings(
        **{k[4:].lower(): v for k, v in env.items() if k not in CLI_VARIABLES}, _env_file=None
    )
    assert settings.database_url.startswith("postgresql+asyncpg://wps:s3cret@postgres:5432/")
    assert settings.redis_url == "redis://redis:6379/0"
    # The worker delivers webhooks; serve must not deliver them too.
    assert settings.webhook_worker_in_serve is False
    if service == "serve":
        assert settings.bootstrap_admin_key is not None
        assert int(env["WPS_WORKERS"]) >= 2


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines()]
    return [
        (line.split(" ", 1)[0], line.split(" ", 1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def test_dockerfile_defaults_are_one_process_on_a_sqlite_volume() -> None:
    runtime = dockerfile_instructions()
    runtime = runtime[max(i for i, (verb, _) in enumerate(runtime) if verb == "FROM") :]
    env = " ".join(value for verb, value in runtime if verb == "ENV")
    assert "WPS_DATABASE_URL=sqlite+aiosqlite:////data/wps.db" in env
    assert "WPS_WORKERS=1" in env  # SQLite: one process, the webhook worker inside it
    assert ("VOLUME", '["/data"]') in runtime
    command = json.loads(next(value for verb, value in runtime if verb == "CMD"))
    assert parse(command).command.name == "serve"


def test_dockerfile_installs_the_locked_dependencies() -> None:
    runs = [value for verb, value in dockerfile_instructions() if verb == "RUN"]
    assert any("--require-hashes -r requirements/service.txt" in run for run in runs)
    assert any("--no-deps -e ." in run for run in runs)


def test_wps_serve_reads_its_workers_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WPS_WORKERS", "3")
    assert parse(["wps", "serve"]).params["workers"] == 3
