"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from app.apikeys.models import ApiKey
from app.audit.models import AuditEvent
from app.core.idempotency import IdempotencyRecord
from app.core.models import Base
from app.funding.models import Obligation, ObligationPurpose
from app.imet_history.models import ImetHistory
from app.indicators.models import Indicator, IndicatorLock, IndicatorResult, Target
from app.integrations.changes.models import Change, ChangeCounter, ChangePartner
from app.integrations.webhooks.models import Attempt, Message, Subscription
from app.nominations.models import Nomination, TransitionReason
from app.outcomes.models import Outcome
from app.partners.models import Benchmark, Membership, Partner
from app.peacekeeping.models import Contribution, Snapshot
from app.programs.models import Program
from app.trainings.models import Participant, Training, TrainingTopic, WomenTrainedRollup

__all__ = [
    "ApiKey",
    "Attempt",
    "AuditEvent",
    "Base",
    "Benchmark",
    "Change",
    "ChangeCounter",
    "ChangePartner",
    "Contribution",
    "IdempotencyRecord",
    "ImetHistory",
    "Indicator",
    "IndicatorLock",
    "IndicatorResult",
    "Membership",
    "Message",
    "Nomination",
    "Obligation",
    "ObligationPurpose",
    "Outcome",
    "Participant",
    "Partner",
    "Program",
    "Snapshot",
    "Subscription",
    "Target",
    "Training",
    "TrainingTopic",
    "TransitionReason",
    "WomenTrainedRollup",
]
