/**
 * A throwaway database on a PostgreSQL server: created under a unique name beside the database of
 * `serverUrl` and dropped (with its connections) by `drop()`, or kept by `release()`. The integration tests
 * (tests/helpers/db.ts), the end-to-end server (scripts/test.mjs) and the bench (scripts/bench-run.ts)
 * each make theirs here.
 */
import crypto from "node:crypto";
import postgres from "postgres";

/**
 * @param {string} serverUrl a connection URL of the server (its database part is replaced)
 * @param {string} prefix the new database's name before a random suffix, e.g. "rajaton_test"
 * @param {{ template?: string }} [options] a database to copy (nothing may be connected to it), else an empty one
 * @returns {Promise<{ name: string; url: string; drop: () => Promise<void>; release: () => Promise<void> }>}
 */
export async function createThrowawayDatabase(serverUrl, prefix, options = {}) {
  const name = `${prefix}_${crypto.randomBytes(4).toString("hex")}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"${options.template ? ` template "${options.template}"` : ""}`);
  } catch (e) {
    await admin.end();
    throw e;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      try {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.end();
      }
    },
    release: () => admin.end(),
  };
}
