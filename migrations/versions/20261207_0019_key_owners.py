"""keys name their owner (the person or office accountable), and results record whose keys
entered, last edited and submitted them, so four eyes are two people rather than two keys

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 06:30:00.000000

Existing keys are owned by their name (each key was its own holder until now), so an owner
is there for every admin and integration key. Existing results keep who submitted them where
the submitting key is known; who entered or edited them was never recorded and stays null.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.core.history import drop_triggers, sync_history

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RESULT_OWNERS = ("entered_by", "edited_by", "submitted_by")


def upgrade() -> None:
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("owner", sa.String(length=200), nullable=True))
    op.execute("UPDATE api_keys SET owner = name")
    with op.batch_alter_table("indicator_results", schema=None) as batch_op:
        for name in RESULT_OWNERS:
            batch_op.add_column(sa.Column(name, sa.String(length=200), nullable=True))
    op.execute(
        "UPDATE indicator_results SET submitted_by = (SELECT api_keys.owner FROM api_keys"
        " WHERE api_keys.id = indicator_results.submitted_by_key_id)"
        " WHERE submitted_by_key_id IS NOT NULL"
    )
    sync_history(op.get_bind(), "indicator_results")


def downgrade() -> None:
    # The triggers name the history's columns: dropped first, re-created by sync_history.
    drop_triggers(op.get_bind(), "indicator_results")
    with op.batch_alter_table("indicator_results_history", schema=None) as batch_op:
        for name in reversed(RESULT_OWNERS):
            batch_op.drop_column(name)
    with op.batch_alter_table("indicator_results", schema=None) as batch_op:
        for name in reversed(RESULT_OWNERS):
            batch_op.drop_column(name)
    sync_history(op.get_bind(), "indicator_results")
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.drop_column("owner")
