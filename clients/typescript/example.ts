/**
 * A frontend's first calls, on the typed TypeScript client (index.ts):
 *   1. where the change feed stands now (the position a reader resumes from);
 *   2. record a training (an admin or integration key), with an Idempotency-Key;
 *   3. read it back by id, and read an id that does not exist (a typed problem+json 404);
 *   4. follow the change feed (long-poll) from that position until the training's change.
 *
 *   WPS_URL=http://127.0.0.1:8000 WPS_KEY=wps_... node dist/example.js
 *
 * It prints one JSON line per step and exits non-zero if the service answers anything else.
 */
import { createWpsClient, type Schemas } from "./index.js";

declare const process: {
  env: Record<string, string | undefined>;
  exit(code: number): never;
};

function step(name: string, facts: Record<string, unknown>): void {
  console.log(JSON.stringify({ step: name, ...facts }));
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The typed body of a `status` answer; any other answer stops the example with its problem. */
function expect<T>(result: { data?: T; error?: unknown; response: Response }, status: number): T {
  if (result.response.status !== status || result.data === undefined) {
    fail(`expected ${status}, got ${result.response.status}: ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

async function main(): Promise<void> {
  const apiKey = process.env.WPS_KEY ?? fail("set WPS_KEY to an admin or integration key");
  const wps = createWpsClient({ baseUrl: process.env.WPS_URL ?? "http://127.0.0.1:8000", apiKey });
  const run = Math.random().toString(36).slice(2, 10);

  // 1. Where the feed stands before we write: a reader resumes from here.
  const start = expect(await wps.GET("/api/v1/changes", { params: { query: { wait: 0 } } }), 200);
  let cursor = start.next_cursor;

  // 2. A training with its participants counted by sex.
  const body: Schemas["TrainingCreate"] = {
    program: "GPOI",
    title: "UN Staff Officer Course",
    kind: "course",
    topics: ["peacekeeping", "gender_integration"],
    start_date: "2025-10-06",
    end_date: "2025-10-17",
    host_country: "GHA",
    external_ref: `TS-EXAMPLE-${run}`,
    participants: [{ partner: "GHA", women: 6, men: 18 }],
  };
  const created = expect(
    await wps.POST("/api/v1/trainings", {
      params: { header: { "Idempotency-Key": `ts-example-${run}` } },
      body,
    }),
    201,
  );
  step("training created", { id: created.id, fiscal_year: created.fiscal_year });

  // 3. Read it back; an unknown id is a problem+json 404, typed as the contract's Problem.
  const training = expect(
    await wps.GET("/api/v1/trainings/{training_id}", {
      params: { path: { training_id: created.id } },
    }),
    200,
  );
  step("training read", {
    id: training.id,
    title: training.title,
    women: training.totals.women,
    total: training.totals.total,
  });
  const missing = await wps.GET("/api/v1/trainings/{training_id}", {
    params: { path: { training_id: 999_999_999 } },
  });
  if (missing.response.status !== 404 || missing.error === undefined) {
    fail(`expected 404 for an unknown training, got ${missing.response.status}`);
  }
  step("unknown training", { status: missing.error.status, title: missing.error.title });

  // 4. Follow the feed from where it stood, until the training's change arrives.
  const actions: string[] = [];
  for (let page = 0; page < 10 && !actions.includes("create"); page++) {
    const feed = expect(
      await wps.GET("/api/v1/changes", {
        params: { query: { after: cursor, types: "training", wait: 5 } },
      }),
      200,
    );
    actions.push(...feed.items.filter((c) => c.id === String(created.id)).map((c) => c.action));
    cursor = feed.next_cursor;
  }
  step("feed followed", { id: created.id, actions, next_cursor: cursor });
  if (!actions.includes("create")) fail("the feed never showed the training's creation");
}

await main();
