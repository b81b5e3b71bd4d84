// The README's request bodies, typed by openapi-typescript from openapi/openapi.json.
// `.ci/contract-clients` generates `./openapi.d.ts` next to this file and runs `tsc --noEmit`:
// a contract that no longer admits one of these examples fails CI.
import type { components } from "./openapi";

type Schemas = components["schemas"];

export const membership: Schemas["MembershipCreate"] = {
  program: "GPOI",
  start_date: "2008-01-01",
};

export const benchmark: Schemas["BenchmarkWrite"] = {
  military_women_share_pct: 7.0,
  source: "MoD 2025",
};

export const training: Schemas["TrainingCreate"] = {
  program: "GPOI",
  title: "UN Staff Officer Course",
  kind: "course",
  topics: ["peacekeeping", "gender_integration"],
  start_date: "2021-10-04",
  end_date: "2021-10-15",
  host_country: "GHA",
  location: "Accra",
  delivery: "direct",
  hours: 64,
  external_ref: "GPOI-FY22-0042",
  participants: [
    { partner: "GHA", women: 6, men: 18 },
    { partner: "KE", women: 3 },
  ],
};

export const participant: Schemas["ParticipantIn"] = { partner: "KE", women: 3, men: 7 };

export const nomination: Schemas["NominationCreate"] = {
  fiscal_year: 2026,
  external_ref: "NBO-2026-017",
  nominee: {
    given_name: "Amina",
    family_name: "Odhiambo",
    sex: "female",
    rank: "Major",
    service: "army",
    position: "Peace support operations planner",
  },
  course: {
    masl_id: "D177011",
    title: "International Officer School",
    institution: "Air University",
    min_ecl: 80,
  },
  ecl_score: 85,
  ecl_exempt: false,
};

export const vetting: Schemas["VettingWrite"] = {
  status: "approved",
  case_ref: "INVEST-2026-1234",
  decided_at: "2026-01-15",
  expires_at: "2027-01-15",
};

export const transition: Schemas["TransitionRequest"] = { to: "under_review", reason: "complete file" };

export const obligation: Schemas["ObligationCreate"] = {
  program: "IMET",
  fiscal_year: 2022,
  partner: null,
  type: "obligation",
  amount_usd: "1000000.00",
  purposes: ["women_training"],
  source_ref: "FA-2022-0001",
};

export const target: Schemas["TargetWrite"] = { value: "3000000.00" };

export const apiKey: Schemas["ApiKeyCreate"] = {
  name: "Embassy Nairobi",
  role: "embassy",
  partner: "KEN",
};

// Answers the README reads: a page of trainings and a progress status.
export const nextCursor: Schemas["TrainingReadPage"]["next_cursor"] = null;
export const onTrack: Schemas["ProgressStatus"] = "on_track";
