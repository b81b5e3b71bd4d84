// The dashboard: signs in with an API key kept in this tab's sessionStorage, reads the public
// API with `Authorization: Bearer`, and draws each report as a chart, a table and a CSV.

import { barList, columnChart, fitted } from "./charts.js";

const KEY = "wps.dashboard.key";
const API = "/api/v1";
const FILTERS = ["program", "from_fy", "to_fy", "region", "partner"];
const PURPOSE_NAMES = { null: "no purpose" };
const STATUS_NAMES = { on_track: "on track", behind: "behind", no_target: "no target" };

const $ = (selector) => document.querySelector(selector);

class Refused extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}
class SignedOut extends Error {}

// --- The API ------------------------------------------------------------------------------

function apiUrl(path, params) {
  const url = new URL(API + path, window.location.origin);
  for (const [name, value] of Object.entries(params)) {
    if (value !== "" && value !== null && value !== undefined) url.searchParams.set(name, value);
  }
  return url;
}

async function call(path, params = {}, accept = "application/json") {
  const key = sessionStorage.getItem(KEY);
  if (!key) throw new SignedOut();
  const response = await fetch(apiUrl(path, params), {
    headers: { Authorization: `Bearer ${key}`, Accept: accept },
    credentials: "omit",
    cache: "no-store",
  });
  if (response.status === 401) {
    signOut("The service did not accept this key (revoked or mistyped): sign in again.");
    throw new SignedOut();
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch {
      // not problem+json: keep the status text
    }
    throw new Refused(response.status, detail);
  }
  return accept === "text/csv" ? response.blob() : response.json();
}

async function listAll(path, params = {}) {
  const items = [];
  let cursor = null;
  do {
    const page = await call(path, { ...params, limit: 500, cursor });
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}

function save(blob, filename) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

// --- Formatting ---------------------------------------------------------------------------

function count(value) {
  return value === null || value === undefined ? "–" : Number(value).toLocaleString("en-US");
}

function pct(value) {
  // The API rounds every percentage to one decimal; show that decimal even when it is 0.
  return value === null || value === undefined ? "–" : `${Number(value).toFixed(1)}%`;
}

// A chart axis's percentage: whole numbers.
const wholePercent = (v) => `${Math.round(v)}%`;

// Money stays the API's exact decimal string; only thousands separators are added.
function usd(value) {
  if (value === null || value === undefined) return "–";
  const [whole, cents = "00"] = String(value).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}$${digits}.${cents}`;
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

// --- Building blocks ----------------------------------------------------------------------

function element(name, attributes = {}, ...children) {
  const node = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "className") node.className = value;
    else node.setAttribute(key, value);
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** A data table: columns [{key, label, format, num}]; wrapped so it scrolls on a narrow screen. */
function dataTable(caption, columns, rows) {
  const head = element("tr", {}, ...columns.map((c) => element("th", { scope: "col", className: c.num ? "num" : "" }, c.label)));
  const body = rows.length
    ? rows.map((row) =>
        element(
          "tr",
          {},
          ...columns.map((c) => {
            const shown = c.format ? c.format(row[c.key], row) : String(row[c.key] ?? "–");
            const cell = element("td", { className: c.num ? "num" : "" }, shown);
            if (c.key === "status") cell.className = `status ${row.status}`;
            return cell;
          }),
        ),
      )
    : [element("tr", {}, element("td", { colspan: String(columns.length) }, "No figures for these filters."))];
  const table = element("table", {}, element("caption", {}, caption), element("thead", {}, head), element("tbody", {}, ...body));
  return element("div", { className: "table-wrap", tabindex: "0", role: "region", "aria-label": caption }, table);
}

function csvButton(label, fetchBlob, filename) {
  const button = element("button", { type: "button", className: "secondary csv" }, `Download CSV: ${label}`);
  button.addEventListener("click", async () => {
    try {
      save(await fetchBlob(), filename);
    } catch (error) {
      if (!(error instanceof SignedOut)) $("#load-message").textContent = `CSV: ${error.message}`;
    }
  });
  return element("div", { className: "tools" }, button);
}

function serverCsv(label, path, params, filename) {
  return csvButton(label, () => call(path, { ...params, format: "csv" }, "text/csv"), filename);
}

// A table built here (a series of several report calls) as CSV, formula-safe like the service's.
function localCsv(label, columns, rows, filename) {
  const cell = (value) => {
    let text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [columns.map((c) => cell(c.key)), ...rows.map((r) => columns.map((c) => cell(r[c.key])))];
  const text = `${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
  return csvButton(label, async () => new Blob([text], { type: "text/csv" }), filename);
}

function inputsList(inputs) {
  const list = element("dl", { className: "inputs" });
  for (const [name, value] of Object.entries(inputs)) {
    const shown = value === null || value === undefined ? "all" : Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value);
    list.append(element("dt", {}, name), element("dd", {}, shown));
  }
  return list;
}

