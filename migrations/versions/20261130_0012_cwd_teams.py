"""CWD teams and their rosters as reported on dates

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 13:46:24.511521
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cwd_teams",
        sa.Column(
            "program_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "project_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
        ),
        sa.Column(
            "partner_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("activity", sa.String(length=32), nullable=False),
        sa.Column("formed_on", sa.Date(), nullable=False),
        sa.Column("disbanded_on", sa.Date(), nullable=True),
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
            "activity IN ('clearance', 'survey', 'eore', 'community_liaison', 'pssm', 'victim_assistance')",
            name=op.f("ck_cwd_teams_activity_known"),
        ),
        sa.CheckConstraint(
            "disbanded_on IS NULL OR disbanded_on >= formed_on",
            name=op.f("ck_cwd_teams_life_ordered"),
        ),
        sa.ForeignKeyConstraint(
            ["partner_id"], ["partners.id"], name=op.f("fk_cwd_teams_partner_id_partners")
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name=op.f("fk_cwd_teams_project_id_projects")
        ),
        sa.ForeignKeyConstraint(
            ["program_id"], ["programs.id"], name=op.f("fk_cwd_teams_program_id_programs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cwd_teams")),
        sa.UniqueConstraint("partner_id", "name", name=op.f("uq_cwd_teams_partner_id_name")),
    )
    with op.batch_alter_table("cwd_teams", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cwd_teams_partner_id"), ["partner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cwd_teams_program_id"), ["program_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cwd_teams_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cwd_teams_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "cwd_rosters",
        sa.Column("team_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("women", sa.Integer(), nullable=False),
        sa.Column("men", sa.Integer(), nullable=False),
        sa.Column("unreported", sa.Integer(), nullable=False),
        sa.Column("women_in_leadership", sa.Integer(), nullable=False),
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
            "women >= 0 AND men >= 0 AND unreported >= 0 AND women_in_leadership >= 0",
            name=op.f("ck_cwd_rosters_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["cwd_teams.id"],
            name=op.f("fk_cwd_rosters_team_id_cwd_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cwd_rosters")),
        sa.UniqueConstraint("team_id", "as_of", name=op.f("uq_cwd_rosters_team_id_as_of")),
    )
    with op.batch_alter_table("cwd_rosters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cwd_rosters_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "cwd_roster_members",
        sa.Column(
            "roster_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("women", sa.Integer(), nullable=False),
        sa.Column("men", sa.Integer(), nullable=False),
        sa.Column("unreported", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "role IN ('senior_manager', 'team_leader', 'deminer', 'community_liaison_officer', 'eore_facilitator', 'medic', 'surveyor', 'stockpile_technician', 'support', 'other')",
            name=op.f("ck_cwd_roster_members_role_known"),
        ),
        sa.CheckConstraint(
            "women >= 0 AND men >= 0 AND unreported >= 0",
            name=op.f("ck_cwd_roster_members_counts_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["roster_id"],
            ["cwd_rosters.id"],
            name=op.f("fk_cwd_roster_members_roster_id_cwd_rosters"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("roster_id", "role", name=op.f("pk_cwd_roster_members")),
    )


def downgrade() -> None:

    op.drop_table("cwd_roster_members")
    with op.batch_alter_table("cwd_rosters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cwd_rosters_updated_at"))

    op.drop_table("cwd_rosters")
    with op.batch_alter_table("cwd_teams", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cwd_teams_updated_at"))
        batch_op.drop_index(batch_op.f("ix_cwd_teams_project_id"))
        batch_op.drop_index(batch_op.f("ix_cwd_teams_program_id"))
        batch_op.drop_index(batch_op.f("ix_cwd_teams_partner_id"))

    op.drop_table("cwd_teams")
