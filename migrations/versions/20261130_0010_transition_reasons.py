"""nomination transition reasons kept apart from the audit trail, where an admin can purge them

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 12:30:00.000000
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

audit_events = sa.table(
    "audit_events",
    sa.column("id", BIG_ID),
    sa.column("occurred_at", sa.DateTime(timezone=True)),
    sa.column("actor_key_id", BIG_ID),
    sa.column("action", sa.String()),
    sa.column("resource_type", sa.String()),
    sa.column("resource_id", sa.String()),
    sa.column("details", sa.JSON()),
)
reasons = sa.table(
    "nomination_transition_reasons",
    sa.column("nomination_id", BIG_ID),
    sa.column("from_status", sa.String()),
    sa.column("to_status", sa.String()),
    sa.column("reason", sa.Text()),
    sa.column("actor_key_id", BIG_ID),
    sa.column("given_at", sa.DateTime(timezone=True)),
)


def upgrade() -> None:
    op.create_table(
        "nomination_transition_reasons",
        sa.Column("nomination_id", BIG_ID, nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("actor_key_id", sa.BigInteger(), nullable=True),
        sa.Column("given_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", BIG_ID, autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nominations.id"],
            name=op.f("fk_nomination_transition_reasons_nomination_id_nominations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_nomination_transition_reasons")),
    )
    with op.batch_alter_table("nomination_transition_reasons", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_nomination_transition_reasons_nomination_id"),
            ["nomination_id"],
            unique=False,
        )
    # Reasons already in the audit trail move out of it.
    bind = op.get_bind()
    transitions = bind.execute(
        sa.select(audit_events).where(
            audit_events.c.resource_type == "nomination", audit_events.c.action == "transition"
        )
    ).all()
    for event in transitions:
        details = event.details if isinstance(event.details, dict) else json.loads(event.details)
        if details is None or "reason" not in details:
            continue
        reason = details.pop("reason")
        if reason:
            bind.execute(
                reasons.insert().values(
                    nomination_id=int(event.resource_id),
                    from_status=details.get("from"),
                    to_status=details.get("to"),
                    reason=reason,
                    actor_key_id=event.actor_key_id,
                    given_at=event.occurred_at,
                )
            )
        bind.execute(
            audit_events.update().where(audit_events.c.id == event.id).values(details=details)
        )


def downgrade() -> None:
    # The reasons are not put back into the audit trail: they were kept out of it on purpose.
    with op.batch_alter_table("nomination_transition_reasons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_nomination_transition_reasons_nomination_id"))
    op.drop_table("nomination_transition_reasons")
