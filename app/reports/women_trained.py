"""Report queries: GROUP BY in the database, never rows summed in Python."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import Forbidden, Unprocessable
from app.core.figures import exact_pct, one_decimal
from app.core.fiscal_year import fiscal_year as fiscal_year_of
from app.core.models import utcnow
from app.core.security import Principal
from app.nominations.models import Nomination
from app.nominations.service import visible_to
from app.nominations.workflow import NOT_COUNTED, Sex, Status
from app.partners.models import Benchmark, Partner
from app.partners.service import find_partner
from app.programs.models import Program
from app.trainings.models import ALL_TOPICS, WomenTrainedRollup

# --- IMET nominations: parity against host-force benchmarks, and completions ----------------


async def _imet_partner(
    session: AsyncSession, actor: Principal, code: str | None
) -> Partner | None:
    """The partner an IMET report is limited to: always an embassy's own; else the one asked."""
    partner = None
    if code is not None:
        partner = await find_partner(session, code)
        if partner is None:
            raise Unprocessable(
                f"partner: unknown country code {code!r}",
                errors=[{"parameter": "partner", "location": "query", "detail": "unknown code"}],
            )
    if actor.is_embassy:
        if partner is not None and partner.id != actor.partner_id:
            raise Forbidden("an embassy key sees only its own country's figures")
        return await session.get(Partner, actor.partner_id)
    return partner


class ParityFilters(BaseModel):
    fiscal_year: int
    partner: str | None


class ParityRow(BaseModel):
    partner: str
    nominations: int
    women: int
    women_share_pct: float | None
    benchmark_pct: float | None
    gap_points: float | None
    meets_benchmark: bool | None


class ParityTotals(BaseModel):
    nominations: int
    women: int
    women_share_pct: float | None


class ParityReport(BaseModel):
    filters: ParityFilters
    method: str
    rows: list[ParityRow]
    totals: ParityTotals

    def table(self) -> tuple[list[str], list[list[Any]]]:
        """CSV columns and rows (the rows only; filters and method are in the JSON form)."""
        columns = list(ParityRow.model_fields)
        return columns, [[getattr(row, c) for c in columns] for row in self.rows]


PARITY_METHOD = (
    "Per partner, the IMET nominations of the fiscal year, excluding withdrawn and rejected "
    "ones. women = those nominations whose nominee is female; women_share_pct = women / "
    "nominations x 100; benchmark_pct = the partner's host-force benchmark (women's share of "
    "its military) for the same fiscal year; gap_points = women_share_pct - benchmark_pct; "
    "meets_benchmark = women_share_pct >= benchmark_pct. Shares and gaps are computed exactly "
    "from the counts and rounded half-up to one decimal at the end. A partner is listed when it "
    "has a nomination or a benchmark for the year. With no counted nominations the share, gap "
    "and meets_benchmark are null (no figure, not 0 %); without a benchmark, benchmark_pct, "
    "gap_points and meets_benchmark are null. totals.women_share_pct = sum of women / sum of "
    "nominations over the rows, never an average of percentages."
)


