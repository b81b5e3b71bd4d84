"""rollups for the facility-upgrades, cwd-teams and policy-milestones reports, filled from the
stored records

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 18:00:00.000000

Both tables are derived from versioned ones and are not versioned themselves: read as known at
a past instant, the reports sum the records then instead.
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
# Money summed: exact decimals on PostgreSQL, integer cents on SQLite (as the Money columns).
MONEY_SUM = sa.Numeric(20, 2).with_variant(sa.BigInteger(), "sqlite")

# The facility-upgrades rollup from the records: each completed upgrade once (feature ''), and
# once more under each of its features. Cost is the stored column (cents on SQLite) or 0.
UPGRADES_FROM_RECORDS = """
INSERT INTO facility_upgrades_rollup
    (program_id, partner_id, fiscal_year, feature, upgrades, women_beds_added, cost_usd)
SELECT u.program_id, c.partner_id, u.fiscal_year, '', count(*),
       coalesce(sum(u.women_beds_added), 0), coalesce(sum(coalesce(u.cost_usd, 0)), 0)
FROM facility_upgrades u JOIN training_centers c ON c.id = u.training_center_id
WHERE u.status = 'completed'
GROUP BY u.program_id, c.partner_id, u.fiscal_year
UNION ALL
SELECT u.program_id, c.partner_id, u.fiscal_year, f.feature, count(*),
       coalesce(sum(u.women_beds_added), 0), coalesce(sum(coalesce(u.cost_usd, 0)), 0)
FROM facility_upgrades u JOIN training_centers c ON c.id = u.training_center_id
JOIN facility_upgrade_features f ON f.upgrade_id = u.id
WHERE u.status = 'completed'
GROUP BY u.program_id, c.partner_id, u.fiscal_year, f.feature
"""

MILESTONES_FROM_RECORDS = """
INSERT INTO policy_milestones_rollup (program_id, partner_id, fiscal_year, kind, milestones)
SELECT program_id, partner_id, fiscal_year, kind, count(*)
FROM policy_milestones
GROUP BY program_id, partner_id, fiscal_year, kind
"""

TEAMS = sa.table(
    "cwd_teams",
    sa.column("id", sa.Integer()),
    sa.column("partner_id", sa.Integer()),
    sa.column("program_id", sa.Integer()),
    sa.column("activity", sa.String()),
    sa.column("formed_on", sa.Date()),
    sa.column("disbanded_on", sa.Date()),
)
ROSTERS = sa.table(
    "cwd_rosters",
    sa.column("team_id", sa.Integer()),
    sa.column("as_of", sa.Date()),
    sa.column("women", sa.Integer()),
    sa.column("men", sa.Integer()),
    sa.column("unreported", sa.Integer()),
    sa.column("women_in_leadership", sa.Integer()),
)
TEAM_KEYS = ("partner_id", "program_id", "activity", "composition", "day")
TEAM_SUMS = ("teams", "women", "men", "unreported", "women_in_leadership")


def upgrade() -> None:
    op.create_table(
        "facility_upgrades_rollup",
        sa.Column("program_id", BIG_ID, nullable=False),
        sa.Column("partner_id", BIG_ID, nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("feature", sa.String(length=32), nullable=False),
        sa.Column("upgrades", sa.BigInteger(), nullable=False),
        sa.Column("women_beds_added", sa.BigInteger(), nullable=False),
        sa.Column("cost_usd", MONEY_SUM, nullable=False),
        sa.PrimaryKeyConstraint(
            "program_id",
            "partner_id",
            "fiscal_year",
            "feature",
            name=op.f("pk_facility_upgrades_rollup"),
        ),
    )
    rollup = op.create_table(
        "cwd_teams_rollup",
        sa.Column("partner_id", BIG_ID, nullable=False),
        sa.Column("program_id", BIG_ID, nullable=False),
        sa.Column("activity", sa.String(length=32), nullable=False),
        sa.Column("composition", sa.String(length=16), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("teams", sa.BigInteger(), nullable=False),
        sa.Column("women", sa.BigInteger(), nullable=False),
        sa.Column("men", sa.BigInteger(), nullable=False),
        sa.Column("unreported", sa.BigInteger(), nullable=False),
        sa.Column("women_in_leadership", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "partner_id",
            "program_id",
            "activity",
            "composition",
            "day",
            name=op.f("pk_cwd_teams_rollup"),
        ),
    )
    op.create_table(
        "policy_milestones_rollup",
        sa.Column("program_id", BIG_ID, nullable=False),
        sa.Column("partner_id", BIG_ID, nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("milestones", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "program_id",
            "partner_id",
            "fiscal_year",
            "kind",
            name=op.f("pk_policy_milestones_rollup"),
        ),
    )
    connection = op.get_bind()
    connection.execute(sa.text(UPGRADES_FROM_RECORDS))
    connection.execute(sa.text(MILESTONES_FROM_RECORDS))
    rows = _team_rollup(connection)
    for start in range(0, len(rows), 5_000):
        op.bulk_insert(rollup, rows[start : start + 5_000])


def _composition(figures: tuple[int, ...] | None) -> str:
    if figures is None:
        return "unknown"
    women, men, unreported = figures[0], figures[1], figures[2]
    if women > 0 and men == 0 and unreported == 0:
        return "all_women"
    if men > 0 and women == 0 and unreported == 0:
        return "all_men"
    return "mixed" if women + men + unreported > 0 else "unknown"


def _team_rollup(connection: sa.Connection) -> list[dict[str, Any]]:
    """Per group and day, the teams and people that start (+) and stop (-) counting: a team
    counts from formed_on to disbanded_on with its latest roster on or before the day."""
    rosters: dict[int, list[tuple[date, tuple[int, ...]]]] = defaultdict(list)
    for team_id, as_of, *figures in connection.execute(sa.select(ROSTERS)):
        rosters[team_id].append((as_of, tuple(figures)))
    deltas: dict[tuple[Any, ...], list[int]] = defaultdict(lambda: [0] * 5)
    for team_id, partner_id, program_id, activity, formed_on, disbanded_on in connection.execute(
        sa.select(TEAMS)
    ):
        end = disbanded_on + timedelta(days=1) if disbanded_on is not None else None
        listed = sorted(rosters[team_id])
        earlier = [figures for as_of, figures in listed if as_of <= formed_on]
        points = [(formed_on, earlier[-1] if earlier else None)]
        points += [(d, f) for d, f in listed if d > formed_on and (end is None or d < end)]
        for n, (start, figures) in enumerate(points):
            stop = points[n + 1][0] if n + 1 < len(points) else end
            counts = (1, *(figures or (0, 0, 0, 0)))
            group = (partner_id, program_id, activity, _composition(figures))
            for day, sign in ((start, 1), (stop, -1)):
                if day is not None:
                    sums = deltas[(*group, day)]
                    for k, value in enumerate(counts):
                        sums[k] += sign * value
    return [
        dict(zip(TEAM_KEYS + TEAM_SUMS, (*key, *sums), strict=True))
        for key, sums in deltas.items()
        if any(sums)
    ]


def downgrade() -> None:
    op.drop_table("policy_milestones_rollup")
    op.drop_table("cwd_teams_rollup")
    op.drop_table("facility_upgrades_rollup")