function method(text, inputs) {
  return element(
    "details",
    { className: "method" },
    element("summary", {}, "Method and inputs"),
    element("p", {}, text),
    inputsList(inputs),
  );
}

function show(sectionId, ...children) {
  const body = $(`#${sectionId} .body`);
  body.replaceChildren(...children.filter((c) => c !== null && c !== undefined));
}

// A view the service refused says so in the service's own words (its problem detail).
function refusal(sectionId, error) {
  const text = error.status ? `The service refused this view (HTTP ${error.status}): ${error.message}` : `This view could not be shown: ${error.message}`;
  show(sectionId, element("p", { className: "refused" }, text));
}

// A chart drawn at the width of its view's body (and again when that width changes).
function chart(sectionId, draw) {
  return fitted(draw, $(`#${sectionId} .body`).clientWidth);
}

// A section's column chart (`figure`: columnChart's options but the width, the section's);
// with no rows, its summary in words.
function columnsOrSummary(sectionId, rows, figure) {
  return rows.length
    ? chart(sectionId, (width) => columnChart({ ...figure, width }))
    : element("p", {}, figure.summary);
}

// --- Filters ------------------------------------------------------------------------------

function filtersFromUrl() {
  const query = new URLSearchParams(window.location.search);
  return Object.fromEntries(FILTERS.map((name) => [name, query.get(name) ?? ""]));
}

function fillForm(filters) {
  for (const name of FILTERS) {
    const field = $("#filters").elements[name];
    field.value = filters[name];
    // A choice the list does not offer (another country, for an embassy) shows the first one.
    if (field.tagName === "SELECT" && field.selectedIndex < 0) field.selectedIndex = 0;
  }
}

function filtersFromForm() {
  const form = $("#filters");
  return Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value.trim()]));
}

