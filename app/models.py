"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from app.apikeys.models import ApiKey
from app.audit.models import AuditEvent
from app.core.idempotency import IdempotencyRecord
from app.core.models import Base
from app.outcomes.models import Outcome
from app.partners.models import Benchmark, Membership, Partner
from app.programs.models import Program

__all__ = [
    "ApiKey",
    "AuditEvent",
    "Base",
    "Benchmark",
    "IdempotencyRecord",
    "Membership",
    "Outcome",
    "Partner",
    "Program",
]
