"""The default indicator set (app/data/indicators.json): added when missing, never overwritten.

Definitions and the fact sheet's known targets only; results come from the records (derived
indicators) or are entered by people (manual ones).
"""

from __future__ import annotations

import json
from decimal import Decimal
from importlib import resources
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.writer import record
from app.indicators.models import Indicator, Target
from app.programs.models import Program


def default_indicators() -> list[dict[str, Any]]:
    text = resources.files("app.data").joinpath("indicators.json").read_text(encoding="utf-8")
    return list(json.loads(text))


async def seed_indicators(session: AsyncSession) -> int:
    """Insert the default indicators (and their targets) whose codes are absent."""
    await session.flush()  # programs and outcomes seeded just before are visible
    have = set((await session.scalars(select(Indicator.code))).all())
    programs = {
        code: id_ for code, id_ in (await session.execute(select(Program.code, Program.id))).all()
    }
    added: list[tuple[Indicator, list[dict[str, Any]]]] = []
    for spec in default_indicators():
        if spec["code"] in have:
            continue
        fields = {k: v for k, v in spec.items() if k not in ("program", "targets")}
        indicator = Indicator(**fields, program_id=programs.get(spec["program"]))
        session.add(indicator)
        added.append((indicator, spec["targets"]))
    if not added:
        return 0
    await session.flush()
    for indicator, targets in added:
        for target in targets:
            session.add(
                Target(
                    indicator_id=indicator.id,
                    fiscal_year=target["fiscal_year"],
                    partner_id=None,
                    value=Decimal(target["value"]),
                )
            )
    await session.flush()
    record(session, None, "seed", "indicator", "-", [], {"indicators": [i.code for i, _ in added]})
    return len(added)
