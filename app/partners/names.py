"""The names a partner is searched by: its name, the names pycountry knows (name, official and
common names) and the former or everyday English names in app/data/partner_names.csv."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

import pycountry

from app.core.search import search_text


@cache
def _other_names() -> dict[str, list[str]]:
    text = resources.files("app.data").joinpath("partner_names.csv").read_text(encoding="utf-8")
    found: dict[str, list[str]] = {}
    for row in csv.DictReader(text.splitlines()):
        found.setdefault(row["alpha3"], []).append(row["name"])
    return found


def known_names(code: str) -> list[str]:
    """Every name of the partner with alpha-3 `code` besides the stored one."""
    country = pycountry.countries.get(alpha_3=code)
    attributes = ("name", "official_name", "common_name") if country is not None else ()
    known = [getattr(country, attribute, None) for attribute in attributes]
    return [name for name in known if name] + _other_names().get(code, [])


def partner_search_text(code: str, name: str) -> str:
    return search_text([name, *known_names(code)])