function keepInUrl(filters) {
  const query = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) query.set(name, filters[name]);
  const search = query.toString();
  window.history.pushState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}${window.location.hash}`);
}

// --- Views --------------------------------------------------------------------------------

let indicators = [];

function womenTrainedIndicator(filters) {
  const program = filters.program.toUpperCase();
  return indicators.find((i) => {
    if (i.metric !== "women_trained") return false;
    const { program: own = "", ...rest } = i.metric_filters || {};
    return Object.keys(rest).length === 0 && own.toUpperCase() === program;
  });
}

// The indicator's progress for the years shown: its targets, and the fiscal year its running
// total counts from (the API's cumulative_from_fy), which the cumulative series shares.
async function womenTrainedTargets(indicator, years, filters) {
  if (!indicator || !years.length) return { targets: {}, base: null };
  const progress = await call(`/indicators/${encodeURIComponent(indicator.code)}/progress`, {
    from_fy: years[0],
    to_fy: years[years.length - 1],
    partner: filters.partner,
  });
  const targets = Object.fromEntries(progress.rows.map((r) => [r.fiscal_year, r.target]));
  return { targets, base: progress.cumulative_from_fy };
}

// Running totals of women by fiscal year, counted from `base` (else from the first year on
// record), never from the first year of the range.
async function runningTotals(params, years, base) {
  const first = years[0];
  const from = base ?? "";
  if (!params.from_fy || (from !== "" && from >= first)) return null;
  const report = await call("/reports/women-trained", { ...params, from_fy: from });
  return {
    since: report.rows.length ? report.rows[0].fiscal_year : first,
    byYear: Object.fromEntries(report.rows.map((r) => [r.fiscal_year, r.cumulative_women])),
  };
}

async function womenTrained(filters) {
  const params = { ...pick(filters, "program", "partner", "region", "from_fy", "to_fy"), group_by: "fiscal_year" };
  const report = await call("/reports/women-trained", params);
  const rows = report.rows;
  const years = rows.map((r) => r.fiscal_year);
  // A target counts every region: with a region chosen there is none to compare with.
  const indicator = filters.region ? undefined : womenTrainedIndicator(filters);
  const { targets, base } = await womenTrainedTargets(indicator, years, filters);
  const running = await runningTotals(params, years, base);
  const since = running ? running.since : years[0];
  const table = rows.map((r) => ({
    ...r,
    cumulative_women: running ? running.byYear[r.fiscal_year] ?? null : r.cumulative_women,
    target: targets[r.fiscal_year] ?? null,
  }));
  const cumulativeName = `Cumulative women since FY${since}`;
  const series = [
    { name: "Women trained in the year", kind: "bar", values: rows.map((r) => r.women) },
    { name: cumulativeName, kind: "line", values: table.map((r) => r.cumulative_women) },
  ];
  if (indicator) {
    series.push({ name: `Target (${indicator.code}, cumulative)`, kind: "line", values: table.map((r) => (r.target === null ? null : Number(r.target))) });
  }
  const last = table[table.length - 1];
  const against = last && last.target !== null ? ` against a target of ${count(last.target)}` : "";
  const summary = rows.length
    ? `${count(report.totals.women)} women trained from FY${years[0]} to FY${years[years.length - 1]}; ` +
      `FY${last.fiscal_year}: ${count(last.women)} women, ${count(last.cumulative_women)} cumulative since FY${since}${against}.`
    : "No training participants match these filters.";
  const columns = [
    { key: "fiscal_year", label: "Fiscal year" },
    { key: "women", label: "Women", num: true, format: count },
    { key: "men", label: "Men", num: true, format: count },
    { key: "unreported", label: "Unreported", num: true, format: count },
    { key: "total", label: "Total", num: true, format: count },
    { key: "women_share_pct", label: "Women %", num: true, format: pct },
    { key: "cumulative_women", label: `Cumulative women since FY${since}`, num: true, format: count },
    { key: "target", label: "Target (cumulative)", num: true, format: count },
  ];
  const why = filters.region ? "No target line: the target counts every region; clear the region to compare." : "No target line: choose a program that has a women-trained indicator.";
  const hasTarget = table.some((r) => r.target !== null);
  show(
    "women-trained",
    element("p", { className: "asof" }, `As of ${today()} (live records). Running totals count from FY${since}, the first year on record${indicator ? ` for ${indicator.code}` : ""}.`),
    columnsOrSummary("women-trained", rows, { title: "Women trained per fiscal year", summary, categories: years.map((y) => `FY${y}`), series, format: (v) => count(Math.round(v)) }),
    indicator ? (hasTarget || !rows.length ? null : element("p", { className: "note" }, `No target line: ${indicator.code} has no target for these years.`)) : element("p", { className: "note" }, why),
    method(report.method, report.filters),
    localCsv("women trained", columns, table, "women-trained.csv"),
    dataTable("Women trained per fiscal year", columns, table),
  );
  return {
    id: "women",
    title: "Women trained",
    value: count(report.totals.women),
    detail: `${count(report.totals.total)} participants, ${pct(report.totals.women_share_pct)} women`,
    asOf: today(),
    method: report.method,
    inputs: report.filters,
  };
}

async function peacekeeping(filters) {
  const program = filters.program || "GPOI";
  const range = {
    from_date: filters.from_fy ? `${Number(filters.from_fy) - 1}-10-01` : "",
    to_date: filters.to_fy ? `${filters.to_fy}-09-30` : "",
  };
  const snapshots = await listAll("/peacekeeping/snapshots", range);
  const dates = [...new Set(snapshots.map((s) => s.reporting_date))].sort().slice(-24);
  const reports = await Promise.all(dates.map((d) => call("/reports/peacekeeping-share", { program, as_of: d })));
  const rows = reports.map((r) => ({
    reporting_date: r.snapshot.reporting_date,
    snapshot: r.snapshot.id,
    partner_women: r.partner_women,
    all_women: r.all_women,
    women_share_pct: r.women_share_pct,
    partner_countries: r.partner_countries,
    all_countries: r.all_countries,
    countries_share_pct: r.countries_share_pct,
  }));
  const columns = [
    { key: "reporting_date", label: "Reporting date" },
    { key: "snapshot", label: "Snapshot" },
    { key: "partner_women", label: "Partner women", num: true, format: count },
    { key: "all_women", label: "All women", num: true, format: count },
    { key: "women_share_pct", label: "Partner share of women", num: true, format: pct },
    { key: "partner_countries", label: "Partner countries", num: true, format: count },
    { key: "all_countries", label: "All countries", num: true, format: count },
    { key: "countries_share_pct", label: "Partner share of countries", num: true, format: pct },
  ];
  const latest = reports[reports.length - 1];
  const summary = latest
    ? `${program} partners' share of military women peacekeepers over ${rows.length} UN snapshot(s): ` +
      `${pct(latest.women_share_pct)} of women against ${pct(latest.countries_share_pct)} of contributing countries on ${latest.snapshot.reporting_date}.`
    : "No UN snapshot in this range.";
  show(
    "peacekeeping",
    element("p", { className: "asof" }, latest ? `As of the UN snapshot of ${latest.snapshot.reporting_date}; program ${program}.` : `Program ${program}.`),
    columnsOrSummary("peacekeeping", rows, {
      title: `${program} partners' share of women peacekeepers and of contributing countries`,
      summary,
      categories: rows.map((r) => r.reporting_date),
      series: [
        { name: "Partner share of military women (%)", kind: "line", values: rows.map((r) => r.women_share_pct) },
        { name: "Partner share of contributing countries (%)", kind: "line", values: rows.map((r) => r.countries_share_pct) },
      ],
      format: wholePercent,
    }),
    latest ? method(latest.method, { ...latest.filters, snapshot: latest.snapshot.id }) : null,
    localCsv("peacekeeping share", columns, rows, "peacekeeping-share-series.csv"),
    dataTable("Peacekeeping share per UN snapshot", columns, rows),
  );
  return latest
    ? {
        id: "peacekeeping",
        title: `${program} partners' share of women peacekeepers`,
        value: pct(latest.women_share_pct),
        detail: `${count(latest.partner_women)} of ${count(latest.all_women)} military women; ${pct(latest.countries_share_pct)} of contributing countries`,
        asOf: latest.snapshot.reporting_date,
        method: latest.method,
        inputs: { ...latest.filters, snapshot: latest.snapshot.id },
      }
    : null;
}