async def imet_parity(
    session: AsyncSession,
    actor: Principal,
    *,
    fiscal_year: int | None = None,
    partner: str | None = None,
) -> ParityReport:
    year = fiscal_year if fiscal_year is not None else fiscal_year_of(utcnow().date())
    only = await _imet_partner(session, actor, partner)
    counted = Nomination.status.not_in([str(s) for s in NOT_COUNTED])
    nominations = (
        select(
            Nomination.partner_id.label("partner_id"),
            func.sum(case((counted, 1), else_=0)).label("nominations"),
            func.sum(case((and_(counted, Nomination.sex == str(Sex.female)), 1), else_=0)).label(
                "women"
            ),
        )
        .where(Nomination.fiscal_year == year, visible_to(actor))
        .group_by(Nomination.partner_id)
        .subquery("counts")
    )
    benchmarks = (
        select(
            Benchmark.partner_id.label("partner_id"),
            Benchmark.military_women_share_pct.label("benchmark"),
        )
        .where(Benchmark.fiscal_year == year)
        .subquery("benchmarks")
    )
    stmt = (
        select(Partner.code, nominations.c.nominations, nominations.c.women, benchmarks.c.benchmark)
        .select_from(Partner)
        .outerjoin(nominations, nominations.c.partner_id == Partner.id)
        .outerjoin(benchmarks, benchmarks.c.partner_id == Partner.id)
        .where(or_(nominations.c.partner_id.is_not(None), benchmarks.c.partner_id.is_not(None)))
        .order_by(Partner.code)
    )
    if only is not None:
        stmt = stmt.where(Partner.id == only.id)
    rows = []
    for code, counted_n, women_n, benchmark in (await session.execute(stmt)).all():
        count, women = int(counted_n or 0), int(women_n or 0)
        share = exact_pct(women, count)
        target = None if benchmark is None else Fraction(Decimal(benchmark))
        compared = share is not None and target is not None
        rows.append(
            ParityRow(
                partner=code,
                nominations=count,
                women=women,
                women_share_pct=one_decimal(share),
                benchmark_pct=None if benchmark is None else float(benchmark),
                gap_points=one_decimal(share - target) if compared else None,  # type: ignore[operator]
                meets_benchmark=bool(share >= target) if compared else None,  # type: ignore[operator]
            )
        )
    total = sum(r.nominations for r in rows)
    total_women = sum(r.women for r in rows)
    return ParityReport(
        filters=ParityFilters(fiscal_year=year, partner=only.code if only else None),
        method=PARITY_METHOD,
        rows=rows,
        totals=ParityTotals(
            nominations=total,
            women=total_women,
            women_share_pct=one_decimal(exact_pct(total_women, total)),
        ),
    )


CompletionsGroup = Literal["fiscal_year", "partner"]


class CompletionsFilters(BaseModel):
    from_fy: int | None
    to_fy: int | None
    partner: str | None
    group_by: CompletionsGroup


class CompletionsByYear(BaseModel):
    fiscal_year: int
    women: int
    men: int
    total: int


class CompletionsByPartner(BaseModel):
    partner: str
    women: int
    men: int
    total: int


class CompletionsTotals(BaseModel):
    women: int
    men: int
    total: int
    women_share_pct: float | None


class CompletionsReport(BaseModel):
    filters: CompletionsFilters
    method: str
    rows: list[CompletionsByYear] | list[CompletionsByPartner]
    totals: CompletionsTotals

    def table(self) -> tuple[list[str], list[list[Any]]]:
        """CSV columns and rows: the group key, women, men, total."""
        columns = [self.filters.group_by, "women", "men", "total"]
        return columns, [[getattr(row, c) for c in columns] for row in self.rows]


COMPLETIONS_METHOD = (
    "IMET nominees whose nomination reached the status completed, counted by nominee sex "
    "(women, men), grouped by the nomination's fiscal year or by partner, within "
    "from_fy..to_fy inclusive (open ends when omitted). totals.women_share_pct = women / total "
    "x 100, rounded half-up to one decimal; null when there are no completions."
)


