"""search text: partners' names and trainings' titles folded for accent-insensitive `?q=`

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 12:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.core.search import search_text
from app.partners.names import partner_search_text

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1_000


def _backfill(table: str, key: str, text_of) -> None:  # type: ignore[no-untyped-def]
    """Fill search_text row by row (the folding is Python's, the same on both databases)."""
    bind = op.get_bind()
    rows = bind.execute(sa.text(f"SELECT id, {key} FROM {table}")).all()  # noqa: S608
    update = sa.text(f"UPDATE {table} SET search_text = :text WHERE id = :id")  # noqa: S608
    for start in range(0, len(rows), BATCH):
        chunk = rows[start : start + BATCH]
        bind.execute(update, [{"id": row[0], "text": text_of(row)} for row in chunk])


def upgrade() -> None:
    for table in ("partners", "trainings"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("search_text", sa.Text(), server_default="", nullable=False)
            )
    _backfill("partners", "code, name", lambda row: partner_search_text(row[1], row[2]))
    _backfill("trainings", "title", lambda row: search_text([row[1]]))


def downgrade() -> None:
    for table in ("trainings", "partners"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("search_text")
