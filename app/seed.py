"""Reference data: programs, partners (pycountry + Kosovo), outcomes and the default indicators.

Seeding only adds what is absent, so running it again never duplicates a row or
overwrites an admin's edit.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from importlib import resources

import pycountry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record
from app.indicators.seed import seed_indicators
from app.outcomes.models import Outcome
from app.partners.models import Partner
from app.partners.names import partner_search_text
from app.programs.models import Program

KOSOVO = {"code": "XKX", "alpha2": "XK", "numeric": None, "name": "Kosovo"}


@dataclass
class SeedReport:
    programs: int = 0
    partners: int = 0
    outcomes: int = 0


def _data(name: str) -> str:
    return resources.files("app.data").joinpath(name).read_text(encoding="utf-8")


def reference_partners() -> list[dict[str, str | None]]:
    regions = {
        row["alpha3"]: row["region"] for row in csv.DictReader(_data("regions.csv").splitlines())
    }
    countries = [
        {
            "code": c.alpha_3,
            "alpha2": c.alpha_2,
            "numeric": c.numeric,
            "name": getattr(c, "common_name", None) or c.name,
        }
        for c in pycountry.countries
    ]
    partners = [*countries, KOSOVO]
    for partner in partners:
        partner["region"] = regions[str(partner["code"])]
        partner["search_text"] = partner_search_text(str(partner["code"]), str(partner["name"]))
    return partners


async def seed_reference_data(session: AsyncSession) -> SeedReport:
    report = SeedReport()
    have_programs = set((await session.scalars(select(Program.code))).all())
    for program in json.loads(_data("programs.json")):
        if program["code"] not in have_programs:
            session.add(Program(**program))
            report.programs += 1
    have_outcomes = set((await session.scalars(select(Outcome.number))).all())
    for outcome in json.loads(_data("outcomes.json")):
        if outcome["number"] not in have_outcomes:
            session.add(Outcome(**outcome))
            report.outcomes += 1
    have_partners = set((await session.scalars(select(Partner.code))).all())
    for partner in reference_partners():
        if partner["code"] not in have_partners:
            session.add(Partner(**partner))
            report.partners += 1
    if report.programs or report.partners or report.outcomes:
        await session.flush()
        record(session, None, "seed", "reference_data", "-", [], vars(report).copy())
    # The default indicator set refers to programs and outcomes, so it comes after them.
    await seed_indicators(session)
    return report
