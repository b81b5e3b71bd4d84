"""webhook delivery attempts keep the first bytes of the receiver's reply (cleaned text, at most
4 KiB), so an endpoint's owner sees what it answered

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 06:15:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Attempts made before this have no stored reply: the column stays null for them.
    with op.batch_alter_table("webhook_attempts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("response_prefix", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("webhook_attempts", schema=None) as batch_op:
        batch_op.drop_column("response_prefix")
