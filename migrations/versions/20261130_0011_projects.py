"""Implementers and projects (awards); obligations and trainings may name a project

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 14:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _record_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "implementers",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("country_id", ID, nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        *_record_columns(),
        sa.ForeignKeyConstraint(
            ["country_id"], ["partners.id"], name=op.f("fk_implementers_country_id_partners")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_implementers")),
        sa.UniqueConstraint("code", name=op.f("uq_implementers_code")),
    )
    with op.batch_alter_table("implementers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_implementers_country_id"), ["country_id"])
        batch_op.create_index(batch_op.f("ix_implementers_updated_at"), ["updated_at"])
    op.create_table(
        "projects",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("program_id", ID, nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("implementer_id", ID, nullable=False),
        sa.Column("partner_id", ID, nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("award_ref", sa.String(length=64), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        *_record_columns(),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_projects_dates_ordered")),
        sa.ForeignKeyConstraint(
            ["implementer_id"],
            ["implementers.id"],
            name=op.f("fk_projects_implementer_id_implementers"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_projects_partner_id_partners")
        ),
        sa.ForeignKeyConstraint(
            ["program_id"], ["programs.id"], name=op.f("fk_projects_program_id_programs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
        sa.UniqueConstraint("code", name=op.f("uq_projects_code")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        for column in ("implementer_id", "partner_id", "program_id", "updated_at"):
            batch_op.create_index(batch_op.f(f"ix_projects_{column}"), [column])
    for table in ("obligations", "trainings"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("project_id", ID, nullable=True))
            batch_op.create_index(batch_op.f(f"ix_{table}_project_id"), ["project_id"])
            batch_op.create_foreign_key(
                batch_op.f(f"fk_{table}_project_id_projects"), "projects", ["project_id"], ["id"]
            )


def downgrade() -> None:
    for table in ("trainings", "obligations"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(batch_op.f(f"fk_{table}_project_id_projects"), type_="foreignkey")
            batch_op.drop_index(batch_op.f(f"ix_{table}_project_id"))
            batch_op.drop_column("project_id")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        for column in ("implementer_id", "partner_id", "program_id", "updated_at"):
            batch_op.drop_index(batch_op.f(f"ix_projects_{column}"))
    op.drop_table("projects")
    with op.batch_alter_table("implementers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_implementers_updated_at"))
        batch_op.drop_index(batch_op.f("ix_implementers_country_id"))
    op.drop_table("implementers")
