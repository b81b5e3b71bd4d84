"""The tables whose figures can be asked for as known on a past day: one line per table.

A table listed here gets a `<table>_history` table (app/core/history.py) and is read at its
versions valid then whenever a report, progress or scorecard is asked `as_known_on`. To version
a new table, add its line and a migration that calls `create_history(op.get_bind(), "<table>")`
(and, in any later migration that changes a versioned table, `sync_history`).
"""

from __future__ import annotations

from sqlalchemy import Index

# The models of every versioned table, so that their tables are declared first.
import app.cwd.models
import app.facilities.models
import app.funding.models
import app.gdrp.models
import app.imet.history.models
import app.imet.nominations.models
import app.indicators.models
import app.partners.models
import app.peacekeeping.models
import app.projects.models  # noqa: F401
from app.core.history import VALID_FROM, Versioned, declare, versioned_rollup
from app.core.models import Base
from app.trainings.models import ROLLUP
from app.trainings.rollup import from_records_query

ROLLUP_HISTORY_BEGAN = "ix_women_trained_rollup_history_valid_from"

VERSIONED = (
    Versioned("trainings"),
    Versioned("training_participants"),
    Versioned("training_topics"),
    # Nominee names, rank and position stay out of history: no figure reads them.
    Versioned("nominations", private=("given_name", "family_name", "rank", "position")),
    Versioned("imet_history"),
    Versioned("obligations"),
    Versioned("obligation_purposes"),
    Versioned("peacekeeping_snapshots"),
    Versioned("peacekeeping_contributions"),
    Versioned("memberships"),
    Versioned("benchmarks"),
    Versioned("indicators"),
    Versioned("indicator_targets"),
    Versioned("indicator_results"),
    # The rest of the portfolio: projects, GPOI's facility upgrades, GDRP's advising.
    Versioned("projects"),
    Versioned("cwd_teams"),
    Versioned("cwd_rosters"),
    Versioned("cwd_roster_members"),
    Versioned("training_centers"),
    Versioned("facility_upgrades"),
    Versioned("facility_upgrade_features"),
    Versioned("advisory_engagements"),
    Versioned("advisory_engagement_focus"),
    Versioned("policy_milestones"),
    # A rollup, versioned so that a past figure reads it as it stood (see below).
    Versioned("women_trained_rollup"),
)

HISTORY_TABLES = declare(Base.metadata, VERSIONED)
# The women-trained rollup then is its version then; before its history began (the upgrade to
# revision 0021), the GROUP BY over the participant records then.
versioned_rollup(ROLLUP, HISTORY_TABLES[ROLLUP.name], from_records_query)
# Where the rollup's history began (its earliest version) is read at every past figure.
Index(ROLLUP_HISTORY_BEGAN, HISTORY_TABLES[ROLLUP.name].c[VALID_FROM])
