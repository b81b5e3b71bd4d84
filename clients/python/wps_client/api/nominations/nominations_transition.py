from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.nomination_read import NominationRead
from ...models.problem import Problem
from ...models.transition_request import TransitionRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    nomination_id: int,
    *,
    body: TransitionRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/nominations/{nomination_id}/transitions".format(
            nomination_id=quote(str(nomination_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NominationRead | Problem | None:
    if response.status_code == 200:
        response_200 = NominationRead.from_dict(response.json())

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
) -> Response[NominationRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    nomination_id: int,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[NominationRead | Problem]:
    """Move a nomination to another status; 409 names the unmet condition

    Args:
        nomination_id (int):
        if_match (None | str | Unset): The ETag last read; required
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NominationRead | Problem]
    """

    kwargs = _get_kwargs(
        nomination_id=nomination_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    nomination_id: int,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> NominationRead | Problem | None:
    """Move a nomination to another status; 409 names the unmet condition

    Args:
        nomination_id (int):
        if_match (None | str | Unset): The ETag last read; required
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NominationRead | Problem
    """

    return sync_detailed(
        nomination_id=nomination_id,
        client=client,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    nomination_id: int,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[NominationRead | Problem]:
    """Move a nomination to another status; 409 names the unmet condition

    Args:
        nomination_id (int):
        if_match (None | str | Unset): The ETag last read; required
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NominationRead | Problem]
    """

    kwargs = _get_kwargs(
        nomination_id=nomination_id,
        body=body,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    nomination_id: int,
    *,
    client: AuthenticatedClient,
    body: TransitionRequest,
    if_match: None | str | Unset = UNSET,
    idempotency_key: None | str | Unset = UNSET,
) -> NominationRead | Problem | None:
    """Move a nomination to another status; 409 names the unmet condition

    Args:
        nomination_id (int):
        if_match (None | str | Unset): The ETag last read; required
        idempotency_key (None | str | Unset): Retry-safe key: the same key and body replay the
            first response
        body (TransitionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NominationRead | Problem
    """

    return (
        await asyncio_detailed(
            nomination_id=nomination_id,
            client=client,
            body=body,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
