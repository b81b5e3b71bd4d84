"""One scope rule (app/core/scope.py): every domain's `visible_to(principal)` has the same
signature and returns a SQL clause; `own_country` decides which country's figures a key gets."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import ColumnElement, column, true
from sqlalchemy.dialects import sqlite

import app
from app.core.errors import Forbidden
from app.core.scope import own_country, own_country_rows, own_partner_id
from app.core.security import Principal, Role

ANALYST = Principal(key_id=1, role=Role.analyst)
EMBASSY = Principal(key_id=2, role=Role.embassy, partner_id=4242, partner_code="KEN")
UNBOUND = Principal(key_id=3, role=Role.embassy)


def scoped_domains() -> dict[str, Callable[..., Any]]:
    """`visible_to` of every domain service that has one (found, not listed), by the service's
    package below app (`trainings`, `imet.nominations`, ...). The change feed's own rule (which
    kinds of record a role reads, and each change's readers) is tested in tests/integrations."""
    found = {}
    for module in pkgutil.walk_packages(app.__path__, prefix="app."):
        package, _, name = module.name.rpartition(".")
        if name != "service" or package in ("app.core", "app.integrations.changes"):
            continue
        service = importlib.import_module(module.name)
        if hasattr(service, "visible_to"):
            found[package.removeprefix("app.")] = service.visible_to
    return found


def sql(clause: ColumnElement[bool]) -> str:
    return str(clause.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))


def test_the_scoped_domains_are_found() -> None:
    assert {"imet.nominations", "trainings", "funding"} <= set(scoped_domains())


@pytest.mark.parametrize("domain", sorted(scoped_domains()))
def test_every_visible_to_has_one_signature_and_returns_a_clause(domain: str) -> None:
    visible_to = scoped_domains()[domain]
    assert list(inspect.signature(visible_to).parameters) == ["principal"]
    for principal in (None, ANALYST):
        everything = visible_to(principal)
        assert isinstance(everything, ColumnElement), domain
        assert sql(everything) in ("true", "1"), domain
    own = visible_to(EMBASSY)
    assert isinstance(own, ColumnElement)
    assert "4242" in sql(own), domain
    with pytest.raises(Forbidden):  # an embassy key without a partner never sees everything
        visible_to(UNBOUND)


def test_own_country_limits_an_embassy_to_its_own() -> None:
    assert own_country(ANALYST, None) is None
    assert own_country(ANALYST, "GHA") == "GHA"
    assert own_country(EMBASSY, None) == "KEN"
    assert own_country(EMBASSY, "KEN") == "KEN"
    with pytest.raises(Forbidden):
        own_country(EMBASSY, "GHA")
    with pytest.raises(Forbidden):
        own_country(UNBOUND, None)
    assert own_partner_id(None) is None
    assert own_partner_id(ANALYST) is None
    assert own_partner_id(EMBASSY) == 4242


def test_own_country_rows_confines_an_embassy_to_its_partner_column() -> None:
    partner_id = column("partner_id")
    assert sql(own_country_rows(EMBASSY, partner_id)) == "partner_id = 4242"
    assert sql(own_country_rows(ANALYST, partner_id)) == sql(true())
    assert sql(own_country_rows(None, partner_id)) == sql(true())  # the CLI sees all
    with pytest.raises(Forbidden):
        own_country_rows(UNBOUND, partner_id)
