// The printable fact sheet: one call to GET /api/v1/fact-sheet with the key kept in this tab's
// sessionStorage (the dashboard's), each figure's sentence with its number linked to the
// figure's method and inputs below.

const KEY = "wps.dashboard.key";
const SHEET = "/api/v1/fact-sheet";
const PARAMS = ["fiscal_year", "as_known_on", "suppress_below"];

const $ = (selector) => document.querySelector(selector);

function element(tag, attributes = {}, ...children) {
  const made = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  for (const child of children) {
    if (child !== null && child !== undefined) made.append(child);
  }
  return made;
}

function asked() {
  const query = new URLSearchParams(window.location.search);
  return Object.fromEntries(PARAMS.map((name) => [name, query.get(name) || ""]));
}

function showForm(edition) {
  for (const name of PARAMS) {
    $(`#edition-form [name="${name}"]`).value = edition[name];
  }
}

function signedOut(message) {
  sessionStorage.removeItem(KEY);
  $("#sign-in-form").hidden = false;
  $("#edition-form").hidden = true;
  $("#sheet").hidden = true;
  $("#message").textContent = message;
  document.body.dataset.state = "signed-out";
}

// The sentence with its number as a link to the figure's inputs.
function sentence(figure) {
  const [before, after = ""] = figure.template.split("{value}");
  const shown = figure.sentence.slice(before.length, figure.sentence.length - after.length);
  const number = element("a", { href: `#src-${figure.id}`, class: "number" }, shown);
  const line = element("li", { id: `fig-${figure.id}` }, before, number, after);
  const notes = [];
  if (figure.value === null) notes.push(`no figure: ${figure.reason}`);
  if (figure.target !== null && figure.target !== undefined) {
    notes.push(`target ${figure.target}`);
  }
  if (figure.status) notes.push(figure.status.replace("_", " "));
  if (figure.stale) notes.push("source older than the period");
  if (notes.length) line.append(" ", element("span", { class: "note" }, `(${notes.join("; ")})`));
  return line;
}

function source(figure) {
  const inputs = figure.inputs;
  const parts = [element("a", { href: inputs.call }, inputs.call)];
  for (const snapshot of inputs.snapshots) {
    parts.push(
      `; UN snapshot ${snapshot.id} of ${snapshot.reporting_date}, SHA-256 ${snapshot.sha256}`,
    );
  }
  const records = Object.entries(inputs.records).map(([kind, n]) => `${kind} ${n}`);
  if (records.length) parts.push(`; ${records.join(", ")}`);
  if (inputs.suppressed.length) parts.push(`; withheld: ${inputs.suppressed.join(", ")}`);
  const method = element("details", {}, element("summary", {}, "Method"), figure.method);
  return element(
    "li",
    { id: `src-${figure.id}` },
    element("span", { class: "figure-id" }, `${figure.id}: `),
    ...parts,
    figure.method ? method : null,
  );
}

function draw(sheet) {
  for (const list of document.querySelectorAll(".figures")) list.replaceChildren();
  $("#sources").replaceChildren();
  for (const figure of sheet.figures) {
    const list = document.querySelector(`[data-section="${figure.section}"] .figures`);
    if (list) list.append(sentence(figure));
    $("#sources").append(source(figure));
  }
  const f = sheet.filters;
  const known = f.as_known_on ? `as known on ${f.as_known_on.slice(0, 10)}` : "as known today";
  const withheld = f.suppress_below ? `; counts under ${f.suppress_below} withheld` : "";
  $("#edition-line").textContent =
    `Figures as of ${f.as_of}, FY${f.fiscal_year}, ${known}${withheld}. ` +
    "Regenerated from the WPS Program Tracker's records.";
}

async function load() {
  const key = sessionStorage.getItem(KEY);
  if (!key) return signedOut("");
  const edition = asked();
  showForm(edition);
  $("#sign-in-form").hidden = true;
  $("#edition-form").hidden = false;
  $("#message").textContent = "Loading the figures…";
  document.body.dataset.state = "loading";
  const url = new URL(SHEET, window.location.origin);
  for (const name of PARAMS) if (edition[name]) url.searchParams.set(name, edition[name]);
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${key}`, Accept: "application/json" },
    credentials: "omit",
    cache: "no-store",
  });
  if (response.status === 401) return signedOut("The service refused this key.");
  const body = await response.json();
  if (!response.ok) {
    $("#message").textContent = body.detail || `The service answered ${response.status}.`;
    document.body.dataset.state = "error";
    return;
  }
  draw(body);
  $("#sheet").hidden = false;
  $("#message").textContent = "";
  document.body.dataset.state = "loaded";
}

function start() {
  $("#sign-in-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const key = $("#api-key").value.trim();
    if (!key) {
      $("#message").textContent = "Enter an API key.";
      return;
    }
    sessionStorage.setItem(KEY, key);
    $("#api-key").value = "";
    load();
  });
  $("#edition-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of PARAMS) {
      const value = $(`#edition-form [name="${name}"]`).value.trim();
      if (value) query.set(name, value);
    }
    const search = query.toString();
    window.history.pushState(null, "", search ? `?${search}` : window.location.pathname);
    load();
  });
  $("#print").addEventListener("click", () => window.print());
  $("#sign-out").addEventListener("click", () => signedOut("Signed out."));
  window.addEventListener("popstate", load);
  load();
}

start();
