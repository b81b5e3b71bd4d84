"""Who sees what: an embassy key sees only its own country; every other key sees every country.

Each domain scopes its records in one function with one signature,
`visible_to(principal) -> SQL clause` (nominations, trainings, funding), built on
`own_partner_id` (`own_country_rows` for a record that names its partner); a figure (report,
progress, target) is limited by `own_country`. Another country's record is therefore a 404 to
an embassy key, and asking for another country's figures a 403.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, true

from app.core.errors import Forbidden
from app.core.security import Principal


def own_partner_id(principal: Principal | None) -> int | None:
    """The partner id `principal` is confined to; None for keys (and the CLI) that see all."""
    if principal is None or not principal.is_embassy:
        return None
    if principal.partner_id is None:  # an embassy key always names its partner; never widen
        raise Forbidden("this embassy key is not bound to a partner")
    return principal.partner_id


def own_country_rows(principal: Principal | None, partner_id: Any) -> ColumnElement[bool]:
    """The rows whose partner column `partner_id` names the country `principal` is confined to
    (every row for keys that see all): `visible_to` of a record that names its partner."""
    own = own_partner_id(principal)
    return true() if own is None else partner_id == own


def own_country(principal: Principal, asked: str | None) -> str | None:
    """The partner (alpha-3) a figure is limited to: an embassy's own always (asking for
    another country is a 403), else the one asked for (None: every partner)."""
    if own_partner_id(principal) is None:
        return asked
    if asked is not None and asked.upper() != principal.partner_code:
        raise Forbidden("an embassy key sees only its own country's figures")
    return principal.partner_code
