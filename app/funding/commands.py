"""`wps import obligations FILE` and `wps export obligations`: the bulk paths without HTTP."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.core import imports as bulk
from app.core.imports import ImportSummary, Progress
from app.funding import imports, service
from app.funding.schemas import CSV_COLUMNS, FundingType, Purpose, csv_row


def _filters(args: argparse.Namespace) -> service.ObligationFilters:
    return service.ObligationFilters(
        program=args.program,
        fiscal_year=args.fiscal_year,
        partner=args.partner,
        type=args.type,
        purpose=args.purpose,
    )


def import_obligations(args: argparse.Namespace) -> None:
    async def work(
        session: AsyncSession, body: bytes, is_csv: bool, progress: Progress
    ) -> ImportSummary:
        parsed = imports.parse(body, csv_body=is_csv)
        return await imports.import_obligations(
            session, None, parsed, dry_run=args.dry_run, progress=progress
        )

    bulk.import_file(args.file, work)


def export_obligations(args: argparse.Namespace) -> None:
    async def work(sessionmaker: async_sessionmaker[AsyncSession], out: TextIO) -> int:
        filters = _filters(args)
        async with sessionmaker() as session:
            total = await service.count_obligations(session, None, filters)
        return await bulk.write_export(
            out,
            format=args.format,
            total=total,
            batches=service.export_obligations(sessionmaker, None, filters),
            columns=CSV_COLUMNS,
            csv_lines=lambda obligation: [csv_row(obligation)],
            json_record=imports.json_record,
        )

    bulk.export_file(args.output, "obligations", work)


def add_commands(imports_parser: Any, exports_parser: Any) -> None:
    """Register `import obligations` and `export obligations` on the CLI's subparsers."""
    p = bulk.add_commands(
        imports_parser,
        exports_parser,
        "obligations",
        import_=import_obligations,
        export=export_obligations,
    )
    p.add_argument("--program")
    p.add_argument("--fiscal-year", type=int)
    p.add_argument("--partner", help="alpha-3 or alpha-2")
    p.add_argument("--type", choices=[t.value for t in FundingType])
    p.add_argument("--purpose", choices=[p.value for p in Purpose])
