"""peacekeeping snapshots name the reporting dates merged into their month

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 06:00:00.000000

A snapshot is a calendar month: rows dated the 30th beside rows dated the 31st are one
snapshot, dated the latest, and `reporting_dates` lists every date it merged. Snapshots stored
before this revision held one date each: that date is their list.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.core.history import SUFFIX, create_triggers, drop_triggers, sync_history

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "peacekeeping_snapshots"


def upgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("reporting_dates", sa.JSON(), server_default=sa.text("'[]'"), nullable=False)
        )
    connection = op.get_bind()
    snapshots = sa.table(
        TABLE, sa.column("id"), sa.column("reporting_date"), sa.column("reporting_dates", sa.JSON)
    )
    rows = connection.execute(sa.select(snapshots.c.id, snapshots.c.reporting_date)).all()
    for snapshot_id, reporting_date in rows:
        day = reporting_date if isinstance(reporting_date, str) else reporting_date.isoformat()
        connection.execute(
            snapshots.update().where(snapshots.c.id == snapshot_id).values(reporting_dates=[day])
        )
    sync_history(connection, TABLE)


def downgrade() -> None:
    connection = op.get_bind()
    drop_triggers(connection, TABLE)
    with op.batch_alter_table(TABLE + SUFFIX, schema=None) as batch_op:
        batch_op.drop_column("reporting_dates")
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_column("reporting_dates")
    create_triggers(connection, TABLE)
