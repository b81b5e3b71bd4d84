/**
 * The WPS Program Tracker's typed client: openapi-fetch calls typed by `schema.ts`, which
 * openapi-typescript generates from the contract (openapi/openapi.json; `./generate`).
 *
 *   const wps = createWpsClient({ baseUrl: "http://127.0.0.1:8000", apiKey: KEY });
 *   const { data, error, response } = await wps.GET("/api/v1/trainings/{training_id}", {
 *     params: { path: { training_id: 1 } },
 *   });
 *
 * `data` is the typed body of a 2xx answer, `error` the problem+json body of any other.
 */
import createClient, { type Client, type ClientOptions } from "openapi-fetch";

import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** Every body of the contract by name: `Schemas["TrainingCreate"]`, `Schemas["Problem"]`. */
export type Schemas = components["schemas"];

export type WpsClient = Client<paths>;

export interface WpsClientOptions extends Omit<ClientOptions, "baseUrl" | "headers"> {
  /** Where the service answers, e.g. `http://127.0.0.1:8000` (no trailing `/api/v1`). */
  baseUrl: string;
  /** An API key (`wps_...`), sent on every request as `Authorization: Bearer <key>`. */
  apiKey: string;
  /** More headers for every request. */
  headers?: Record<string, string>;
}

/** A client whose every request carries the API key. */
export function createWpsClient({ apiKey, headers, ...options }: WpsClientOptions): WpsClient {
  return createClient<paths>({
    ...options,
    headers: { ...headers, Authorization: `Bearer ${apiKey}` },
  });
}
