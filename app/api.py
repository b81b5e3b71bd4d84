"""Every domain router, mounted under /api/v1."""

from fastapi import APIRouter

from app.apikeys.router import router as api_keys
from app.audit.router import router as audit
from app.outcomes.router import router as outcomes
from app.partners.router import router as partners
from app.programs.router import router as programs

api_router = APIRouter(prefix="/api/v1")
for router in (programs, partners, outcomes, audit, api_keys):
    api_router.include_router(router)
