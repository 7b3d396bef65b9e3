/**
 * Work that must not delay the answer, started once the action has returned (docs/decisions/068).
 * The password-reset request answers at once and creates the link and its email here, so an
 * address with an account takes as long to answer as one without. A failure is logged, never shown:
 * the visitor has had their answer already.
 */
const pending = new Set<Promise<void>>();

export function afterResponse(name: string, work: () => Promise<unknown>) {
  const job: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
    .then(work)
    .then(
      () => undefined,
      (error: unknown) => {
        // For the operator: which job failed and why (never the job's data).
        console.error(`Background job ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    )
    .finally(() => pending.delete(job));
  pending.add(job);
}

/** Resolves when every job started so far has finished (tests; a graceful shutdown). */
export async function backgroundSettled() {
  while (pending.size) await Promise.all([...pending]);
}
