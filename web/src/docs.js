// The API's documentation at /docs: read from /openapi.json and written out here, each
// endpoint with a form to try it. Swagger UI would load its code from a CDN; this page
// loads nothing but its own files, so it works offline and under the strict policy.

import "./docs.css";
import { h } from "./dom.js";

const $ = (sel) => document.querySelector(sel);
const METHODS = ["get", "post", "patch", "put", "delete"];

function schemaText(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(schemaText).filter((t) => t !== "null").join(" or ");
  if (schema.enum) return schema.enum.join(" | ");
  return schema.type || "";
}

function paramRow(p) {
  const input = h("input", {
    name: p.name,
    "data-in": p.in,
    placeholder: p.schema && p.schema.default !== undefined ? String(p.schema.default) : "",
    required: p.required || false,
    "aria-label": p.name,
  });
  return h(
    "tr",
    {},
    h("th", { scope: "row" }, p.name, p.required ? h("span", { class: "req", title: "required" }, " *") : null),
    h("td", { class: "kind" }, `${p.in}, ${schemaText(p.schema)}`),
    h("td", {}, input, h("div", { class: "hint" }, p.description || "")),
  );
}

function exampleBody(op, spec) {
  const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
  if (!body) return null;
  let schema = body.schema || {};
  if (schema.$ref) schema = spec.components.schemas[schema.$ref.split("/").pop()];
  const out = {};
  for (const [name, prop] of Object.entries(schema.properties || {})) {
    if ((schema.required || []).includes(name)) out[name] = prop.type === "string" ? "" : null;
  }
  return JSON.stringify(out, null, 1);
}

async function tryIt(form, path, method, answer) {
  let url = path;
  const query = new URLSearchParams();
  for (const input of form.querySelectorAll("input[data-in]")) {
    const value = input.value.trim();
    if (!value) continue;
    if (input.dataset.in === "path") url = url.replace(`{${input.name}}`, encodeURIComponent(value));
    else if (input.dataset.in === "query") query.set(input.name, value);
  }
  const qs = query.toString();
  const headers = { Accept: "application/json" };
  const init = { method: method.toUpperCase(), headers };
  const body = form.querySelector("textarea");
  if (body) {
    init.body = body.value;
    headers["Content-Type"] = "application/json";
  }
  const token = $("#token").value.trim();
  if (token) headers.Authorization = `Bearer ${token}`;
  answer.replaceChildren(h("p", { class: "hint" }, "Asking…"));
  try {
    const res = await fetch(`${url.replace(/^\//, "")}${qs ? `?${qs}` : ""}`, init);
    let text = await res.text();
    try {
      text = JSON.stringify(JSON.parse(text), null, 1);
    } catch {
      // not JSON (a download): shown as it came
    }
    answer.replaceChildren(
      h("p", { class: "status", "data-status": res.status }, `${res.status} ${res.statusText}`),
      h("pre", {}, text.length > 20000 ? `${text.slice(0, 20000)}\n…` : text),
    );
  } catch (err) {
    answer.replaceChildren(h("p", { class: "error" }, String(err.message || err)));
  }
}

function operation(path, method, op, spec) {
  const params = op.parameters || [];
  const example = exampleBody(op, spec);
  const answer = h("div", { class: "answer", "aria-live": "polite" });
  const form = h(
    "form",
    { onsubmit: (e) => { e.preventDefault(); tryIt(form, path, method, answer); } },
    params.length ? h("table", { class: "params" }, h("tbody", {}, params.map(paramRow))) : null,
    example !== null ? h("label", { class: "body" }, "Body (JSON)", h("textarea", { rows: 4 }, example)) : null,
    h("button", { type: "submit" }, "Try it"),
  );
  const codes = Object.entries(op.responses || {}).map(([code, r]) => `${code} ${r.description || ""}`);
  return h(
    "section",
    { class: "op", id: `${method}-${path}`, "data-method": method, "data-path": path },
    h("h2", {}, h("span", { class: `method m-${method}` }, method.toUpperCase()), " ", h("code", {}, path)),
    op.summary ? h("p", { class: "summary" }, op.summary) : null,
    op.description ? h("p", { class: "description" }, op.description) : null,
    h("p", { class: "codes hint" }, `Answers: ${codes.join(" · ")}`),
    form,
    answer,
  );
}

async function start() {
  const spec = await (await fetch("openapi.json")).json();
  const sections = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const method of METHODS) if (ops[method]) sections.push(operation(path, method, ops[method], spec));
  }
  $("#docs").replaceChildren(
    h("p", { class: "hint" }, `${spec.info.title} ${spec.info.version}: ${spec.info.description || ""}`),
    h("nav", {}, h("ul", {}, sections.map((s) =>
      h("li", {}, h("a", { href: `#${s.id}` }, `${s.dataset.method.toUpperCase()} ${s.dataset.path}`))))),
    ...sections,
  );
  document.body.dataset.ready = "1";
}

start().catch((err) => {
  $("#docs").replaceChildren(h("p", { class: "error" }, `The schema could not be read: ${err.message}`));
});
