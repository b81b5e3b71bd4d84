"""Every domain router, mounted under /api/v1."""

from fastapi import APIRouter, FastAPI

from app.apikeys.router import me_router as me
from app.apikeys.router import router as api_keys
from app.audit.router import router as audit
from app.core.params import KnownQueryOnly
from app.cwd.router import imports_router as cwd_imports
from app.cwd.router import router as cwd_teams
from app.facilities.router import centers as training_centers
from app.facilities.router import imports_router as facility_imports
from app.facilities.router import router as facility_upgrades
from app.factsheet.router import router as fact_sheet
from app.funding.router import imports_router as funding_imports
from app.funding.router import router as funding
from app.gdrp.router import engagements as advisory_engagements
from app.gdrp.router import imports_router as milestone_imports
from app.gdrp.router import milestones as policy_milestones
from app.imet.history.router import imports_router as imet_history_imports
from app.imet.history.router import router as imet_history
from app.imet.nominations.router import router as nominations
from app.indicators.router import router as indicators
from app.integrations.changes.router import router as changes
from app.integrations.router import router as exports
from app.integrations.webhooks.router import router as webhooks
from app.outcomes.router import router as outcomes
from app.partners.router import router as partners
from app.peacekeeping.router import router as peacekeeping
from app.programs.router import router as programs
from app.projects.router import implementers, projects
from app.reports.router import router as reports
from app.trainings.router import imports_router as training_imports
from app.trainings.router import router as trainings

PREFIX = "/api/v1"

# Each domain router is mounted on the app itself: every level of nesting is walked again on
# every request's route match. Trainings come first as the most read.
ROUTERS: tuple[APIRouter, ...] = (
    trainings,
    training_imports,
    nominations,
    imet_history,
    imet_history_imports,
    programs,
    implementers,
    projects,
    partners,
    outcomes,
    indicators,
    funding,
    funding_imports,
    peacekeeping,
    training_centers,
    facility_upgrades,
    facility_imports,
    advisory_engagements,
    policy_milestones,
    milestone_imports,
    cwd_teams,
    cwd_imports,
    reports,
    fact_sheet,
    exports,
    audit,
    api_keys,
    me,
    changes,
    webhooks,
)


def mount(app: FastAPI) -> None:
    """Every router under /api/v1, each route refusing query parameters it does not take."""
    for router in ROUTERS:
        app.include_router(router, prefix=PREFIX, dependencies=[KnownQueryOnly])
