"""The `wps` command: serve, migrate, seed, keys, bulk import and export, the OpenAPI
contract, and purge."""

from __future__ import annotations

import asyncio
import errno
import inspect
import json
import os
import shutil
import socket
import sys
import tempfile
from collections.abc import AsyncIterable, Awaitable, Callable
from enum import Enum, StrEnum
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Annotated, Any, TextIO, TypeVar

import orjson
import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app import visibility  # noqa: F401 - who reads which changes, registered
from app.core.config import get_settings
from app.core.security import Role

if TYPE_CHECKING:
    from app.bulk import BulkKind

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT / "openapi" / "openapi.json"

T = TypeVar("T")


def alembic_config(database_url: str | None = None) -> Any:
    from alembic.config import Config

    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["configure_logger"] = False
    if database_url:
        config.attributes["database_url"] = database_url
    return config


def migrate(
    revision: str = "head", *, downgrade: bool = False, database_url: str | None = None
) -> None:
    from alembic import command

    config = alembic_config(database_url)
    if downgrade:
        command.downgrade(config, revision)
    else:
        command.upgrade(config, revision)


def require_database() -> None:
    """Stop with one line naming the database and what to do when it cannot be reached,
    before any work starts (rather than a traceback from deep in a migration)."""
    from app.core.db import database_problem

    if problem := database_problem(get_settings()):
        sys.exit(f"wps: {problem}")


