from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_report import FundingReport
from ...models.funding_type import FundingType
from ...models.problem import Problem
from ...models.purpose import Purpose
from ...models.reports_funding_format_type_0 import ReportsFundingFormatType0
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    group_by: str | Unset = "fiscal_year",
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    type_: FundingType | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    format_: None | ReportsFundingFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["group_by"] = group_by

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

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_.value

    params["type"] = json_type_

    json_purpose: None | str | Unset
    if isinstance(purpose, Unset):
        json_purpose = UNSET
    elif isinstance(purpose, Purpose):
        json_purpose = purpose.value
    else:
        json_purpose = purpose
    params["purpose"] = json_purpose

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ReportsFundingFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

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

    json_as_known_on: None | str | Unset
    if isinstance(as_known_on, Unset):
        json_as_known_on = UNSET
    else:
        json_as_known_on = as_known_on
    params["as_known_on"] = json_as_known_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/funding",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingReport | Problem | None:
    if response.status_code == 200:
        response_200 = FundingReport.from_dict(response.json())

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
) -> Response[FundingReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    group_by: str | Unset = "fiscal_year",
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    type_: FundingType | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    format_: None | ReportsFundingFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[FundingReport | Problem]:
    """USD obligated (or disbursed) grouped by program, fiscal year, partner or purpose

    Args:
        group_by (str | Unset): One or two of program, fiscal_year, partner, purpose (comma-
            separated) Default: 'fiscal_year'.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        type_ (FundingType | Unset):
        purpose (None | Purpose | Unset):
        format_ (None | ReportsFundingFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingReport | Problem]
    """

    kwargs = _get_kwargs(
        group_by=group_by,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        type_=type_,
        purpose=purpose,
        format_=format_,
        program=program,
        partner=partner,
        as_known_on=as_known_on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    group_by: str | Unset = "fiscal_year",
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    type_: FundingType | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    format_: None | ReportsFundingFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> FundingReport | Problem | None:
    """USD obligated (or disbursed) grouped by program, fiscal year, partner or purpose

    Args:
        group_by (str | Unset): One or two of program, fiscal_year, partner, purpose (comma-
            separated) Default: 'fiscal_year'.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        type_ (FundingType | Unset):
        purpose (None | Purpose | Unset):
        format_ (None | ReportsFundingFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingReport | Problem
    """

    return sync_detailed(
        client=client,
        group_by=group_by,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        type_=type_,
        purpose=purpose,
        format_=format_,
        program=program,
        partner=partner,
        as_known_on=as_known_on,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    group_by: str | Unset = "fiscal_year",
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    type_: FundingType | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    format_: None | ReportsFundingFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[FundingReport | Problem]:
    """USD obligated (or disbursed) grouped by program, fiscal year, partner or purpose

    Args:
        group_by (str | Unset): One or two of program, fiscal_year, partner, purpose (comma-
            separated) Default: 'fiscal_year'.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        type_ (FundingType | Unset):
        purpose (None | Purpose | Unset):
        format_ (None | ReportsFundingFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingReport | Problem]
    """

    kwargs = _get_kwargs(
        group_by=group_by,
        fiscal_year=fiscal_year,
        from_fy=from_fy,
        to_fy=to_fy,
        type_=type_,
        purpose=purpose,
        format_=format_,
        program=program,
        partner=partner,
        as_known_on=as_known_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    group_by: str | Unset = "fiscal_year",
    fiscal_year: int | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    type_: FundingType | Unset = UNSET,
    purpose: None | Purpose | Unset = UNSET,
    format_: None | ReportsFundingFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> FundingReport | Problem | None:
    """USD obligated (or disbursed) grouped by program, fiscal year, partner or purpose

    Args:
        group_by (str | Unset): One or two of program, fiscal_year, partner, purpose (comma-
            separated) Default: 'fiscal_year'.
        fiscal_year (int | None | Unset): US fiscal year (October to September); reports default
            to the current one
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        type_ (FundingType | Unset):
        purpose (None | Purpose | Unset):
        format_ (None | ReportsFundingFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingReport | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            group_by=group_by,
            fiscal_year=fiscal_year,
            from_fy=from_fy,
            to_fy=to_fy,
            type_=type_,
            purpose=purpose,
            format_=format_,
            program=program,
            partner=partner,
            as_known_on=as_known_on,
        )
    ).parsed
