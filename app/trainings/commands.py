"""`wps import trainings FILE` and `wps export trainings`: the bulk paths without HTTP."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core import imports as bulk
from app.core.imports import ImportSummary, Progress
from app.trainings import imports, service
from app.trainings.schemas import SortOrder


def _filters(args: argparse.Namespace) -> service.TrainingFilters:
    return service.TrainingFilters(
        program=args.program,
        partner=args.partner,
        host_country=args.host_country,
        fiscal_year=args.fiscal_year,
        from_fy=args.from_fy,
        to_fy=args.to_fy,
        kind=args.kind,
        topic=args.topic,
    )


def import_trainings(args: argparse.Namespace) -> None:
    async def work(
        session: AsyncSession, body: bytes, is_csv: bool, progress: Progress
    ) -> ImportSummary:
        parsed = imports.parse(body, csv_body=is_csv)
        return await imports.import_trainings(
            session, None, parsed, dry_run=args.dry_run, progress=progress
        )

    bulk.import_file(args.file, work)


def export_trainings(args: argparse.Namespace) -> None:
    async def work(sessionmaker: async_sessionmaker[AsyncSession], out: TextIO) -> int:
        filters = _filters(args)
        async with sessionmaker() as session:
            total = await service.count_trainings(session, None, filters)
            batches = await service.export_trainings(
                session, sessionmaker, None, filters, SortOrder.created
            )
        return await bulk.write_export(
            out,
            format=args.format,
            total=total,
            batches=batches,
            columns=imports.CSV_COLUMNS,
            csv_lines=imports.csv_rows,
            json_record=imports.json_record,
        )

    bulk.export_file(args.output, "trainings", work)


def add_commands(imports_parser: Any, exports_parser: Any) -> None:
    """Register `import trainings` and `export trainings` on the CLI's subparsers."""
    p = bulk.add_commands(
        imports_parser,
        exports_parser,
        "trainings",
        import_=import_trainings,
        export=export_trainings,
    )
    p.add_argument("--program")
    p.add_argument("--partner")
    p.add_argument("--host-country")
    p.add_argument("--fiscal-year", type=int)
    p.add_argument("--from-fy", type=int)
    p.add_argument("--to-fy", type=int)
    p.add_argument("--kind")
    p.add_argument("--topic")
