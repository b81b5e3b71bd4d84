import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.advisory_engagements_list_format_type_0 import AdvisoryEngagementsListFormatType0
from ...models.focus import Focus
from ...models.page_engagement_read import PageEngagementRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    focus: Focus | None | Unset = UNSET,
    project: None | str | Unset = UNSET,
    format_: AdvisoryEngagementsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_focus: None | str | Unset
    if isinstance(focus, Unset):
        json_focus = UNSET
    elif isinstance(focus, Focus):
        json_focus = focus.value
    else:
        json_focus = focus
    params["focus"] = json_focus

    json_project: None | str | Unset
    if isinstance(project, Unset):
        json_project = UNSET
    else:
        json_project = project
    params["project"] = json_project

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, AdvisoryEngagementsListFormatType0):
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

    json_from_fy: int | None | Unset
    if isinstance(from_fy, Unset):
        json_from_fy = UNSET
    else:
        json_from_fy = from_fy
    params["from_fy"] = json_from_fy

    json_to_fy: int | None | Unset
    if isinstance(to_fy, Unset):
        json_to_fy = UNSET
    else:
        json_to_fy = to_fy
    params["to_fy"] = json_to_fy

    json_updated_since: None | str | Unset
    if isinstance(updated_since, Unset):
        json_updated_since = UNSET
    elif isinstance(updated_since, datetime.datetime):
        json_updated_since = updated_since.isoformat()
    else:
        json_updated_since = updated_since
    params["updated_since"] = json_updated_since

    json_program: None | str | Unset
    if isinstance(program, Unset):
        json_program = UNSET
    else:
        json_program = program
    params["program"] = json_program

    json_partner: None | str | Unset
    if isinstance(partner, Unset):
        json_partner = UNSET
    else:
        json_partner = partner
    params["partner"] = json_partner

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/advisory-engagements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PageEngagementRead | Problem | None:
    if response.status_code == 200:
        response_200 = PageEngagementRead.from_dict(response.json())

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
) -> Response[PageEngagementRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    focus: Focus | None | Unset = UNSET,
    project: None | str | Unset = UNSET,
    format_: AdvisoryEngagementsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> Response[PageEngagementRead | Problem]:
    """GDRP advisory engagements (fiscal year: start_date's; embassy keys: their own country's)

    Args:
        focus (Focus | None | Unset):
        project (None | str | Unset): Project code, any case
        format_ (AdvisoryEngagementsListFormatType0 | None | Unset): `csv` answers text/csv (as
            does `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEngagementRead | Problem]
    """

    kwargs = _get_kwargs(
        focus=focus,
        project=project,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        updated_since=updated_since,
        program=program,
        partner=partner,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    focus: Focus | None | Unset = UNSET,
    project: None | str | Unset = UNSET,
    format_: AdvisoryEngagementsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> PageEngagementRead | Problem | None:
    """GDRP advisory engagements (fiscal year: start_date's; embassy keys: their own country's)

    Args:
        focus (Focus | None | Unset):
        project (None | str | Unset): Project code, any case
        format_ (AdvisoryEngagementsListFormatType0 | None | Unset): `csv` answers text/csv (as
            does `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEngagementRead | Problem
    """

    return sync_detailed(
        client=client,
        focus=focus,
        project=project,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        updated_since=updated_since,
        program=program,
        partner=partner,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    focus: Focus | None | Unset = UNSET,
    project: None | str | Unset = UNSET,
    format_: AdvisoryEngagementsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> Response[PageEngagementRead | Problem]:
    """GDRP advisory engagements (fiscal year: start_date's; embassy keys: their own country's)

    Args:
        focus (Focus | None | Unset):
        project (None | str | Unset): Project code, any case
        format_ (AdvisoryEngagementsListFormatType0 | None | Unset): `csv` answers text/csv (as
            does `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PageEngagementRead | Problem]
    """

    kwargs = _get_kwargs(
        focus=focus,
        project=project,
        format_=format_,
        limit=limit,
        cursor=cursor,
        include_total=include_total,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        updated_since=updated_since,
        program=program,
        partner=partner,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    focus: Focus | None | Unset = UNSET,
    project: None | str | Unset = UNSET,
    format_: AdvisoryEngagementsListFormatType0 | None | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: None | str | Unset = UNSET,
    include_total: bool | Unset = False,
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    updated_since: datetime.datetime | None | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
) -> PageEngagementRead | Problem | None:
    """GDRP advisory engagements (fiscal year: start_date's; embassy keys: their own country's)

    Args:
        focus (Focus | None | Unset):
        project (None | str | Unset): Project code, any case
        format_ (AdvisoryEngagementsListFormatType0 | None | Unset): `csv` answers text/csv (as
            does `Accept: text/csv`)
        limit (int | Unset): Page size Default: 50.
        cursor (None | str | Unset): Opaque cursor from next_cursor
        include_total (bool | Unset): Add the total count to the page Default: False.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        updated_since (datetime.datetime | None | Unset): Only records changed at or after this
            instant (ISO 8601)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PageEngagementRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            focus=focus,
            project=project,
            format_=format_,
            limit=limit,
            cursor=cursor,
            include_total=include_total,
            fiscal_year=fiscal_year,
            from_fy=from_fy,
            to_fy=to_fy,
            updated_since=updated_since,
            program=program,
            partner=partner,
        )
    ).parsed
