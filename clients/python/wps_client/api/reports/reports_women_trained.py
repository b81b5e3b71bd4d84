from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.kind import Kind
from ...models.problem import Problem
from ...models.region import Region
from ...models.reports_women_trained_format_type_0 import ReportsWomenTrainedFormatType0
from ...models.topic import Topic
from ...models.women_trained_report import WomenTrainedReport
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    region: None | Region | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    group_by: str | Unset = "fiscal_year",
    distinct_counts: bool | Unset = False,
    format_: None | ReportsWomenTrainedFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_region: None | str | Unset
    if isinstance(region, Unset):
        json_region = UNSET
    elif isinstance(region, Region):
        json_region = region.value
    else:
        json_region = region
    params["region"] = json_region

    json_topic: None | str | Unset
    if isinstance(topic, Unset):
        json_topic = UNSET
    elif isinstance(topic, Topic):
        json_topic = topic.value
    else:
        json_topic = topic
    params["topic"] = json_topic

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, Kind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

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

    params["group_by"] = group_by

    params["distinct_counts"] = distinct_counts

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, ReportsWomenTrainedFormatType0):
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

    json_suppress_below: int | None | Unset
    if isinstance(suppress_below, Unset):
        json_suppress_below = UNSET
    else:
        json_suppress_below = suppress_below
    params["suppress_below"] = json_suppress_below

    json_as_known_on: None | str | Unset
    if isinstance(as_known_on, Unset):
        json_as_known_on = UNSET
    else:
        json_as_known_on = as_known_on
    params["as_known_on"] = json_as_known_on

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/women-trained",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | WomenTrainedReport | None:
    if response.status_code == 200:
        response_200 = WomenTrainedReport.from_dict(response.json())

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
) -> Response[Problem | WomenTrainedReport]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    region: None | Region | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    group_by: str | Unset = "fiscal_year",
    distinct_counts: bool | Unset = False,
    format_: None | ReportsWomenTrainedFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[Problem | WomenTrainedReport]:
    """Women, men and unreported participants of trainings, by one or two groups

    Args:
        region (None | Region | Unset): Regional bureau, any case
        topic (None | Topic | Unset):
        kind (Kind | None | Unset):
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        group_by (str | Unset): One or two of fiscal_year, program, partner, region, topic (comma)
            Default: 'fiscal_year'.
        distinct_counts (bool | Unset): Add trainings and countries (distinct, per group and in
            totals), counted over the participant records Default: False.
        format_ (None | ReportsWomenTrainedFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WomenTrainedReport]
    """

    kwargs = _get_kwargs(
        region=region,
        topic=topic,
        kind=kind,
        from_fy=from_fy,
        to_fy=to_fy,
        group_by=group_by,
        distinct_counts=distinct_counts,
        format_=format_,
        program=program,
        partner=partner,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    region: None | Region | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    group_by: str | Unset = "fiscal_year",
    distinct_counts: bool | Unset = False,
    format_: None | ReportsWomenTrainedFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Problem | WomenTrainedReport | None:
    """Women, men and unreported participants of trainings, by one or two groups

    Args:
        region (None | Region | Unset): Regional bureau, any case
        topic (None | Topic | Unset):
        kind (Kind | None | Unset):
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        group_by (str | Unset): One or two of fiscal_year, program, partner, region, topic (comma)
            Default: 'fiscal_year'.
        distinct_counts (bool | Unset): Add trainings and countries (distinct, per group and in
            totals), counted over the participant records Default: False.
        format_ (None | ReportsWomenTrainedFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WomenTrainedReport
    """

    return sync_detailed(
        client=client,
        region=region,
        topic=topic,
        kind=kind,
        from_fy=from_fy,
        to_fy=to_fy,
        group_by=group_by,
        distinct_counts=distinct_counts,
        format_=format_,
        program=program,
        partner=partner,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    region: None | Region | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    group_by: str | Unset = "fiscal_year",
    distinct_counts: bool | Unset = False,
    format_: None | ReportsWomenTrainedFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Response[Problem | WomenTrainedReport]:
    """Women, men and unreported participants of trainings, by one or two groups

    Args:
        region (None | Region | Unset): Regional bureau, any case
        topic (None | Topic | Unset):
        kind (Kind | None | Unset):
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        group_by (str | Unset): One or two of fiscal_year, program, partner, region, topic (comma)
            Default: 'fiscal_year'.
        distinct_counts (bool | Unset): Add trainings and countries (distinct, per group and in
            totals), counted over the participant records Default: False.
        format_ (None | ReportsWomenTrainedFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WomenTrainedReport]
    """

    kwargs = _get_kwargs(
        region=region,
        topic=topic,
        kind=kind,
        from_fy=from_fy,
        to_fy=to_fy,
        group_by=group_by,
        distinct_counts=distinct_counts,
        format_=format_,
        program=program,
        partner=partner,
        suppress_below=suppress_below,
        as_known_on=as_known_on,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    region: None | Region | Unset = UNSET,
    topic: None | Topic | Unset = UNSET,
    kind: Kind | None | Unset = UNSET,
    from_fy: int | None | Unset = UNSET,
    to_fy: int | None | Unset = UNSET,
    group_by: str | Unset = "fiscal_year",
    distinct_counts: bool | Unset = False,
    format_: None | ReportsWomenTrainedFormatType0 | Unset = UNSET,
    program: None | str | Unset = UNSET,
    partner: None | str | Unset = UNSET,
    suppress_below: int | None | Unset = UNSET,
    as_known_on: None | str | Unset = UNSET,
) -> Problem | WomenTrainedReport | None:
    """Women, men and unreported participants of trainings, by one or two groups

    Args:
        region (None | Region | Unset): Regional bureau, any case
        topic (None | Topic | Unset):
        kind (Kind | None | Unset):
        from_fy (int | None | Unset): First fiscal year, inclusive
        to_fy (int | None | Unset): Last fiscal year, inclusive
        group_by (str | Unset): One or two of fiscal_year, program, partner, region, topic (comma)
            Default: 'fiscal_year'.
        distinct_counts (bool | Unset): Add trainings and countries (distinct, per group and in
            totals), counted over the participant records Default: False.
        format_ (None | ReportsWomenTrainedFormatType0 | Unset): `csv` answers text/csv (as does
            `Accept: text/csv`)
        program (None | str | Unset): Program code, any case
        partner (None | str | Unset): Partner alpha-3, alpha-2 or numeric, any case; an embassy
            key sees only its own
        suppress_below (int | None | Unset): Withhold counts from 1 to this minus 1 (2 to 50), and
            enough others that none can be narrowed to fewer than this many values from what is
            published; withheld cells are null and named in each row's `suppressed`. Embassy keys get
            WPS_PUBLIC_SUPPRESS_BELOW when it is set (asking more is a 422), and then only the
            published grouping (a filter that nests is a 422 naming it)
        as_known_on (None | str | Unset): Answer as the records stood then: a date (its end, UTC)
            or a timestamp with its UTC offset (2021-09-30T12:00:00Z); not in the future

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WomenTrainedReport
    """

    return (
        await asyncio_detailed(
            client=client,
            region=region,
            topic=topic,
            kind=kind,
            from_fy=from_fy,
            to_fy=to_fy,
            group_by=group_by,
            distinct_counts=distinct_counts,
            format_=format_,
            program=program,
            partner=partner,
            suppress_below=suppress_below,
            as_known_on=as_known_on,
        )
    ).parsed