async function imetParity(filters) {
  const params = { fiscal_year: filters.to_fy, partner: filters.partner };
  const report = await call("/reports/imet-parity", params);
  const rows = report.rows;
  const year = report.filters.fiscal_year;
  const columns = [
    { key: "partner", label: "Partner" },
    { key: "nominations", label: "Nominations", num: true, format: count },
    { key: "women", label: "Women", num: true, format: count },
    { key: "women_share_pct", label: "Women %", num: true, format: pct },
    { key: "benchmark_pct", label: "Benchmark %", num: true, format: pct },
    { key: "gap_points", label: "Gap (points)", num: true, format: (v) => (v === null ? "–" : Number(v).toFixed(1)) },
    { key: "meets_benchmark", label: "Meets benchmark", format: (v) => (v === null ? "–" : v ? "yes" : "no") },
  ];
  const meeting = rows.filter((r) => r.meets_benchmark).length;
  const summary = rows.length
    ? `FY${year}: ${rows.length} partner(s); ${meeting} meet their host-force benchmark. Women are ${pct(report.totals.women_share_pct)} of all counted nominations.`
    : `FY${year}: no IMET nominations or benchmarks.`;
  show(
    "imet-parity",
    element("p", { className: "asof" }, `Fiscal year ${year}, as of ${today()}.`),
    columnsOrSummary("imet-parity", rows, {
      title: `Women's share of IMET nominations against the benchmark, FY${year}`,
      summary,
      categories: rows.map((r) => r.partner),
      series: [
        { name: "Women's share of nominations (%)", kind: "bar", values: rows.map((r) => r.women_share_pct) },
        { name: "Host-force benchmark (%)", kind: "bar", values: rows.map((r) => r.benchmark_pct) },
      ],
      format: wholePercent,
    }),
    method(report.method, report.filters),
    serverCsv("IMET parity", "/reports/imet-parity", params, "imet-parity.csv"),
    dataTable(`IMET parity per partner, FY${year}`, columns, rows),
  );
  return {
    id: "imet",
    title: `Women's share of IMET nominations, FY${year}`,
    value: pct(report.totals.women_share_pct),
    detail: `${count(report.totals.women)} women of ${count(report.totals.nominations)} nominations`,
    asOf: today(),
    method: report.method,
    inputs: report.filters,
  };
}

