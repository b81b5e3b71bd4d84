"""indicator results carry an approval status; results entered before approval existed are
approved, so every figure reported before the upgrade stays the same

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 14:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    # Existing results were entered (by admins) before anyone could approve them and progress
    # already counts them: they become approved, so no published figure moves. New results
    # start as drafts (the model's default).
    with op.batch_alter_table("indicator_results", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("status", sa.String(length=16), nullable=False, server_default="approved")
        )
        batch_op.add_column(sa.Column("submitted_by_key_id", BIG_ID, nullable=True))
        batch_op.add_column(sa.Column("return_reason", sa.Text(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_indicator_results_status_known"), "status IN ('draft', 'submitted', 'approved', 'returned')"
        )
    with op.batch_alter_table("indicator_results", schema=None) as batch_op:
        batch_op.alter_column("status", server_default=None)


def downgrade() -> None:
    with op.batch_alter_table("indicator_results", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_indicator_results_status_known"), type_="check")
        batch_op.drop_column("return_reason")
        batch_op.drop_column("submitted_by_key_id")
        batch_op.drop_column("status")
