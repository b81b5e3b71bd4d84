from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.result_read import ResultRead
from ...models.result_transition import ResultTransition
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    result_id: int,
    *,
    body: ResultTransition,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    params: dict[str, Any] = {}

    params["force"] = force

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/indicators/{code}/results/{result_id}/transitions".format(
            code=quote(str(code), safe=""),
            result_id=quote(str(result_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ResultRead | None:
    if response.status_code == 200:
        response_200 = ResultRead.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | ResultRead]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    result_id: int,
    *,
    client: AuthenticatedClient,
    body: ResultTransition,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | ResultRead]:
    """Submit, approve or return a result; 409 names the unmet rule (four_eyes: an approver whose key owner
    entered, last edited or submitted the result)

    Args:
        code (str): Indicator code
        result_id (int):
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        if_match (None | str | Unset): The ETag last read; required
        body (ResultTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultRead]
    """

    kwargs = _get_kwargs(
        code=code,
        result_id=result_id,
        body=body,
        force=force,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    result_id: int,
    *,
    client: AuthenticatedClient,
    body: ResultTransition,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Problem | ResultRead | None:
    """Submit, approve or return a result; 409 names the unmet rule (four_eyes: an approver whose key owner
    entered, last edited or submitted the result)

    Args:
        code (str): Indicator code
        result_id (int):
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        if_match (None | str | Unset): The ETag last read; required
        body (ResultTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultRead
    """

    return sync_detailed(
        code=code,
        result_id=result_id,
        client=client,
        body=body,
        force=force,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    code: str,
    result_id: int,
    *,
    client: AuthenticatedClient,
    body: ResultTransition,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | ResultRead]:
    """Submit, approve or return a result; 409 names the unmet rule (four_eyes: an approver whose key owner
    entered, last edited or submitted the result)

    Args:
        code (str): Indicator code
        result_id (int):
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        if_match (None | str | Unset): The ETag last read; required
        body (ResultTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ResultRead]
    """

    kwargs = _get_kwargs(
        code=code,
        result_id=result_id,
        body=body,
        force=force,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    result_id: int,
    *,
    client: AuthenticatedClient,
    body: ResultTransition,
    force: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Problem | ResultRead | None:
    """Submit, approve or return a result; 409 names the unmet rule (four_eyes: an approver whose key owner
    entered, last edited or submitted the result)

    Args:
        code (str): Indicator code
        result_id (int):
        force (bool | Unset): Change a locked fiscal year anyway (admin; audited as forced)
            Default: False.
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        if_match (None | str | Unset): The ETag last read; required
        body (ResultTransition):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ResultRead
    """

    return (
        await asyncio_detailed(
            code=code,
            result_id=result_id,
            client=client,
            body=body,
            force=force,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
