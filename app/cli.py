"""The `wps` command: serve, migrate, seed, keys and the OpenAPI contract."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import get_settings

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


async def _in_session(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    from app.core.db import create_engine, create_sessionmaker

    engine = create_engine(get_settings())
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            return await work(session)
    finally:
        await engine.dispose()


def _run(work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    return asyncio.run(_in_session(work))


def seed() -> None:
    from app.core.seed import seed_reference_data

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


def serve(args: argparse.Namespace) -> None:
    import uvicorn

    settings = get_settings()
    if not args.no_migrate:
        migrate()
        seed()
        if settings.bootstrap_admin_key is None and (secret := _run(_first_admin_key)):
            print("No admin key existed; created one (shown only now):", file=sys.stderr)
            print(secret, file=sys.stderr)
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=True,
        access_log=False,
        log_level=settings.log_level.lower(),
    )


def keys_create(args: argparse.Namespace) -> None:
    from app.apikeys.service import create_key
    from app.core.security import Role

    role = Role(args.role)

    async def work(session: AsyncSession) -> str:
        key, secret = await create_key(
            session, None, name=args.name, role=role, partner_code=args.partner
        )
        partner = f", {key.partner_code}" if key.partner_code else ""
        print(f"created key {key.id} ({role}{partner})")
        return secret

    if (role is Role.embassy) != (args.partner is not None):
        sys.exit("--partner is required for embassy keys and not allowed for other roles")
    print(_run(work))


def keys_list(_: argparse.Namespace) -> None:
    from app.apikeys.models import ApiKey
    from app.partners.models import Partner

    async def work(session: AsyncSession) -> list[Any]:
        stmt = (
            select(
                ApiKey.id, ApiKey.name, ApiKey.role, Partner.code, ApiKey.prefix, ApiKey.revoked_at
            )
            .outerjoin(Partner, Partner.id == ApiKey.partner_id)
            .order_by(ApiKey.id)
        )
        return list((await session.execute(stmt)).all())

    for key_id, name, role, partner, prefix, revoked in _run(work):
        state = f"revoked {revoked:%Y-%m-%d}" if revoked else "active"
        print(f"{key_id}\t{role}\t{partner or '-'}\t{prefix}…\t{state}\t{name}")


def keys_revoke(args: argparse.Namespace) -> None:
    from app.apikeys.service import revoke_key

    async def work(session: AsyncSession) -> None:
        await revoke_key(session, None, args.id, None)

    _run(work)
    print(f"revoked key {args.id} (other running processes forget it within WPS_KEY_CACHE_SECONDS)")


def contract() -> str:
    from app.main import create_app

    return json.dumps(create_app().openapi(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def openapi(args: argparse.Namespace) -> None:
    current = contract()
    if args.check:
        if not CONTRACT.exists() or CONTRACT.read_text(encoding="utf-8") != current:
            sys.exit("openapi/openapi.json differs from the code: run `wps openapi`")
        print("openapi/openapi.json matches the code")
        return
    CONTRACT.parent.mkdir(exist_ok=True)
    CONTRACT.write_text(current, encoding="utf-8")
    print(f"wrote {CONTRACT.relative_to(ROOT)}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wps", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="migrate, seed and run the HTTP service")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--no-migrate", action="store_true", help="skip migrations and seeding")
    p.set_defaults(func=serve)

    p = sub.add_parser("migrate", help="apply migrations (or --downgrade to a revision)")
    p.add_argument(
        "revision", nargs="?", default=None, help="target (default head; base with --downgrade)"
    )
    p.add_argument("--downgrade", action="store_true")
    p.set_defaults(
        func=lambda a: migrate(
            a.revision or ("base" if a.downgrade else "heads"), downgrade=a.downgrade
        )
    )

    p = sub.add_parser("seed", help="insert missing reference data (idempotent)")
    p.set_defaults(func=lambda a: seed())

    keys = sub.add_parser("keys", help="manage API keys").add_subparsers(dest="keys", required=True)
    p = keys.add_parser("create", help="create a key; prints the secret on the last line")
    p.add_argument("--role", required=True, choices=["admin", "analyst", "integration", "embassy"])
    p.add_argument("--partner", help="alpha-3 or alpha-2 country (embassy keys)")
    p.add_argument("--name", required=True)
    p.set_defaults(func=keys_create)
    p = keys.add_parser("list", help="list keys (never their secrets)")
    p.set_defaults(func=keys_list)
    p = keys.add_parser("revoke", help="revoke a key by id")
    p.add_argument("id", type=int)
    p.set_defaults(func=keys_revoke)

    from app.funding.commands import add_commands as add_funding_commands
    from app.trainings.commands import add_commands as add_training_commands

    importers = sub.add_parser("import", help="bulk import from a file").add_subparsers(
        dest="kind", required=True
    )
    exporters = sub.add_parser("export", help="bulk export to a file").add_subparsers(
        dest="kind", required=True
    )
    add_training_commands(importers, exporters)
    add_funding_commands(importers, exporters)

    p = sub.add_parser("openapi", help="write openapi/openapi.json, or --check it")
    p.add_argument("--check", action="store_true")
    p.set_defaults(func=openapi)
    return parser


def main(argv: list[str] | None = None) -> None:
    from app.core.errors import AppError

    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except AppError as exc:  # e.g. an unknown partner or key id: a message, not a traceback
        sys.exit(f"wps: {exc.detail}")


if __name__ == "__main__":
    main()
