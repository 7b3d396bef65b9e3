-- Each pilot's figures that do not depend on the reporting date (docs/decisions/156), one narrow row per
-- pilot, kept current by triggers in the writing transaction like the status record (0021):
-- cut_keys: the groups the dashboard's cuts count the pilot under, as 'dimension:key' — each programme
-- (its code), each programme's phase, target group, art form and municipality, and each region its
-- municipalities belonged to at the start of its funded period (docs/decisions/041; none without a
-- start or end date); a phase appears once per programme row that names it, as the cuts count it.
-- texts: which of the pilot's translatable texts (db/queries/parity.server.ts PARITY_FIELDS, pilot and
-- good-practice fields in that order, field i) have text in Finnish (bit 2i) and in Swedish (bit 2i+1).
-- phase: the pilot's first programme phase (the lowest id). sectors: culture 1, social 2, health 4,
-- education 8. Of its employments: the sums of days and fees, whether one says "professional", whether
-- one leaves it open (null without employments); of its funding lines: the sum, the sum of own funding
-- (null without such lines) and their number.
CREATE TABLE "pilot_figures" (
	"pilot_id" integer PRIMARY KEY NOT NULL,
	"cut_keys" text[] NOT NULL,
	"texts" integer NOT NULL,
	"phase" integer,
	"sectors" integer NOT NULL,
	"employment_days" numeric,
	"employment_fees" numeric,
	"employment_professional" boolean,
	"employment_open" boolean,
	"funding_total" numeric,
	"funding_own" numeric,
	"funding_lines" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pilot_figures" ADD CONSTRAINT "pilot_figures_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
-- Recompute the rows of the pilots `ids` (null: of every pilot). The pilots' rows are locked first, as in
-- refresh_pilot_status, so two transactions changing one pilot recompute one after the other. A few pilots
-- (a form's save) are read by their keys; many (a rebuild, a bulk load) by one grouping of each table.
-- Either way the keys are sorted, so a row is the same however it was computed.
CREATE FUNCTION "refresh_pilot_figures"(ids integer[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	IF ids IS NOT NULL THEN
		IF cardinality(ids) = 0 THEN
			RETURN;
		END IF;
		PERFORM 1 FROM "pilots" WHERE "id" = ANY(ids) ORDER BY "id" FOR NO KEY UPDATE;
	END IF;
	DELETE FROM "pilot_figures" WHERE ids IS NULL OR "pilot_id" = ANY(ids);
	IF ids IS NULL OR cardinality(ids) > 500 THEN
		INSERT INTO "pilot_figures" ("pilot_id", "cut_keys", "texts", "phase", "sectors", "employment_days", "employment_fees",
			"employment_professional", "employment_open", "funding_total", "funding_own", "funding_lines")
		SELECT p.id, coalesce(k.keys, '{}'), (SELECT coalesce(sum(CASE WHEN btrim(coalesce(t.v->>'fi', '')) <> '' THEN 1 << (2 * t.i) ELSE 0 END
				+ CASE WHEN btrim(coalesce(t.v->>'sv', '')) <> '' THEN 1 << (2 * t.i + 1) ELSE 0 END), 0)::int
			FROM (VALUES (0, p.title), (1, p.summary), (2, p.description), (3, p.easy_read), (4, p.gp_problem),
				(5, p.gp_solution), (6, p.gp_results_client), (7, p.gp_results_service), (8, p.gp_results_society)) t(i, v)),
			ph.phase, coalesce(s.bits, 0), e.days, e.fees, e.professional, e.open, f.total, f.own, coalesce(f.lines, 0)
		FROM "pilots" p
			LEFT JOIN (SELECT x.pilot_id, array_agg(x.key ORDER BY x.key) AS keys FROM (
				SELECT pp.pilot_id, 'programme:' || pr.code AS key FROM "pilot_programmes" pp JOIN "programmes" pr ON pr.id = pp.programme_id
				UNION ALL SELECT pp.pilot_id, 'phase:' || pp.phase_id FROM "pilot_programmes" pp WHERE pp.phase_id IS NOT NULL
				UNION ALL SELECT x.pilot_id, 'targetGroup:' || x.target_group_code FROM "pilot_target_groups" x
				UNION ALL SELECT x.pilot_id, 'artForm:' || x.art_form_code FROM "pilot_art_forms" x
				UNION ALL SELECT pm.pilot_id, 'municipality:' || pm.municipality_code FROM "pilot_municipalities" pm
				UNION ALL SELECT DISTINCT pm.pilot_id, 'region:' || mr.region_code FROM "pilot_municipalities" pm
					JOIN "pilots" q ON q.id = pm.pilot_id
					JOIN "municipality_regions" mr ON mr.municipality_code = pm.municipality_code
						AND mr.valid_from <= coalesce(q.start_date, q.end_date)
						AND (mr.valid_to IS NULL OR mr.valid_to > coalesce(q.start_date, q.end_date))
				) x GROUP BY x.pilot_id) k ON k.pilot_id = p.id
			LEFT JOIN (SELECT x.pilot_id, min(x.phase_id) AS phase FROM "pilot_programmes" x GROUP BY 1) ph ON ph.pilot_id = p.id
			LEFT JOIN (SELECT x.pilot_id, bit_or(CASE x.sector_code WHEN 'culture' THEN 1 WHEN 'social' THEN 2 WHEN 'health' THEN 4
				WHEN 'education' THEN 8 ELSE 0 END) AS bits FROM "pilot_sectors" x GROUP BY 1) s ON s.pilot_id = p.id
			LEFT JOIN (SELECT x.pilot_id, sum(x.days) AS days, sum(x.fee_cents) AS fees, bool_or(x.professional) AS professional,
				bool_or(x.professional IS NULL) AS open FROM "employments" x GROUP BY 1) e ON e.pilot_id = p.id
			LEFT JOIN (SELECT x.pilot_id, sum(x.amount_cents) AS total, sum(x.amount_cents) FILTER (WHERE x.kind = 'own_share') AS own,
				count(*)::int AS lines FROM "funding_lines" x GROUP BY 1) f ON f.pilot_id = p.id
		WHERE ids IS NULL OR p.id = ANY(ids);
		RETURN;
	END IF;
	INSERT INTO "pilot_figures" ("pilot_id", "cut_keys", "texts", "phase", "sectors", "employment_days", "employment_fees",
		"employment_professional", "employment_open", "funding_total", "funding_own", "funding_lines")
	SELECT p.id,
		array(SELECT k.key FROM (
			SELECT 'programme:' || pr.code AS key FROM "pilot_programmes" pp JOIN "programmes" pr ON pr.id = pp.programme_id WHERE pp.pilot_id = p.id
			UNION ALL SELECT 'phase:' || pp.phase_id FROM "pilot_programmes" pp WHERE pp.pilot_id = p.id AND pp.phase_id IS NOT NULL
			UNION ALL SELECT 'targetGroup:' || x.target_group_code FROM "pilot_target_groups" x WHERE x.pilot_id = p.id
			UNION ALL SELECT 'artForm:' || x.art_form_code FROM "pilot_art_forms" x WHERE x.pilot_id = p.id
			UNION ALL SELECT 'municipality:' || pm.municipality_code FROM "pilot_municipalities" pm WHERE pm.pilot_id = p.id
			UNION ALL SELECT DISTINCT 'region:' || mr.region_code FROM "pilot_municipalities" pm
				JOIN "municipality_regions" mr ON mr.municipality_code = pm.municipality_code
					AND mr.valid_from <= coalesce(p.start_date, p.end_date)
					AND (mr.valid_to IS NULL OR mr.valid_to > coalesce(p.start_date, p.end_date))
				WHERE pm.pilot_id = p.id
		) k ORDER BY k.key),
		(SELECT coalesce(sum(CASE WHEN btrim(coalesce(t.v->>'fi', '')) <> '' THEN 1 << (2 * t.i) ELSE 0 END
				+ CASE WHEN btrim(coalesce(t.v->>'sv', '')) <> '' THEN 1 << (2 * t.i + 1) ELSE 0 END), 0)::int
			FROM (VALUES (0, p.title), (1, p.summary), (2, p.description), (3, p.easy_read), (4, p.gp_problem),
				(5, p.gp_solution), (6, p.gp_results_client), (7, p.gp_results_service), (8, p.gp_results_society)) t(i, v)),
		(SELECT min(pp.phase_id) FROM "pilot_programmes" pp WHERE pp.pilot_id = p.id),
		(SELECT coalesce(bit_or(CASE x.sector_code WHEN 'culture' THEN 1 WHEN 'social' THEN 2 WHEN 'health' THEN 4
			WHEN 'education' THEN 8 ELSE 0 END), 0) FROM "pilot_sectors" x WHERE x.pilot_id = p.id),
		e.days, e.fees, e.professional, e.open, f.total, f.own, f.lines
	FROM "pilots" p
		CROSS JOIN LATERAL (SELECT sum(x.days) AS days, sum(x.fee_cents) AS fees, bool_or(x.professional) AS professional,
			bool_or(x.professional IS NULL) AS open FROM "employments" x WHERE x.pilot_id = p.id) e
		CROSS JOIN LATERAL (SELECT sum(x.amount_cents) AS total, sum(x.amount_cents) FILTER (WHERE x.kind = 'own_share') AS own,
			count(*)::int AS lines FROM "funding_lines" x WHERE x.pilot_id = p.id) f
	WHERE p.id = ANY(ids);
END
$$;
--> statement-breakpoint
-- A change of a pilot's links (programmes, target groups, art forms, municipalities, sectors), employments or
-- funding lines recomputes its row.
CREATE FUNCTION "pilot_figures_links_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM "refresh_pilot_figures"(array(SELECT DISTINCT pilot_id FROM new_rows));
	ELSIF TG_OP = 'DELETE' THEN
		PERFORM "refresh_pilot_figures"(array(SELECT DISTINCT pilot_id FROM old_rows));
	ELSE
		PERFORM "refresh_pilot_figures"(array(SELECT pilot_id FROM new_rows UNION SELECT pilot_id FROM old_rows));
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['pilot_programmes', 'pilot_target_groups', 'pilot_art_forms', 'pilot_municipalities', 'pilot_sectors',
		'employments', 'funding_lines'] LOOP
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_figures_links_changed"()', t || '_figures_insert', t);
		EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_figures_links_changed"()', t || '_figures_update', t);
		EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_figures_links_changed"()', t || '_figures_delete', t);
	END LOOP;
END
$$;
--> statement-breakpoint
-- A new pilot gets its row; a change of its texts or of its dates (the regions at the start of its funded
-- period) recomputes it.
CREATE FUNCTION "pilot_figures_pilots_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		PERFORM "refresh_pilot_figures"(array(SELECT id FROM new_rows));
	ELSE
		PERFORM "refresh_pilot_figures"(array(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
			WHERE (n.start_date, n.end_date, n.title, n.summary, n.description, n.easy_read, n.gp_problem, n.gp_solution,
				n.gp_results_client, n.gp_results_service, n.gp_results_society)
			IS DISTINCT FROM (o.start_date, o.end_date, o.title, o.summary, o.description, o.easy_read, o.gp_problem, o.gp_solution,
				o.gp_results_client, o.gp_results_service, o.gp_results_society)));
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "pilots_figures_insert" AFTER INSERT ON "pilots"
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_figures_pilots_changed"();
--> statement-breakpoint
CREATE TRIGGER "pilots_figures_update" AFTER UPDATE ON "pilots"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "pilot_figures_pilots_changed"();
--> statement-breakpoint
-- Reference data every pilot's keys are read through: a region's municipalities, a programme's code.
CREATE FUNCTION "pilot_figures_reference_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM "refresh_pilot_figures"(NULL);
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "municipality_regions_figures" AFTER INSERT OR UPDATE OR DELETE ON "municipality_regions"
	FOR EACH STATEMENT EXECUTE FUNCTION "pilot_figures_reference_changed"();
--> statement-breakpoint
CREATE TRIGGER "programmes_figures" AFTER UPDATE OF "code" ON "programmes"
	FOR EACH STATEMENT EXECUTE FUNCTION "pilot_figures_reference_changed"();
--> statement-breakpoint
-- The figures group by the pilot's year (pilotYearSql in db/queries/pilot-filters.server.ts): statistics on
-- it, so the planner expects a few dozen years rather than thousands of groups, and hashes them.
CREATE STATISTICS "pilots_year" ON ((extract(year from coalesce("start_date", "end_date"))::int)) FROM "pilots";
--> statement-breakpoint
SELECT "refresh_pilot_figures"(NULL);