async def _in_session(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    from app.core.commit import transaction
    from app.core.db import create_engine, create_sessionmaker

    engine = create_engine(get_settings(), long_work=True)
    try:
        async with transaction(create_sessionmaker(engine)) as session:
            return await work(session)
    finally:
        await engine.dispose()


def _run(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    return asyncio.run(_in_session(work))


def seed() -> None:
    from app.seed import seed_reference_data

    report = _run(seed_reference_data)
    print(
        f"seeded: {report.programs} programs, {report.partners} partners, "
        f"{report.outcomes} outcomes"
    )


async def _first_admin_key(session: AsyncSession) -> str | None:
    """On a database with no active admin key, create one so the operator can start."""
    from app.apikeys.models import ApiKey
    from app.apikeys.service import create_key
    from app.core.security import Role

    active = await session.scalar(
        select(func.count())
        .select_from(ApiKey)
        .where(ApiKey.role == "admin", ApiKey.revoked_at.is_(None))
    )
    if active:
        return None
    _, secret = await create_key(session, None, name="first admin", role=Role.admin)
    return secret


def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    workers: Annotated[int, typer.Option(envvar="WPS_WORKERS", help="worker processes", min=1)] = 1,
    worker_timeout: Annotated[
        int,
        typer.Option(
            help="seconds a worker may take to start (or to answer the supervisor's health"
            " check) before it is restarted"
        ),
    ] = 60,
    no_migrate: Annotated[
        bool, typer.Option("--no-migrate", help="skip migrations and seeding")
    ] = False,
) -> None:
    """Migrate, seed and run the HTTP service."""
    import logging.config

    import uvicorn

    from app.core.observability import logging_config

    settings = get_settings()
    log_config = logging_config(settings.log_level, settings.log_format)
    logging.config.dictConfig(log_config)  # migrations and seeding log like the service
    require_free_port(host, port)
    require_database()
    if not no_migrate:
        migrate()
        seed()
        if settings.bootstrap_admin_key is None and (secret := _run(_first_admin_key)):
            # On stdout: stderr is the log, and a secret never goes into a log.
            print("No admin key existed; created one (shown only now):")
            print(secret)
    metrics_dir = _metrics_directory(workers)
    try:
        uvicorn.run(
            "app.main:create_app",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            # uvicorn's 5 s restarts a worker still importing the app on a busy host, forever.
            timeout_worker_healthcheck=worker_timeout,
            proxy_headers=True,
            access_log=False,  # the request line is ours (wps.access), with the route template
            log_config=log_config,
            log_level=settings.log_level.lower(),
        )
    finally:
        if metrics_dir is not None:
            shutil.rmtree(metrics_dir, ignore_errors=True)


def require_free_port(host: str, port: int) -> None:
    """Stop with one line when `host:port` cannot be listened on (another process holds it,
    or the address is not this machine's), before migrations, seeding and uvicorn's start."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As uvicorn binds: a port in TIME_WAIT is free, one a process listens on is not.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            reason = (exc.strerror or str(exc)).lower()
            hint = "choose another --port" if exc.errno == errno.EADDRINUSE else "check --host"
            sys.exit(f"wps: cannot listen on {host}:{port}: {reason}; {hint}")


def _metrics_directory(workers: int) -> str | None:
    """With several workers, Prometheus metrics are kept in files every worker writes
    (prometheus-client's multiprocess mode), so /metrics on any worker adds them all up.
    PROMETHEUS_MULTIPROC_DIR when set (with any number of workers: several `wps serve` on one
    machine may share it), else a temporary directory, returned to be removed on exit. Set
    here, before any worker imports the client: the mode is chosen at import."""
    from app.core.observability import MULTIPROCESS_DIR

    given = os.environ.get(MULTIPROCESS_DIR)
    if given:
        _clear_last_run(Path(given))
        return None
    if workers <= 1:
        return None
    created = tempfile.mkdtemp(prefix="wps-metrics-")
    os.environ[MULTIPROCESS_DIR] = created
    return created


def _clear_last_run(folder: Path) -> None:
    """Empty a shared metrics directory of the last run's values, unless a process that wrote
    there still runs: another `wps serve` shares it, and every value (those of its processes
    that died too) stays in the sum, so the counters it serves never go back."""
    folder.mkdir(parents=True, exist_ok=True)
    files = list(folder.glob("*.db"))
    if not any(_running(_writer_pid(file)) for file in files):
        for stale in files:
            stale.unlink(missing_ok=True)


def _writer_pid(file: Path) -> int | None:
    """The process that wrote a prometheus-client value file (`counter_<pid>.db`, ...)."""
    last = file.stem.rsplit("_", 1)[-1]
    return int(last) if last.isdigit() else None


def _running(pid: int | None) -> bool:
    if pid is None:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def migrate_command(
    revision: Annotated[
        str | None,
        typer.Argument(help="target (default head; base with --downgrade)", show_default=False),
    ] = None,
    downgrade: Annotated[
        bool, typer.Option("--downgrade", help="downgrade to REVISION instead")
    ] = False,
) -> None:
    """Apply migrations (or --downgrade to a revision)."""
    require_database()
    migrate(revision or ("base" if downgrade else "heads"), downgrade=downgrade)


def seed_command() -> None:
    """Insert missing reference data (idempotent)."""
    require_database()
    seed()


def keys_create(
    role: Annotated[Role, typer.Option(help="what the key may do", show_default=False)],
    name: Annotated[str, typer.Option(help="who or what holds the key", show_default=False)],
    partner: Annotated[
        str | None, typer.Option(help="alpha-3 or alpha-2 country (embassy keys)")
    ] = None,
    owner: Annotated[
        str | None,
        typer.Option(help="person or office accountable for the key (admin, integration keys)"),
    ] = None,
) -> None:
    """Create a key; prints the secret on the last line."""
    from app.apikeys.schemas import OWNED_ROLES
    from app.apikeys.service import create_key

    async def work(session: AsyncSession) -> str:
        key, secret = await create_key(
            session, None, name=name, role=role, partner_code=partner, owner=owner
        )
        shown = f", {key.partner_code}" if key.partner_code else ""
        print(f"created key {key.id} ({role}{shown})")
        return secret

    if (role is Role.embassy) != (partner is not None):
        sys.exit("--partner is required for embassy keys and not allowed for other roles")
    if role in OWNED_ROLES and not owner:
        sys.exit("--owner is required for admin and integration keys")
    print(_run(work))


def keys_list() -> None:
    """List keys (never their secrets)."""
    from app.apikeys.models import ApiKey
    from app.partners.models import Partner

    async def work(session: AsyncSession) -> list[Any]:
        stmt = (
            select(
                ApiKey.id,
                ApiKey.name,
                ApiKey.role,
                Partner.code,
                ApiKey.prefix,
                ApiKey.revoked_at,
                ApiKey.owner,
            )
            .outerjoin(Partner, Partner.id == ApiKey.partner_id)
            .order_by(ApiKey.id)
        )
        return list((await session.execute(stmt)).all())

    for key_id, name, role, partner, prefix, revoked, owner in _run(work):
        state = f"revoked {revoked:%Y-%m-%d}" if revoked else "active"
        print(f"{key_id}\t{role}\t{partner or '-'}\t{prefix}…\t{state}\t{name}\t{owner or '-'}")


def keys_revoke(key_id: Annotated[int, typer.Argument(metavar="ID", help="the key's id")]) -> None:
    """Revoke a key by id."""
    from app.apikeys.service import revoke_key

    async def work(session: AsyncSession) -> None:
        await revoke_key(session, None, key_id, None)

    _run(work)
    print(f"revoked key {key_id} (other running processes forget it within WPS_KEY_CACHE_SECONDS)")


def purge() -> None:
    """Delete expired Idempotency-Key records now (`wps serve` also does, in batches)."""
    from app.core.idempotency import purge_expired

    settings = get_settings()
    total = 0
    while True:
        batch = _run(
            lambda session: purge_expired(
                session, settings.idempotency_ttl_hours, settings.idempotency_purge_batch
            )
        )
        total += batch
        if batch < settings.idempotency_purge_batch:
            break
    print(f"purged {total} expired idempotency records")


def worker(
    once: Annotated[
        bool, typer.Option("--once", help="deliver what is due now, then stop")
    ] = False,
) -> None:
    """Deliver webhooks (run beside `wps serve` started with WPS_WEBHOOK_WORKER_IN_SERVE=false;
    on PostgreSQL any number of these may run)."""
    from app.core.db import create_engine, create_sessionmaker
    from app.core.observability import configure_logging
    from app.integrations.webhooks.worker import Worker

    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    require_database()

    async def deliver() -> int:
        engine = create_engine(settings)
        runner = Worker(create_sessionmaker(engine), settings)
        tried = 0
        try:
            if not once:
                await runner.run_forever()
            while batch := await runner.run_once():
                tried += batch
        finally:
            await runner.aclose()
            await engine.dispose()
        return tried

    try:
        tried = asyncio.run(deliver())
    except KeyboardInterrupt:
        return
    print(f"tried {tried} webhook deliveries")


def contract() -> str:
    from app.main import create_app

    return json.dumps(create_app().openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def openapi(
    check: Annotated[
        bool, typer.Option("--check", help="fail if the file differs from the code")
    ] = False,
) -> None:
    """Write openapi/openapi.json, or --check it."""
    current = contract()
    if check:
        if not CONTRACT.exists() or CONTRACT.read_text(encoding="utf-8") != current:
            sys.exit("openapi/openapi.json differs from the code: run `wps openapi`")
        print("openapi/openapi.json matches the code")
        return
    CONTRACT.parent.mkdir(exist_ok=True)
    CONTRACT.write_text(current, encoding="utf-8")
    print(f"wrote {CONTRACT.relative_to(ROOT)}")


# Bulk import and export


class Bars:
    """`bars(phase, done, total)`: a Rich progress bar per phase on stderr, for long runs only."""

    def __init__(self, *, threshold: int = 1000) -> None:
        self.threshold = threshold
        self._bars: RichProgress | None = None
        self._tasks: dict[str, TaskID] = {}

    def __call__(self, phase: str, done: int, total: int) -> None:
        if total < self.threshold:
            return
        if self._bars is None:
            self._bars = RichProgress(
                TextColumn("{task.description:<10}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
            )
            self._bars.start()
        if phase not in self._tasks:
            self._tasks[phase] = self._bars.add_task(phase, total=total)
        self._bars.update(self._tasks[phase], completed=done, total=total)

    def __enter__(self) -> Bars:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bars is not None:
            self._bars.stop()


async def _import_file(kind: BulkKind, body: bytes, is_csv: bool, dry_run: bool) -> dict[str, Any]:
    from app.core.commit import transaction
    from app.core.db import create_engine, create_sessionmaker
    from app.core.errors import AppError

    engine = create_engine(get_settings(), long_work=True)
    try:
        async with transaction(create_sessionmaker(engine)) as session:
            with Bars() as bars:
                try:
                    summary = await kind.import_body(session, body, is_csv, dry_run, bars)
                except AppError as exc:
                    return {"error": exc.detail, **exc.extra, "errors": exc.errors or []}
            return summary.model_dump(exclude_none=True)
    finally:
        await engine.dispose()


def import_file(kind: BulkKind, file: Path, dry_run: bool) -> None:
    """The summary (or the errors, exit status 1) as JSON on stdout."""
    from app.core.bulk import looks_like_csv

    body = file.read_bytes()
    result = asyncio.run(_import_file(kind, body, looks_like_csv(file, body), dry_run))
    sys.stdout.write(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode() + "\n")
    if "error" in result:
        sys.exit(1)


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"


async def write_export(
    out: TextIO,
    kind: BulkKind,
    format: ExportFormat,
    total: int,
    batches: AsyncIterable[list[Any]],
) -> int:
    """Write batches as CSV (the list's columns) or a JSON array (the import's shape)."""
    from app.core.csvout import csv_chunks

    done = 0
    with Bars() as bars:

        async def counted() -> Any:
            nonlocal done
            async for batch in batches:
                yield batch
                done += len(batch)
                bars("exporting", done, total)

        if format is ExportFormat.csv:

            async def lines() -> Any:
                async for batch in counted():
                    yield kind.shape.batch_lines(batch)

            async for chunk in csv_chunks(kind.shape.columns, lines()):
                out.write(chunk.decode())
        else:
            out.write("[")
            first = True
            async for batch in counted():
                for item in batch:
                    record = orjson.dumps(kind.shape.json(item)).decode()
                    out.write(("\n" if first else ",\n") + record)
                    first = False
            out.write("\n]\n")
    return done


async def _export(kind: BulkKind, filters: Any, format: ExportFormat, out: TextIO) -> int:
    from app.core.db import create_engine, create_sessionmaker

    engine = create_engine(get_settings(), long_work=True)
    try:
        sessionmaker: async_sessionmaker[AsyncSession] = create_sessionmaker(engine)
        async with sessionmaker() as session:
            total = await kind.count(session, filters)
            batches = await kind.batches(session, sessionmaker, filters)
        return await write_export(out, kind, format, total, batches)
    finally:
        await engine.dispose()


def export_file(kind: BulkKind, filters: Any, format: ExportFormat, output: Path | None) -> None:
    """To `--output` (with a count on stderr) or to stdout."""
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            count = asyncio.run(_export(kind, filters, format, out))
        print(f"exported {count} {kind.name} to {output}", file=sys.stderr)
    else:
        try:
            asyncio.run(_export(kind, filters, format, sys.stdout))
        except BrokenPipeError:  # `wps export ... | head` is fine
            sys.stderr.close()


def _import_command(kind: BulkKind) -> Callable[..., None]:
    def command(
        file: Annotated[
            Path,
            typer.Argument(
                exists=True,
                dir_okay=False,
                help="a JSON array or a CSV with the export's columns",
                show_default=False,
            ),
        ],
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="validate and count; write nothing")
        ] = False,
    ) -> None:
        import_file(kind, file, dry_run)

    command.__doc__ = f"Upsert {kind.name} from a JSON or CSV file."
    return command


def _resolved_codes(kind: BulkKind, given: dict[str, Any]) -> dict[str, Any]:
    """The filter values with each code looked up and made canonical, as the API's filters
    are; an unknown one stops the export with one line naming its option (exit status 1)."""
    lookups = {f.name: f.lookup for f in kind.filters if f.lookup is not None}
    asked = {name: given[name] for name in lookups if given.get(name) is not None}
    if not asked:
        return given
    require_database()

    async def look_up(session: AsyncSession) -> dict[str, Any] | str:
        resolved = dict(given)
        for name, code in asked.items():
            noun, lookup = lookups[name]
            found = await lookup(session, code)
            if found is None:
                return f"--{name.replace('_', '-')}: unknown {noun} {code!r}"
            resolved[name] = found
        return resolved

    resolved = _run(look_up)
    if isinstance(resolved, str):
        sys.exit(f"wps: {resolved}")
    return resolved


def _export_command(kind: BulkKind) -> Callable[..., None]:
    """`export KIND [--format] [--output] [--FILTER ...]`, its filter options from the table."""

    def command(**values: Any) -> None:
        format, output = values.pop("format"), values.pop("output")
        given = {k: v.value if isinstance(v, Enum) else v for k, v in values.items()}
        export_file(kind, kind.make_filters(**_resolved_codes(kind, given)), format, output)

    option = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter(
            "format",
            option,
            default=ExportFormat.csv,
            annotation=Annotated[
                ExportFormat,
                typer.Option(help="csv (the list's columns) or json (the import's shape)"),
            ],
        ),
        inspect.Parameter(
            "output",
            option,
            default=None,
            annotation=Annotated[
                Path | None,
                typer.Option("--output", "-o", help="file to write (default stdout)"),
            ],
        ),
    ]
    params += [
        inspect.Parameter(
            f.name,
            option,
            default=None,
            annotation=Annotated[
                (f.choices or f.value_type) | None,
                typer.Option(
                    help=f.help,
                    min=f.bounds and f.bounds[0],
                    max=f.bounds and f.bounds[1],
                    show_default=False,
                ),
            ],
        )
        for f in kind.filters
    ]
    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__doc__ = f"Write {kind.name} as CSV or JSON."
    return command


def _group(help: str, **options: Any) -> typer.Typer:
    """A command group with plain help and errors: a flag shows no `<bool>`, and a bad option
    value is one line naming it (Rich's panels say both in a box)."""
    return typer.Typer(help=help, no_args_is_help=True, rich_markup_mode=None, **options)


def build_app() -> typer.Typer:
    """The `wps` command tree; import and export take one subcommand per bulk kind."""
    from app.bulk import KINDS

    app = _group(__doc__ or "", name="wps", add_completion=False, pretty_exceptions_enable=False)
    app.command()(serve)
    app.command("migrate")(migrate_command)
    app.command("seed")(seed_command)
    keys = _group("Manage API keys.")
    keys.command("create")(keys_create)
    keys.command("list")(keys_list)
    keys.command("revoke")(keys_revoke)
    app.add_typer(keys, name="keys")
    imports = _group("Bulk import from a file.")
    exports = _group("Bulk export to a file.")
    for kind in KINDS.values():
        imports.command(kind.name)(_import_command(kind))
        exports.command(kind.name)(_export_command(kind))
    app.add_typer(imports, name="import")
    app.add_typer(exports, name="export")
    app.command()(openapi)
    app.command()(purge)
    app.command()(worker)
    return app


def main(argv: list[str] | None = None) -> None:
    """The console entry point: usage errors exit 2, domain errors print `wps: <detail>`."""
    from app import transactions
    from app.core.errors import AppError

    transactions.register()
    command = typer.main.get_command(build_app())
    try:
        command.main(args=argv, prog_name="wps", standalone_mode=True)
    except SystemExit as exc:
        if exc.code not in (0, None):
            raise
    except AppError as exc:  # e.g. an unknown partner or key id: a message, not a traceback
        sys.exit(f"wps: {exc.detail}")
    except ValidationError as exc:  # a WPS_* setting the service cannot start with
        sys.exit("wps: " + "; ".join(_setting_error(error) for error in exc.errors()))


def _setting_error(error: Any) -> str:
    message = str(error["msg"]).removeprefix("Value error, ")
    if message.startswith("WPS_"):
        return message
    return f"WPS_{'_'.join(map(str, error['loc'])).upper()}: {message}"


if __name__ == "__main__":
    main()
