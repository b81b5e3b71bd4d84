"""the women-trained rollup keeps its own history, so a past figure reads the rollup then

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 12:30:00.000000

The rollup's history starts here: its rows enter it as valid since this upgrade (not since the
epoch), and the triggers version every later write. A figure asked as known before the upgrade
is still summed from the records' versions, as before this revision; from the upgrade on it
reads the rollup's version valid then.
"""

from collections.abc import Sequence
from datetime import UTC, datetime

from alembic import op

from app.core.history import SUFFIX, create_history, drop_history

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLE = "women_trained_rollup"
INDEX = "ix_women_trained_rollup_history_valid_from"


def upgrade() -> None:
    create_history(op.get_bind(), TABLE, since=datetime.now(UTC))
    # Every past figure reads where the history began: its earliest version.
    op.create_index(INDEX, TABLE + SUFFIX, ["valid_from"])


def downgrade() -> None:
    op.drop_index(INDEX, TABLE + SUFFIX)
    drop_history(op.get_bind(), TABLE)
