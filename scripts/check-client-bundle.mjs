#!/usr/bin/env node
/**
 * Nothing of the database layer may reach the browser: the client build (build/client) must not
 * contain drizzle (its code carries the marker "drizzle:entityKind") nor the table definitions.
 * Components take their codes from shared/codes.ts, which imports nothing (docs/decisions/055).
 * Run by scripts/test.mjs after the build; alone: `node scripts/check-client-bundle.mjs [dir]`.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Markers of server-only code: drizzle itself, and a table definition's SQL name. */
const FORBIDDEN = [/drizzle/i, /pgTable/, /"password_hash"/];

/** The client assets that contain a forbidden marker, as "file: marker" lines. */
export function findServerCodeInClient(dir = "build/client") {
  if (!fs.existsSync(dir)) throw new Error(`${dir} does not exist; run \`npm run build\` first`);
  const found = [];
  const walk = (p) => {
    for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
      const file = path.join(p, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(js|mjs|css|html|json)$/.test(entry.name)) {
        const text = fs.readFileSync(file, "utf8");
        for (const marker of FORBIDDEN) if (marker.test(text)) found.push(`${file}: ${marker}`);
      }
    }
  };
  walk(dir);
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findServerCodeInClient(process.argv[2]);
  if (found.length) {
    console.error(`Server-only code in the client build:\n  ${found.join("\n  ")}`);
    process.exit(1);
  }
  console.log("The client build contains no database code.");
}
