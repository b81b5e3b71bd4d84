"""Who may read the changes of each kind of record (the change feed, webhooks): one line per
resource type the audit writer is given, registered at import (the rules: app/core/visibility.py).

A type an embassy key can GET its own country's records of names the `readers_of` declared
beside that domain's `visible_to`; a type every key can GET (reference records) is read by
every embassy; the rest by none. A new resource type needs its line here
(tests/integrations/test_change_readers.py fails until it has one).
"""

from __future__ import annotations

from app.core.visibility import declare, declare_every_embassy, declare_no_embassy
from app.cwd import service as cwd
from app.facilities import service as facilities
from app.funding import service as funding
from app.gdrp import service as gdrp
from app.imet.history import service as imet_history
from app.imet.nominations import service as nominations
from app.indicators import results, targets
from app.integrations.webhooks import service as webhooks
from app.partners import service as partners
from app.projects import service as projects
from app.trainings import service as trainings

declare(nominations.RESOURCE, nominations.readers_of)
declare(trainings.RESOURCE, trainings.readers_of)
declare(imet_history.RESOURCE, imet_history.readers_of)
declare(funding.RESOURCE, funding.readers_of)
declare(projects.PROJECT, projects.readers_of)
declare(cwd.TEAM, cwd.readers_of)
declare(cwd.ROSTER, cwd.roster_readers_of)
declare(facilities.CENTER, facilities.center_readers_of)
declare(facilities.UPGRADE, facilities.readers_of)
declare(gdrp.ENGAGEMENT, gdrp.readers_of)
declare(gdrp.MILESTONE, gdrp.milestone_readers_of)
declare("indicator_result", results.readers_of)
declare("indicator_target", targets.readers_of)
# A partner's own record and figures: its embassy's (another country's are not followed).
declare("partner", partners.readers_of)
declare("membership", partners.membership_readers_of)
declare("benchmark", partners.benchmark_readers_of)
# An embassy's webhook subscriptions: its own.
declare(webhooks.RESOURCE, webhooks.readers_of)

# Reference records every key can GET: every embassy reads their changes.
declare_every_embassy("program", "outcome", "indicator", "implementer")

# Records no embassy key can GET: keys, the UN's peacekeeping snapshots, reference seeding.
declare_no_embassy("api_key", "peacekeeping_snapshot", "reference_data")
