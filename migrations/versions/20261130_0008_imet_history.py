"""IMET history: completions per partner and fiscal year from before the service

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-30 12:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "imet_history",
        sa.Column(
            "partner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("women", sa.Integer(), nullable=False),
        sa.Column("men", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column("source_ref", sa.String(length=200), nullable=True),
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "women >= 0 AND men >= 0", name=op.f("ck_imet_history_counts_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_imet_history_partner_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imet_history")),
        sa.UniqueConstraint(
            "partner_id", "fiscal_year", name=op.f("uq_imet_history_partner_id_fiscal_year")
        ),
    )
    with op.batch_alter_table("imet_history", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_imet_history_updated_at"), ["updated_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("imet_history", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_imet_history_updated_at"))
    op.drop_table("imet_history")
