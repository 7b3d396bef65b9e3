#!/usr/bin/env node
/**
 * Writes docs/decisions/README.md's table from the records themselves: the number and title from each
 * record's first line ("# NNN Title"), the status from its "- Status:" line (continued lines joined).
 * Run after adding or amending a record: `node scripts/decision-index.mjs`.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve("docs/decisions");
const readme = path.join(dir, "README.md");
const rows = [];
for (const file of fs.readdirSync(dir).sort()) {
  const m = file.match(/^(\d{3})-.*\.md$/);
  if (!m) continue;
  const lines = fs.readFileSync(path.join(dir, file), "utf8").split("\n");
  const title = (lines[0] ?? "").replace(/^#\s*\d{3}\s*/, "").trim();
  const at = lines.findIndex((l) => /^- Status:/i.test(l));
  let status = at >= 0 ? lines[at].replace(/^- Status:\s*/i, "") : "";
  for (let i = at + 1; at >= 0 && i < lines.length && /^\s+\S/.test(lines[i]); i++) status += ` ${lines[i].trim()}`;
  rows.push(`| [${m[1]}](${file}) | ${title.replace(/\|/g, "\\|")} | ${status.replace(/\|/g, "\\|")} |`);
}
const text = fs.readFileSync(readme, "utf8");
const head = text.slice(0, text.indexOf("| No."));
fs.writeFileSync(readme, `${head}| No. | Title | Status |\n| --- | --- | --- |\n${rows.join("\n")}\n`);
// Laid out as Biome formats Markdown tables (npm test checks the format).
spawnSync(path.resolve("node_modules/.bin/biome"), ["format", "--write", readme], { stdio: "ignore" });
console.log(`${rows.length} records`);