async function funding(filters) {
  const params = { ...pick(filters, "program", "partner", "from_fy", "to_fy"), group_by: "fiscal_year,purpose" };
  const report = await call("/reports/funding", params);
  const rows = report.rows;
  const years = [...new Set(rows.map((r) => r.fiscal_year))].sort();
  // The chart has six colours: the six purposes with the most money; the table lists every one.
  const byPurpose = new Map();
  for (const r of rows) byPurpose.set(r.purpose, (byPurpose.get(r.purpose) ?? 0) + Number(r.amount_usd));
  const purposes = [...byPurpose.keys()].sort((a, b) => byPurpose.get(b) - byPurpose.get(a));
  const charted = purposes.slice(0, 6);
  const amount = (year, purpose) => {
    const row = rows.find((r) => r.fiscal_year === year && r.purpose === purpose);
    return row ? Number(row.amount_usd) : null;
  };
  const name = (purpose) => PURPOSE_NAMES[purpose] ?? String(purpose).replaceAll("_", " ");
  const summary = rows.length
    ? `${usd(report.totals.amount_usd)} obligated in ${report.totals.records} record(s), FY${years[0]} to FY${years[years.length - 1]}, across ${purposes.length} purpose(s).`
    : "No obligations match these filters.";
  const columns = [
    { key: "fiscal_year", label: "Fiscal year" },
    { key: "purpose", label: "Purpose", format: name },
    { key: "amount_usd", label: "USD", num: true, format: usd },
    { key: "records", label: "Records", num: true, format: count },
  ];
  show(
    "funding",
    element("p", { className: "asof" }, `As of ${today()} (live records).`),
    columnsOrSummary("funding", rows, {
      title: "USD obligated by purpose and fiscal year",
      summary,
      categories: years.map((y) => `FY${y}`),
      series: charted.map((p) => ({ name: name(p), kind: "bar", values: years.map((y) => amount(y, p)) })),
      format: (v) => (v >= 1e6 ? `$${(v / 1e6).toLocaleString("en-US")}M` : `$${Math.round(v).toLocaleString("en-US")}`),
    }),
    element(
      "p",
      { className: "note" },
      "A record tagged with several purposes counts under each; the total counts it once." +
        (purposes.length > charted.length ? ` The chart shows the ${charted.length} purposes with the most money; the table lists all ${purposes.length}.` : ""),
    ),
    method(report.method, { ...report.filters, group_by: report.group_by }),
    serverCsv("funding", "/reports/funding", params, "funding.csv"),
    dataTable("USD obligated by fiscal year and purpose", columns, rows),
  );
  return {
    id: "funding",
    title: "USD obligated",
    value: usd(report.totals.amount_usd),
    detail: `${count(report.totals.records)} obligation record(s)`,
    asOf: today(),
    method: report.method,
    inputs: report.filters,
  };
}

