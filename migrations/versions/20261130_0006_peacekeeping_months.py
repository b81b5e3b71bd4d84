"""peacekeeping snapshots per month: several uploads of a month kept, skipped rows listed

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("peacekeeping_snapshots", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("skipped_rows", sa.JSON(), server_default=sa.text("'[]'"), nullable=False)
        )
        # One file gives one snapshot per month, all with the file's checksum.
        batch_op.drop_constraint("uq_peacekeeping_snapshots_checksum", type_="unique")
        batch_op.create_unique_constraint(
            batch_op.f("uq_peacekeeping_snapshots_checksum_reporting_date"),
            ["checksum", "reporting_date"],
        )


def downgrade() -> None:
    # Fails (unique violation) while two months of one file are stored: delete them first.
    with op.batch_alter_table("peacekeeping_snapshots", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("uq_peacekeeping_snapshots_checksum_reporting_date"), type_="unique"
        )
        batch_op.create_unique_constraint("uq_peacekeeping_snapshots_checksum", ["checksum"])
        batch_op.drop_column("skipped_rows")