async def imet_completions(
    session: AsyncSession,
    actor: Principal,
    *,
    from_fy: int | None = None,
    to_fy: int | None = None,
    partner: str | None = None,
    group_by: CompletionsGroup = "fiscal_year",
) -> CompletionsReport:
    if from_fy is not None and to_fy is not None and from_fy > to_fy:
        raise Unprocessable(
            "to_fy: must not be before from_fy",
            errors=[{"parameter": "to_fy", "location": "query", "detail": "before from_fy"}],
        )
    only = await _imet_partner(session, actor, partner)
    key = Nomination.fiscal_year if group_by == "fiscal_year" else Partner.code
    stmt = (
        select(
            key,
            func.sum(case((Nomination.sex == str(Sex.female), 1), else_=0)),
            func.sum(case((Nomination.sex == str(Sex.male), 1), else_=0)),
        )
        .select_from(Nomination)
        .join(Partner, Partner.id == Nomination.partner_id)
        .where(Nomination.status == str(Status.completed), visible_to(actor))
        .group_by(key)
        .order_by(key)
    )
    if from_fy is not None:
        stmt = stmt.where(Nomination.fiscal_year >= from_fy)
    if to_fy is not None:
        stmt = stmt.where(Nomination.fiscal_year <= to_fy)
    if only is not None:
        stmt = stmt.where(Nomination.partner_id == only.id)
    result = [(k, int(w), int(m)) for k, w, m in (await session.execute(stmt)).all()]
    rows: list[CompletionsByYear] | list[CompletionsByPartner]
    if group_by == "fiscal_year":
        rows = [CompletionsByYear(fiscal_year=k, women=w, men=m, total=w + m) for k, w, m in result]
    else:
        rows = [CompletionsByPartner(partner=k, women=w, men=m, total=w + m) for k, w, m in result]
    women = sum(w for _, w, _ in result)
    men = sum(m for _, _, m in result)
    return CompletionsReport(
        filters=CompletionsFilters(
            from_fy=from_fy, to_fy=to_fy, partner=only.code if only else None, group_by=group_by
        ),
        method=COMPLETIONS_METHOD,
        rows=rows,
        totals=CompletionsTotals(
            women=women,
            men=men,
            total=women + men,
            women_share_pct=one_decimal(exact_pct(women, women + men)),
        ),
    )


# --- Trainings: women trained, from the rollup kept on every training write ------------------

WOMEN_TRAINED_GROUPS = ("fiscal_year", "program", "partner", "region", "topic")

WOMEN_TRAINED_METHOD = (
    "Sum of training participants (women, men, unreported) by the requested groups, over "
    "trainings matching the filters. fiscal_year is the US fiscal year of a training's start "
    "date; partner is the participants' country (region its State regional bureau); program "
    "and kind are the training's. A training with several topics counts under each of its "
    "topics when grouped or filtered by topic, and once otherwise (so totals never double "
    "count). total = women + men + unreported; women_share_pct = women / total x 100, rounded "
    "half-up to one decimal (null when total is 0); cumulative_women is the running sum of "
    "women over fiscal years from the first year in range (per other group when grouped by "
    "two). Figures are summed in SQL from a rollup of the participant records that every "
    "training write keeps exactly in step, in the same transaction."
)


class WomenTrainedFilters(BaseModel):
    program: str | None
    partner: str | None
    region: str | None
    topic: str | None
    kind: str | None
    from_fy: int | None
    to_fy: int | None
    group_by: list[str]


class WomenTrainedTotals(BaseModel):
    women: int
    men: int
    unreported: int
    total: int
    women_share_pct: float | None


class WomenTrainedReport(BaseModel):
    filters: WomenTrainedFilters
    method: str
    rows: list[dict[str, int | float | str | None]]
    totals: WomenTrainedTotals

    def columns(self) -> list[str]:
        extra = ["cumulative_women"] if "fiscal_year" in self.filters.group_by else []
        return [
            *self.filters.group_by,
            "women",
            "men",
            "unreported",
            "total",
            "women_share_pct",
            *extra,
        ]


def women_trained_groups(value: str) -> list[str]:
    """`group_by=fiscal_year,partner`: one or two distinct known groups."""
    groups = [g.strip() for g in value.split(",") if g.strip()]
    bad = [g for g in groups if g not in WOMEN_TRAINED_GROUPS]
    if bad or not 1 <= len(groups) <= 2 or len(set(groups)) != len(groups):
        raise Unprocessable(
            f"group_by: one or two of {', '.join(WOMEN_TRAINED_GROUPS)}, comma separated",
            errors=[
                {
                    "parameter": "group_by",
                    "location": "query",
                    "detail": f"one or two of {', '.join(WOMEN_TRAINED_GROUPS)}",
                }
            ],
        )
    return groups


