-- The per-pilot status record (docs/decisions/130): for every pilot, the spans of reporting dates over
-- which its continuation figures stay the same. A span starts on a date the pilot has checks on and
-- lasts until its next such date ('infinity' for the last); on every reporting date in it, "r" is what
-- the status at the reporting date counts as, and h6/h12/h24 the status at each horizon's milestone
-- (null: no evidence), exactly as db/queries/continuation.server.ts defines them. The date of the
-- latest check is the span's start. Before a pilot's first check it has no span (not followed up).
-- Triggers keep it current in the writing transaction: any change of checks, of a pilot's end date
-- (its milestones) or of what a status counts as recomputes the pilots concerned.
CREATE TABLE "pilot_status_spans" (
	"pilot_id" integer NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"r" text NOT NULL,
	"h6" text,
	"h12" text,
	"h24" text,
	CONSTRAINT "pilot_status_spans_pilot_id_valid_from_pk" PRIMARY KEY("pilot_id","valid_from")
);
--> statement-breakpoint
ALTER TABLE "pilot_status_spans" ADD CONSTRAINT "pilot_status_spans_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "pilot_status_spans_valid_to" ON "pilot_status_spans" USING btree ("valid_to","valid_from");
--> statement-breakpoint
-- Recompute the spans of the pilots `ids` (null: of every pilot). One pass over their checks: for each
-- check date, the running max of the latest-check key and the running min of each horizon's evidence
-- key over the checks up to that date (the keys of latestStatusesSql in continuation.server.ts).
-- The pilots' rows are locked first (no key update: it does not wait for a check's foreign key), so two
-- transactions writing checks of one pilot recompute one after the other, each from committed data.
CREATE FUNCTION "refresh_pilot_status"(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF ids IS NOT NULL THEN
		IF cardinality(ids) = 0 THEN
			RETURN;
		END IF;
		PERFORM 1 FROM "pilots" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE;
	END IF;
	DELETE FROM "pilot_status_spans" WHERE ids IS NULL OR "pilot_id" = ANY(ids);
	INSERT INTO "pilot_status_spans" ("pilot_id", "valid_from", "valid_to", "r", "h6", "h12", "h24")
	SELECT d.pilot_id, d.checked_on,
		coalesce(lead(d.checked_on) OVER (PARTITION BY d.pilot_id ORDER BY d.checked_on), 'infinity'::date),
		CASE d.r % 8 WHEN 1 THEN 'continuing' WHEN 2 THEN 'partly' WHEN 3 THEN 'ended' ELSE 'unknown' END,
		CASE d.h6 % 8 WHEN 1 THEN 'continuing' WHEN 2 THEN 'partly' WHEN 3 THEN 'ended' END,
		CASE d.h12 % 8 WHEN 1 THEN 'continuing' WHEN 2 THEN 'partly' WHEN 3 THEN 'ended' END,
		CASE d.h24 % 8 WHEN 1 THEN 'continuing' WHEN 2 THEN 'partly' WHEN 3 THEN 'ended' END
	FROM (
		SELECT DISTINCT ON (k.pilot_id, k.checked_on) k.* FROM (
			SELECT c.pilot_id, c.checked_on,
				max(((c.checked_on - date '1900-01-01')::bigint * 1073741824 + c.id) * 8 + e.cat4) OVER w AS r,
				min(((abs(c.checked_on - e.m6)::bigint * 2 + CASE WHEN c.checked_on < e.m6 THEN 1 ELSE 0 END) * 1073741824
					+ (1073741823 - c.id)) * 8 + e.cat4) FILTER (WHERE
						(e.counts_as IN ('continuing', 'partly') AND c.checked_on >= (e.m6 - interval '1 month')::date)
						OR (e.counts_as = 'ended' AND (CASE WHEN c.ended_on IS NOT NULL THEN c.ended_on <= e.m6
							ELSE c.checked_on <= (e.m6 + interval '1 month')::date END))) OVER w AS h6,
				min(((abs(c.checked_on - e.m12)::bigint * 2 + CASE WHEN c.checked_on < e.m12 THEN 1 ELSE 0 END) * 1073741824
					+ (1073741823 - c.id)) * 8 + e.cat4) FILTER (WHERE
						(e.counts_as IN ('continuing', 'partly') AND c.checked_on >= (e.m12 - interval '1 month')::date)
						OR (e.counts_as = 'ended' AND (CASE WHEN c.ended_on IS NOT NULL THEN c.ended_on <= e.m12
							ELSE c.checked_on <= (e.m12 + interval '1 month')::date END))) OVER w AS h12,
				min(((abs(c.checked_on - e.m24)::bigint * 2 + CASE WHEN c.checked_on < e.m24 THEN 1 ELSE 0 END) * 1073741824
					+ (1073741823 - c.id)) * 8 + e.cat4) FILTER (WHERE
						(e.counts_as IN ('continuing', 'partly') AND c.checked_on >= (e.m24 - interval '1 month')::date)
						OR (e.counts_as = 'ended' AND (CASE WHEN c.ended_on IS NOT NULL THEN c.ended_on <= e.m24
							ELSE c.checked_on <= (e.m24 + interval '1 month')::date END))) OVER w AS h24
			FROM "continuation_checks" c
				CROSS JOIN LATERAL (
					SELECT s.counts_as,
						CASE s.counts_as WHEN 'continuing' THEN 1 WHEN 'partly' THEN 2 WHEN 'ended' THEN 3 ELSE 4 END AS cat4,
						(p.end_date + make_interval(months => 6))::date AS m6,
						(p.end_date + make_interval(months => 12))::date AS m12,
						(p.end_date + make_interval(months => 24))::date AS m24
					FROM "pilots" p, "continuation_statuses" s WHERE p.id = c.pilot_id AND s.code = c.status_code
				) e
			WHERE ids IS NULL OR c.pilot_id = ANY(ids)
			WINDOW w AS (PARTITION BY c.pilot_id ORDER BY c.checked_on RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
		) k
	) d;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "pilot_status_checks_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM "refresh_pilot_status"(array(SELECT DISTINCT pilot_id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM "refresh_pilot_status"(array(SELECT DISTINCT pilot_id FROM old_rows));
	ELSE
		PERFORM "refresh_pilot_status"(array(SELECT pilot_id FROM new_rows UNION SELECT pilot_id FROM old_rows));
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "continuation_checks_status_insert" AFTER INSERT ON "continuation_checks"
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_status_checks_changed"();
--> statement-breakpoint
CREATE TRIGGER "continuation_checks_status_update" AFTER UPDATE ON "continuation_checks"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_status_checks_changed"();
--> statement-breakpoint
CREATE TRIGGER "continuation_checks_status_delete" AFTER DELETE ON "continuation_checks"
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_status_checks_changed"();
--> statement-breakpoint
-- A pilot's end date moves its milestones: recompute the pilots whose end date changed.
CREATE FUNCTION "pilot_status_end_date_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "refresh_pilot_status"(array(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
		WHERE n.end_date IS DISTINCT FROM o.end_date));
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "pilots_status_end_date" AFTER UPDATE ON "pilots"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_status_end_date_changed"();
--> statement-breakpoint
-- What a status counts as decides every figure: a change recomputes every pilot.
CREATE FUNCTION "pilot_status_statuses_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.code = n.code WHERE n.counts_as IS DISTINCT FROM o.counts_as) THEN
		PERFORM "refresh_pilot_status"(NULL);
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "continuation_statuses_status_record" AFTER UPDATE ON "continuation_statuses"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_status_statuses_changed"();
--> statement-breakpoint
SELECT "refresh_pilot_status"(NULL);
