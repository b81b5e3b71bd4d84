"""Upload of a 20-year UN peacekeeping file vs parsing it alone (not part of the test run).

    .venv/bin/python -m bench.un_file --database-url sqlite+aiosqlite:////tmp/wps-un.db
    .venv/bin/python -m bench.un_file --database-url postgresql+asyncpg://postgres@127.0.0.1/wps_bench

Builds a file shaped like the UN's (UTF-8 BOM, CRLF, `31-Jan-21` dates, a `#N/A` row each
month) holding every month from 2002 to 2021, about 100,000 rows, and times, per round: the
pure parser (`parse_un_file`), and one POST of the whole file to the service in-process (the
full stack: middleware with the 64 MiB cap, key check, parse, one transaction storing a
snapshot per month, the JSON answer). Each round's upload differs by one count, so every round
stores 240 new snapshots; they are deleted between rounds. Aim: upload under 3x the parse.
"""

from __future__ import annotations

import argparse
import asyncio
import calendar
import statistics
import time

import httpx
import pycountry
from sqlalchemy import delete

from app.apikeys.service import create_key
from app.cli import migrate
from app.core.commit import transaction
from app.core.config import Settings
from app.core.security import Role
from app.main import create_app
from app.partners.service import partner_codes
from app.peacekeeping.models import Contribution, Snapshot
from app.peacekeeping.un_file import parse_un_file
from app.seed import seed_reference_data

HEADER = (
    "Contributing_Country,ISOCode3,Mission_Acronym,Personnel_Type,"
    "Male_Personnel,Female_Personnel,Last_Reporting_Date"
)
MISSIONS = ["UNIFIL", "MINUSCA", "UNMISS", "MONUSCO", "MINUSMA", "UNDOF", "UNFICYP", "UNISFA"]
TYPES = ["Troops", "Staff Officer", "Experts on Mission", "Formed Police Units"]
COUNTRIES = 105  # x 4 rows = 420 rows a month, 240 months: 100,800 rows (+ a #N/A row a month)


def build_file(first_year: int = 2002, years: int = 20, tag: int = 0) -> bytes:
    countries = sorted(pycountry.countries, key=lambda c: c.alpha_3)[:COUNTRIES]
    lines = [HEADER]
    for year in range(first_year, first_year + years):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            day = f"{last:02d}-{calendar.month_abbr[month]}-{year % 100:02d}"
            for i, country in enumerate(countries):
                name = country.name.replace(",", " ")
                for j, personnel_type in enumerate(TYPES):
                    mission = MISSIONS[(i + j + month) % len(MISSIONS)]
                    men = 50 + (i * 7 + j * 13 + month) % 900 + (tag if i == j == 0 else 0)
                    women = (i + j + month + year) % 60
                    lines.append(
                        f"{name},{country.alpha_3},{mission},{personnel_type},{men},{women},{day}"
                    )
            lines.append(f"#N/A,#N/A,MINUSCA,Troops,12,3,{day}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


async def bench(url: str, rounds: int) -> None:
    await asyncio.to_thread(migrate, "heads", database_url=url)
    settings = Settings(database_url=url, log_level="WARNING", _env_file=None)  # type: ignore[call-arg]
    app = create_app(settings)
    async with app.router.lifespan_context(app):
        sessionmaker = app.state.sessionmaker
        async with transaction(sessionmaker) as session:
            await seed_reference_data(session)
            _, secret = await create_key(session, None, name="bench-un-file", role=Role.admin)
        async with sessionmaker() as session:
            codes = await partner_codes(session)
        headers = {"Authorization": f"Bearer {secret}", "Content-Type": "text/csv"}
        transport = httpx.ASGITransport(app=app)
        parses, uploads = [], []
        async with httpx.AsyncClient(
            transport=transport, base_url="http://bench", timeout=600
        ) as http:
            for round_number in range(rounds):
                content = build_file(tag=round_number + 1)
                started = time.perf_counter()
                parsed = parse_un_file(content, codes)
                parses.append(time.perf_counter() - started)

                started = time.perf_counter()
                response = await http.post(
                    "/api/v1/peacekeeping/snapshots", content=content, headers=headers
                )
                uploads.append(time.perf_counter() - started)
                assert response.status_code == 201, response.text[:500]
                upload = response.json()
                assert len(upload["snapshots"]) == len(parsed.months) == 240, len(upload)
                print(
                    f"round {round_number + 1}: {parsed.row_count:,} rows, "
                    f"{len(content) / 2**20:.1f} MiB, {len(upload['snapshots'])} snapshots, "
                    f"{sum(s['contribution_count'] for s in upload['snapshots']):,} stored rows,"
                    f" {upload['skipped_count']} skipped; parse {parses[-1]:.2f} s, "
                    f"upload {uploads[-1]:.2f} s"
                )
                async with transaction(sessionmaker) as session:
                    await session.execute(delete(Contribution))
                    await session.execute(delete(Snapshot))
    parse, upload = statistics.median(parses), statistics.median(uploads)
    backend = url.split(":", 1)[0]
    print(
        f"{backend}: median of {rounds}: parse {parse:.2f} s, upload {upload:.2f} s, "
        f"upload / parse = {upload / parse:.2f}x (aim: under 3x)"
    )


def main() -> None:
    from app import transactions

    transactions.register()  # what each transaction writes at commit (audit, changes, ...)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    asyncio.run(bench(args.database_url, args.rounds))


if __name__ == "__main__":
    main()
