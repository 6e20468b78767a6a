/**
 * Build the Vietnamese custom-functions metadata (functions-vi.json) from the generated English
 * metadata (functions.json) and the hand-written translation table src/functions/functions.vi.json.
 *
 * Table format (owned by the functions engineer):
 *   { "<ID>": { "description": "…", "parameters": { "<paramName>": "…" } } }
 *
 * Rules (a violation throws, so the build fails and untranslated help never ships):
 *   - every function id in functions.json has an entry with a non-empty description;
 *   - every parameter of that function has a non-empty translation;
 *   - the table has no stale ids or parameters that functions.json does not know;
 *   - ids and names are never translated: Excel stores ids in workbooks and names stay ASCII
 *     (Excel localises only names and descriptions), so `id`, `name`, types and dimensionality are copied as-is.
 *
 * Pure: `localize(functionsJson, table)` returns a new object and touches no files.
 * CLI: node scripts/localize-functions.js <functions.json> <functions.vi.json> <out.json>
 */
"use strict";

const fs = require("fs");

function isNonEmptyString(v) {
  return typeof v === "string" && v.trim().length > 0;
}

/**
 * @param {{ functions: Array<{ id: string, name: string, description?: string, parameters?: Array<{ name: string, description?: string }> }> }} functionsJson
 * @param {Record<string, { description: string, parameters?: Record<string, string> }>} table
 * @returns {object} the localised metadata (same shape, same ids, names, types and order)
 */
function localize(functionsJson, table) {
  if (!functionsJson || !Array.isArray(functionsJson.functions)) {
    throw new Error("localize-functions: functions.json has no 'functions' array");
  }
  if (!table || typeof table !== "object" || Array.isArray(table)) {
    throw new Error("localize-functions: the translation table must be an object keyed by function id");
  }
  const problems = [];
  const known = new Set();
  const out = JSON.parse(JSON.stringify(functionsJson));
  for (const fn of out.functions) {
    known.add(fn.id);
    const entry = table[fn.id];
    if (!entry || typeof entry !== "object") {
      problems.push(`${fn.id}: no translation`);
      continue;
    }
    if (!isNonEmptyString(entry.description)) {
      problems.push(`${fn.id}: missing Vietnamese description`);
    } else {
      fn.description = entry.description;
    }
    const params = fn.parameters || [];
    const tParams = entry.parameters || {};
    if (typeof tParams !== "object" || Array.isArray(tParams)) {
      problems.push(`${fn.id}: 'parameters' must be an object keyed by parameter name`);
      continue;
    }
    for (const p of params) {
      if (!isNonEmptyString(tParams[p.name])) {
        problems.push(`${fn.id}: missing Vietnamese description of parameter '${p.name}'`);
      } else {
        p.description = tParams[p.name];
      }
    }
    const paramNames = new Set(params.map((p) => p.name));
    for (const name of Object.keys(tParams)) {
      if (!paramNames.has(name)) problems.push(`${fn.id}: translation for unknown parameter '${name}'`);
    }
    for (const key of Object.keys(entry)) {
      if (key !== "description" && key !== "parameters") {
        problems.push(`${fn.id}: unexpected key '${key}' (ids and names are never translated)`);
      }
    }
  }
  for (const id of Object.keys(table)) {
    if (!known.has(id)) problems.push(`${id}: translation for a function that functions.json does not define`);
  }
  if (problems.length > 0) {
    throw new Error(
      `localize-functions: functions-vi.json would ship untranslated or stale help:\n  - ${problems.join("\n  - ")}`,
    );
  }
  return out;
}

module.exports = { localize };

if (require.main === module) {
  const [src, tableFile, outFile] = process.argv.slice(2);
  if (!src || !tableFile || !outFile) {
    console.error("usage: node scripts/localize-functions.js <functions.json> <functions.vi.json> <out.json>");
    process.exit(2);
  }
  try {
    const result = localize(JSON.parse(fs.readFileSync(src, "utf8")), JSON.parse(fs.readFileSync(tableFile, "utf8")));
    fs.writeFileSync(outFile, JSON.stringify(result, null, 4));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
