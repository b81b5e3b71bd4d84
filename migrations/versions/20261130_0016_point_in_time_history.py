"""point in time: a history table per versioned table, kept by triggers, with rows known so far

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 14:00:00.000000

Rows stored before this revision enter their history as valid since the epoch: nothing tells
when an earlier version stopped being true, so a figure asked for as known on any day before
the upgrade answers what the records held at the upgrade, exactly the figure shown then.
"""

from collections.abc import Sequence

from alembic import op

from app.core.history import create_history, drop_history

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out, not read from the app, so that this revision keeps meaning what it meant.
TABLES = (
    "trainings",
    "training_participants",
    "training_topics",
    "nominations",
    "imet_history",
    "obligations",
    "obligation_purposes",
    "peacekeeping_snapshots",
    "peacekeeping_contributions",
    "memberships",
    "benchmarks",
    "indicators",
    "indicator_targets",
    "indicator_results",
    "projects",
    "cwd_teams",
    "cwd_rosters",
    "cwd_roster_members",
    "training_centers",
    "facility_upgrades",
    "facility_upgrade_features",
    "advisory_engagements",
    "advisory_engagement_focus",
    "policy_milestones",
)
PRIVATE = {"nominations": ("given_name", "family_name", "rank", "position")}


def upgrade() -> None:
    for table in TABLES:
        create_history(op.get_bind(), table, PRIVATE.get(table, ()))


def downgrade() -> None:
    for table in reversed(TABLES):
        drop_history(op.get_bind(), table)