// What an indicator's bar says: its percent of target; with no target, its actual and so.
function scorecardBar(indicator) {
  const value = indicator.pct_of_target === null ? null : Number(indicator.pct_of_target);
  const actual = indicator.actual === null ? "no figure" : `actual ${figureText(indicator.actual)}`;
  const text = value !== null ? pct(value) : indicator.status === "no_target" ? `${actual}, no target` : actual;
  return { label: indicator.code, value, text, cls: indicator.status };
}

// A figure as the API writes it (a decimal string), with thousands separators.
function figureText(text) {
  const [whole, decimals] = String(text).split(".");
  const shown = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return decimals === undefined ? shown : `${shown}.${decimals}`;
}

async function scorecard(filters) {
  const params = { fiscal_year: filters.to_fy, program: filters.program, partner: filters.partner };
  const report = await call("/reports/scorecard", params);
  const year = report.filters.fiscal_year;
  const columns = [
    { key: "code", label: "Indicator" },
    { key: "name", label: "Name" },
    { key: "target", label: "Target", num: true, format: (v) => (v === null ? "–" : figureText(v)) },
    { key: "actual", label: "Actual", num: true, format: (v) => (v === null ? "–" : figureText(v)) },
    { key: "pct_of_target", label: "% of target", num: true, format: pct },
    { key: "status", label: "Status", format: (v) => STATUS_NAMES[v] ?? v },
  ];
  const parts = [];
  let onTrack = 0;
  let withTarget = 0;
  for (const outcome of report.outcomes) {
    const items = outcome.indicators;
    onTrack += items.filter((i) => i.status === "on_track").length;
    withTarget += items.filter((i) => i.status !== "no_target").length;
    const title = `Outcome ${outcome.number}: ${outcome.title}`;
    const states = items.map((i) => `${i.code} ${STATUS_NAMES[i.status] ?? i.status}`).join("; ");
    parts.push(element("h3", {}, title));
    if (items.length) {
      parts.push(
        chart("scorecard", (width) =>
          barList({
            width,
            title: `${title}: percent of target per indicator, FY${year}`,
            summary: `FY${year}: ${states}.`,
            items: items.map(scorecardBar),
            markName: "100% of target",
          }),
        ),
      );
    }
    parts.push(dataTable(`${title}, FY${year}`, columns, items));
  }
  show(
    "scorecard",
    element("p", { className: "asof" }, `Fiscal year ${year}, as of ${today()}.`),
    method(report.method, report.filters),
    serverCsv("scorecard", "/reports/scorecard", params, "scorecard.csv"),
    ...parts,
  );
  return {
    id: "scorecard",
    title: `Indicators on track, FY${year}`,
    value: `${onTrack} of ${withTarget}`,
    detail: "indicators with a target for the year",
    asOf: today(),
    method: report.method,
    inputs: report.filters,
  };
}

function pick(filters, ...names) {
  return Object.fromEntries(names.map((n) => [n, filters[n]]));
}

function headline(figures) {
  const cards = figures.map((f) =>
    element(
      "article",
      { className: "figure", "data-figure": f.id, "aria-labelledby": `figure-${f.id}` },
      element("h3", { id: `figure-${f.id}` }, f.title),
      // A long figure (nine-digit dollars) gets a smaller size, so it never breaks inside.
      element("p", { className: f.value.length > 10 ? "value long" : "value" }, f.value),
      element("p", { className: "note" }, f.detail),
      element("p", { className: "asof" }, `As of ${f.asOf}`),
      method(f.method, f.inputs),
    ),
  );
  $("#headline-figures").replaceChildren(...cards);
}

// --- Flow ---------------------------------------------------------------------------------

const VIEWS = [
  ["women-trained", womenTrained],
  ["peacekeeping", peacekeeping],
  ["imet-parity", imetParity],
  ["funding", funding],
  ["scorecard", scorecard],
];

// Loads run one after another, each reading the filters from the address when it starts, so
// the figures shown are always those of the latest filters.
let loading = Promise.resolve();
function load() {
  loading = loading.then(loadNow, loadNow);
  return loading;
}

