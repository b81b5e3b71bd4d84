"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from app.apikeys.models import ApiKey
from app.audit.models import AuditEvent
from app.core.idempotency import IdempotencyRecord
from app.core.models import Base
from app.cwd.models import CwdRoster, CwdRosterMember, CwdTeam
from app.facilities.models import FacilityUpgrade, TrainingCenter, UpgradeFeature
from app.funding.models import Obligation, ObligationPurpose
from app.gdrp.models import AdvisoryEngagement, EngagementFocus, PolicyMilestone
from app.history import HISTORY_TABLES
from app.imet.history.models import ImetHistory
from app.imet.nominations.models import Nomination, TransitionReason
from app.indicators.models import Indicator, IndicatorLock, IndicatorResult, Target
from app.integrations.changes.models import Change, ChangeCounter, ChangePartner
from app.integrations.webhooks.models import Attempt, Message, Subscription
from app.outcomes.models import Outcome
from app.partners.models import Benchmark, Membership, Partner
from app.peacekeeping.models import Contribution, Snapshot
from app.programs.models import Program
from app.projects.models import Implementer, Project
from app.trainings.models import Participant, Training, TrainingTopic, WomenTrainedRollup

__all__ = [
    "HISTORY_TABLES",
    "AdvisoryEngagement",
    "ApiKey",
    "Attempt",
    "AuditEvent",
    "Base",
    "Benchmark",
    "Change",
    "ChangeCounter",
    "ChangePartner",
    "Contribution",
    "CwdRoster",
    "CwdRosterMember",
    "CwdTeam",
    "EngagementFocus",
    "FacilityUpgrade",
    "IdempotencyRecord",
    "ImetHistory",
    "Implementer",
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
    "PolicyMilestone",
    "Program",
    "Project",
    "Snapshot",
    "Subscription",
    "Target",
    "Training",
    "TrainingCenter",
    "TrainingTopic",
    "TransitionReason",
    "UpgradeFeature",
    "WomenTrainedRollup",
]
