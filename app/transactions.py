"""What every transaction writes at commit besides its records, in the order it is written:
the commit step's participants (app/core/commit.py), registered once at start by `create_app`
and the CLI.

The reply is checked first (a request that lost its Idempotency-Key lease fails before it
numbers anything), then the rollup sums noted during the transaction, then the audit rows, then
the change numbers (the counter's row lock is taken last among the statement's writes), then
the webhook messages, which need the numbers.
"""

from __future__ import annotations

from app.audit.writer import AuditTrail
from app.core.commit import participate
from app.core.idempotency import ReplyKeeper
from app.integrations.changes.recorder import ChangeNumbering
from app.integrations.webhooks.outbox import Outbox
from app.trainings.rollup import ADJUSTMENT as WOMEN_TRAINED


def register() -> None:
    participate(ReplyKeeper(), WOMEN_TRAINED, AuditTrail(), ChangeNumbering(), Outbox())