async def women_trained(
    session: AsyncSession,
    actor: Principal,
    *,
    program: str | None = None,
    partner: str | None = None,
    region: str | None = None,
    topic: str | None = None,
    kind: str | None = None,
    from_fy: int | None = None,
    to_fy: int | None = None,
    group_by: str = "fiscal_year",
) -> WomenTrainedReport:
    groups = women_trained_groups(group_by)
    if from_fy is not None and to_fy is not None and from_fy > to_fy:
        raise Unprocessable(
            "to_fy: must not be before from_fy",
            errors=[{"parameter": "to_fy", "location": "query", "detail": "before from_fy"}],
        )
    only = await _imet_partner(session, actor, partner)
    if (
        program
        and await session.scalar(select(Program.id).where(Program.code == program.upper())) is None
    ):
        raise Unprocessable(
            f"program: unknown program {program!r}",
            errors=[{"parameter": "program", "location": "query", "detail": "unknown program"}],
        )
    r = WomenTrainedRollup
    keys = {
        "fiscal_year": r.fiscal_year,
        "program": Program.code,
        "partner": Partner.code,
        "region": Partner.region,
        "topic": r.topic,
    }
    conditions = []
    if "topic" in groups:
        conditions.append(r.topic == topic if topic else r.topic != ALL_TOPICS)
    else:
        conditions.append(r.topic == (topic or ALL_TOPICS))
    if program:
        conditions.append(Program.code == program.upper())
    if only is not None:
        conditions.append(r.partner_id == only.id)
    if region:
        conditions.append(Partner.region == region)
    if kind:
        conditions.append(r.kind == kind)
    if from_fy is not None:
        conditions.append(r.fiscal_year >= from_fy)
    if to_fy is not None:
        conditions.append(r.fiscal_year <= to_fy)
    sums = (func.sum(r.women), func.sum(r.men), func.sum(r.unreported))
    base = (
        select()
        .select_from(r)
        .join(Program, Program.id == r.program_id)
        .join(Partner, Partner.id == r.partner_id)
        .where(*conditions)
    )
    columns = [keys[g] for g in groups]
    selected = [*columns, *sums]
    if "fiscal_year" in groups:
        others = [keys[g] for g in groups if g != "fiscal_year"]
        selected.append(
            func.sum(func.sum(r.women)).over(partition_by=others or None, order_by=r.fiscal_year)
        )
    stmt = base.add_columns(*selected).group_by(*columns).order_by(*columns)
    rows: list[dict[str, int | float | str | None]] = []
    for found in (await session.execute(stmt)).all():
        women, men, unreported = (int(v) for v in found[len(groups) : len(groups) + 3])
        row: dict[str, int | float | str | None] = dict(
            zip(groups, found[: len(groups)], strict=True)
        )
        total = women + men + unreported
        row.update(
            women=women,
            men=men,
            unreported=unreported,
            total=total,
            women_share_pct=one_decimal(exact_pct(women, total)),
        )
        if "fiscal_year" in groups:
            row["cumulative_women"] = int(found[-1])
        rows.append(row)
    # Totals read the topic-free rows (or the one topic filtered on), so nothing counts twice.
    total_conditions = [*conditions[1:], r.topic == (topic or ALL_TOPICS)]
    totals_stmt = (
        select(*sums)
        .select_from(r)
        .join(Program, Program.id == r.program_id)
        .join(Partner, Partner.id == r.partner_id)
        .where(*total_conditions)
    )
    women, men, unreported = (int(v or 0) for v in (await session.execute(totals_stmt)).one())
    return WomenTrainedReport(
        filters=WomenTrainedFilters(
            program=program.upper() if program else None,
            partner=only.code if only else None,
            region=region,
            topic=topic,
            kind=kind,
            from_fy=from_fy,
            to_fy=to_fy,
            group_by=groups,
        ),
        method=WOMEN_TRAINED_METHOD,
        rows=rows,
        totals=WomenTrainedTotals(
            women=women,
            men=men,
            unreported=unreported,
            total=women + men + unreported,
            women_share_pct=one_decimal(exact_pct(women, women + men + unreported)),
        ),
    )
