"""the women-trained rollup's open versions indexed by key

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-07 14:30:00.000000

Every write to a rollup group closes the group's open version (the history trigger's UPDATE
... WHERE key AND valid_to IS NULL). With only the key indexed that read every version the
group ever had, so a training POST slowed with every write before it (about 3,000 versions of
the benchmark's groups after one run: 12 ms of its commit statement). The partial index holds
the open versions alone.
"""

from collections.abc import Sequence

from alembic import op

from app.core.history import SUFFIX, create_open_versions_index, open_versions_index

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "women_trained_rollup"


def upgrade() -> None:
    create_open_versions_index(op.get_bind(), TABLE)


def downgrade() -> None:
    op.drop_index(open_versions_index(TABLE), TABLE + SUFFIX)