async function loadNow() {
  if (!sessionStorage.getItem(KEY)) return;
  const main = $("#main");
  main.setAttribute("aria-busy", "true");
  document.body.dataset.state = "loading";
  $("#load-message").textContent = "Loading figures…";
  const filters = filtersFromUrl();
  fillForm(filters);
  const results = await Promise.allSettled(VIEWS.map(([, view]) => view(filters)));
  if (!sessionStorage.getItem(KEY)) return;
  const figures = [];
  const failed = [];
  results.forEach((result, i) => {
    if (result.status === "fulfilled") {
      if (result.value) figures.push(result.value);
    } else if (!(result.reason instanceof SignedOut)) {
      refusal(VIEWS[i][0], result.reason);
      failed.push($(`#${VIEWS[i][0]}-title`).textContent);
    }
  });
  headline(figures);
  main.removeAttribute("aria-busy");
  // Never "loaded" when a view was refused: the line names the views that were not.
  $("#load-message").textContent = failed.length
    ? `${failed.length} of ${VIEWS.length} views could not be shown (${failed.join("; ")}); the service's reasons are in each.`
    : "Figures loaded.";
  document.body.dataset.failed = String(failed.length);
  document.body.dataset.state = "ready";
}

// An embassy key reads its own country only: the partner filter offers that country alone.
async function fillChoices(me) {
  const [programs, partners, found] = await Promise.all([
    listAll("/programs"),
    me.partner ? [await call(`/partners/${encodeURIComponent(me.partner)}`)] : listAll("/partners"),
    listAll("/indicators"),
  ]);
  indicators = found;
  const option = (value, label) => element("option", { value }, label);
  $("#f-program").replaceChildren(option("", "All programs"), ...programs.map((p) => option(p.code, `${p.code}: ${p.name}`)));
  const everyone = me.partner ? [] : [option("", "All partners")];
  $("#f-partner").replaceChildren(...everyone, ...partners.map((p) => option(p.code, `${p.name} (${p.code})`)));
}

function signedInAs(me) {
  const scope = me.partner ? `, ${me.partner}` : "";
  const owner = me.owner && me.owner !== me.name ? ` for ${me.owner}` : "";
  return `Signed in as ${me.name} (${me.role}${scope})${owner}`;
}

async function enter() {
  $("#sign-in").hidden = true;
  $("#main").hidden = false;
  $("#sign-out").hidden = false;
  $("#who").hidden = false;
  $("#who").textContent = "Signing in…";
  try {
    const me = await call("/me");
    $("#who").textContent = signedInAs(me);
    document.body.dataset.role = me.role;
    await fillChoices(me);
    await load();
  } catch (error) {
    if (!(error instanceof SignedOut)) $("#load-message").textContent = error.message;
  }
}

function signOut(message = "") {
  sessionStorage.removeItem(KEY);
  for (const [id] of VIEWS) $(`#${id} .body`).replaceChildren();
  $("#headline-figures").replaceChildren();
  $("#main").hidden = true;
  $("#sign-out").hidden = true;
  $("#who").hidden = true;
  $("#sign-in").hidden = false;
  $("#sign-in-message").textContent = message;
  $("#api-key").value = "";
  document.body.dataset.state = "signed-out";
  $("#api-key").focus();
}

function start() {
  $("#sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const key = $("#api-key").value.trim();
    if (!key) {
      $("#sign-in-message").textContent = "Enter an API key.";
      return;
    }
    sessionStorage.setItem(KEY, key);
    $("#api-key").value = "";
    $("#sign-in-message").textContent = "";
    enter();
  });
  $("#sign-out").addEventListener("click", () => signOut("Signed out."));
  $("#filters").addEventListener("submit", (event) => {
    event.preventDefault();
    keepInUrl(filtersFromForm());
    load();
  });
  $("#f-clear").addEventListener("click", () => {
    keepInUrl(Object.fromEntries(FILTERS.map((n) => [n, ""])));
    load();
  });
  window.addEventListener("popstate", () => {
    if (sessionStorage.getItem(KEY)) load();
  });
  if (sessionStorage.getItem(KEY)) enter();
  else signOut();
}

start();
