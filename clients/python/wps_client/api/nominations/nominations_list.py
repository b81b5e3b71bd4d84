import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.nomination_status import NominationStatus
from ...models.nominations_list_format_type_0 import NominationsListFormatType0
from ...models.page_nomination_read import PageNominationRead
from ...models.problem import Problem
from ...models.sex import Sex
from ...models.vetting_status import VettingStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: NominationsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    status: NominationStatus | None | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    vetting_status: None | Unset | VettingStatus = UNSET,
    course: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, NominationsListFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params["include_total"] = include_total

    json_fiscal_year: int | None | Unset
    if isinstance(fiscal_year, Unset):
        json_fiscal_year = UNSET
    else:
        json_fiscal_year = fiscal_year
    params["fiscal_year"] = json_fiscal_year

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, NominationStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    json_sex: None | str | Unset
    if isinstance(sex, Unset):
        json_sex = UNSET
    elif isinstance(sex, Sex):
        json_sex = sex.value
    else:
        json_sex = sex
    params["sex"] = json_sex

    json_vetting_status: None | str | Unset
    if isinstance(vetting_status, Unset):
        json_vetting_status = UNSET
    elif isinstance(vetting_status, VettingStatus):
        json_vetting_status = vetting_status.value
    else:
        json_vetting_status = vetting_status
    params["vetting_status"] = json_vetting_status

    json_course: None | str | Unset
    if isinstance(course, Unset):
        json_course = UNSET
    else:
        json_course = course
    params["course"] = json_course

    json_external_ref: None | str | Unset
    if isinstance(external_ref, Unset):
        json_external_ref = UNSET
    else:
        json_external_ref = external_ref
    params["external_ref"] = json_external_ref

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_partner: None | str | Unset
    if isinstance(partner, Unset):
        json_partner = UNSET
    else:
        json_partner = partner
    params["partner"] = json_partner

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/nominations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageNominationRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageNominationRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PageNominationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: NominationsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    status: NominationStatus | None | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    vetting_status: None | Unset | VettingStatus = UNSET,
    course: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> Response[PageNominationRead | Problem]:
    """List Nominations

    Args:
        format_ (NominationsListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        status (NominationStatus | None | Unset):
        sex (None | Sex | Unset):
        vetting_status (None | Unset | VettingStatus):
        course (None | str | Unset): Course MASL id
        external_ref (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageNominationRead | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        fiscal_year=fiscal_year,
        status=status,
        sex=sex,
        vetting_status=vetting_status,
        course=course,
        external_ref=external_ref,
        updated_since=updated_since,
        partner=partner,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: NominationsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    status: NominationStatus | None | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    vetting_status: None | Unset | VettingStatus = UNSET,
    course: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> PageNominationRead | Problem | None:
    """List Nominations

    Args:
        format_ (NominationsListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        status (NominationStatus | None | Unset):
        sex (None | Sex | Unset):
        vetting_status (None | Unset | VettingStatus):
        course (None | str | Unset): Course MASL id
        external_ref (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageNominationRead | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        fiscal_year=fiscal_year,
        status=status,
        sex=sex,
        vetting_status=vetting_status,
        course=course,
        external_ref=external_ref,
        updated_since=updated_since,
        partner=partner,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: NominationsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    status: NominationStatus | None | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    vetting_status: None | Unset | VettingStatus = UNSET,
    course: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> Response[PageNominationRead | Problem]:
    """List Nominations

    Args:
        format_ (NominationsListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        status (NominationStatus | None | Unset):
        sex (None | Sex | Unset):
        vetting_status (None | Unset | VettingStatus):
        course (None | str | Unset): Course MASL id
        external_ref (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageNominationRead | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        fiscal_year=fiscal_year,
        status=status,
        sex=sex,
        vetting_status=vetting_status,
        course=course,
        external_ref=external_ref,
        updated_since=updated_since,
        partner=partner,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: NominationsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    status: NominationStatus | None | Unset = UNSET,
    sex: None | Sex | Unset = UNSET,
    vetting_status: None | Unset | VettingStatus = UNSET,
    course: None | str | Unset = UNSET,
    external_ref: None | str | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> PageNominationRead | Problem | None:
    """List Nominations

    Args:
        format_ (NominationsListFormatType0 | None | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        status (NominationStatus | None | Unset):
        sex (None | Sex | Unset):
        vetting_status (None | Unset | VettingStatus):
        course (None | str | Unset): Course MASL id
        external_ref (None | str | Unset):
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageNominationRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            limit=limit,
            cursor=cursor,
            include_total=include_total,
            fiscal_year=fiscal_year,
            status=status,
            sex=sex,
            vetting_status=vetting_status,
            course=course,
            external_ref=external_ref,
            updated_since=updated_since,
            partner=partner,
        )
    ).parsed
