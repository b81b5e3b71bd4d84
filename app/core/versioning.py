"""The version a write is conditional on: If-Match parsed once, in the route's signature.

Routes take `RequiredVersion` (428 without If-Match) or `OptionalVersion`; services take the
parsed `expected_version` (None: any version, as `*` says) and call `check_version` with what
the resource's ETag is made of (its version number; an immutable snapshot's checksum).
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Depends

from app.core.errors import PreconditionFailed, PreconditionRequired
from app.core.params import IfMatch

# A strong entity tag, as `etag_of` writes it: a version number or a checksum, quoted.
_STRONG_TAG = re.compile(r'"([0-9A-Za-z_-]{1,128})"')


def _stale() -> PreconditionFailed:
    return PreconditionFailed("the resource changed since it was read (If-Match is stale)")


def parse_if_match(header: str) -> str | None:
    """The version If-Match names; None for `*`.

    If-Match uses the strong comparison (RFC 9110 13.1.1): a weak tag (`W/"1"`) never
    matches, nor does a tag that is not a version; both answer 412, as a stale one does.
    """
    if header.strip() == "*":
        return None
    versions = {
        match.group(1) for tag in header.split(",") if (match := _STRONG_TAG.fullmatch(tag.strip()))
    }
    if len(versions) != 1:
        raise _stale()
    return versions.pop()


def check_version(expected_version: str | None, version: int | str) -> None:
    """412 unless the stored version is the one the client read (None: any version)."""
    if expected_version is not None and expected_version != str(version):
        raise _stale()


async def required_version(if_match: IfMatch = None) -> str | None:
    if if_match is None:
        raise PreconditionRequired("If-Match is required: send the ETag you last read")
    return parse_if_match(if_match)


async def optional_version(if_match: IfMatch = None) -> str | None:
    return None if if_match is None else parse_if_match(if_match)


# PATCH and DELETE name the version they change: 428 without If-Match, 412 when stale.
RequiredVersion = Annotated[str | None, Depends(required_version)]
# Upserts and state changes: checked when the client sends If-Match.
OptionalVersion = Annotated[str | None, Depends(optional_version)]
