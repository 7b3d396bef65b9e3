-- The survival figures' lifetimes (docs/decisions/078, 153) read off the per-pilot status record like the
-- statuses (docs/decisions/130): on every reporting date of a span, the answers on or before it are the
-- same, and so are the last continuing answer L and the first "ended" answer F after it (db/queries/survival.server.ts).
-- l_on: L's date (null: no continuing answer); f_on and f_ended_on: F's date and its "ended on" (null: no such answer).
ALTER TABLE "pilot_status_spans" ADD COLUMN "l_on" date;
--> statement-breakpoint
ALTER TABLE "pilot_status_spans" ADD COLUMN "f_on" date;
--> statement-breakpoint
ALTER TABLE "pilot_status_spans" ADD COLUMN "f_ended_on" date;
--> statement-breakpoint
-- As in 0021, and besides, per check date: L = the running max of the continuing answers' key (date, id);
-- F = the first "ended" answer after L. The checks are numbered into segments by the count of continuing
-- answers up to each (in the order date, id): the "ended" answers after L up to a date are those of the
-- segment of that date's last check, so F is the running min of their key within that segment, read at
-- the date's last check.
CREATE OR REPLACE FUNCTION "refresh_pilot_status"(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF ids IS NOT NULL THEN
		IF cardinality(ids) = 0 THEN
			RETURN;
		END IF;
		PERFORM 1 FROM "pilots" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE;
	END IF;
	DELETE FROM "pilot_status_spans" WHERE ids IS NULL OR "pilot_id" = ANY(ids);
	INSERT INTO "pilot_status_spans" ("pilot_id", "valid_from", "valid_to", "r", "h6", "h12", "h24", "l_on", "f_on", "f_ended_on")
	SELECT d.pilot_id, d.checked_on,
		coalesce(lead(d.checked_on) OVER (PARTITION BY d.pilot_id ORDER BY d.checked_on), 'infinity'::date),
		CASE d.r % 8 WHEN 1 THEN 'continuing' WHEN 2 THEN 'partly' WHEN 3 THEN 'ended' ELSE 'unknown' END,
		CASE d.h6 % 8 WHEN 1 THEN 'continuing' WHEN 2 THEN 'partly' WHEN 3 THEN 'ended' END,
		CASE d.h12 % 8 WHEN 1 THEN 'continuing' WHEN 2 THEN 'partly' WHEN 3 THEN 'ended' END,
		CASE d.h24 % 8 WHEN 1 THEN 'continuing' WHEN 2 THEN 'partly' WHEN 3 THEN 'ended' END,
		date '1900-01-01' + (d.l / 1073741824)::int,
		f.checked_on, f.ended_on
	FROM (
		SELECT DISTINCT ON (k.pilot_id, k.checked_on) k.* FROM (
			SELECT c.pilot_id, c.checked_on, c.id,
				max(((c.checked_on - date '1900-01-01')::bigint * 1073741824 + c.id) * 8 + c.cat4) OVER w AS r,
				min(((abs(c.checked_on - c.m6)::bigint * 2 + CASE WHEN c.checked_on < c.m6 THEN 1 ELSE 0 END) * 1073741824
					+ (1073741823 - c.id)) * 8 + c.cat4) FILTER (WHERE
						(c.counts_as IN ('continuing', 'partly') AND c.checked_on >= (c.m6 - interval '1 month')::date)
						OR (c.counts_as = 'ended' AND (CASE WHEN c.ended_on IS NOT NULL THEN c.ended_on <= c.m6
							ELSE c.checked_on <= (c.m6 + interval '1 month')::date END))) OVER w AS h6,
				min(((abs(c.checked_on - c.m12)::bigint * 2 + CASE WHEN c.checked_on < c.m12 THEN 1 ELSE 0 END) * 1073741824
					+ (1073741823 - c.id)) * 8 + c.cat4) FILTER (WHERE
						(c.counts_as IN ('continuing', 'partly') AND c.checked_on >= (c.m12 - interval '1 month')::date)
						OR (c.counts_as = 'ended' AND (CASE WHEN c.ended_on IS NOT NULL THEN c.ended_on <= c.m12
							ELSE c.checked_on <= (c.m12 + interval '1 month')::date END))) OVER w AS h12,
				min(((abs(c.checked_on - c.m24)::bigint * 2 + CASE WHEN c.checked_on < c.m24 THEN 1 ELSE 0 END) * 1073741824
					+ (1073741823 - c.id)) * 8 + c.cat4) FILTER (WHERE
						(c.counts_as IN ('continuing', 'partly') AND c.checked_on >= (c.m24 - interval '1 month')::date)
						OR (c.counts_as = 'ended' AND (CASE WHEN c.ended_on IS NOT NULL THEN c.ended_on <= c.m24
							ELSE c.checked_on <= (c.m24 + interval '1 month')::date END))) OVER w AS h24,
				max((c.checked_on - date '1900-01-01')::bigint * 1073741824 + c.id)
					FILTER (WHERE c.counts_as IN ('continuing', 'partly')) OVER w AS l,
				min((c.checked_on - date '1900-01-01')::bigint * 1073741824 + c.id)
					FILTER (WHERE c.counts_as = 'ended') OVER (PARTITION BY c.pilot_id, c.seg ORDER BY c.checked_on, c.id
						ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS f
			FROM (
				SELECT c.pilot_id, c.checked_on, c.id, c.ended_on, e.counts_as, e.cat4, e.m6, e.m12, e.m24,
					count(*) FILTER (WHERE e.counts_as IN ('continuing', 'partly')) OVER (PARTITION BY c.pilot_id
						ORDER BY c.checked_on, c.id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS seg
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
			) c
			WINDOW w AS (PARTITION BY c.pilot_id ORDER BY c.checked_on RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
		) k
		ORDER BY k.pilot_id, k.checked_on, k.id DESC
	) d
	LEFT JOIN "continuation_checks" f ON f.id = (d.f % 1073741824)::int;
END
$$;
--> statement-breakpoint
SELECT "refresh_pilot_status"(NULL);
