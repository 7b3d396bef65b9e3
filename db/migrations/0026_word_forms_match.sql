-- The word-form search (docs/decisions/080) as the indexes read it (docs/decisions/154): for each search
-- word, the prefixes it matches by (the word, its Finnish and Swedish stems, the word cut by two letters),
-- without those that another of them already covers ('teatteri:*' and 'teatter:*' find nothing that
-- 'teatte:*' does not); the words ANDed. It finds exactly the rows the full query finds, but the GIN
-- index expands each prefix over every indexed word that begins with it, so four prefixes cost four
-- scans of the same posting lists. A piece that is not one prefix (a stop word gives none; a word the
-- parser splits gives several) is kept as it is. Immutable, so the planner computes it once per statement.
CREATE OR REPLACE FUNCTION "word_forms_match"(words text[]) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	w text;
	cut text;
	piece tsquery;
	pieces tsquery[];
	prefixes text[];
	alternatives text;
	kept tsquery;
	result tsquery;
	m text[];
BEGIN
	FOREACH w IN ARRAY words LOOP
		pieces := ARRAY[to_tsquery('simple', w || ':*'), to_tsquery('finnish', w || ':*'), to_tsquery('swedish', w || ':*')];
		cut := left(w, greatest(4, length(w) - 2));
		IF length(w) >= 5 AND cut <> w THEN
			pieces := pieces || to_tsquery('simple', cut || ':*');
		END IF;
		prefixes := '{}';
		kept := NULL;
		FOREACH piece IN ARRAY pieces LOOP
			m := regexp_match(piece::text, '^''([^'']+)'':\*$');
			IF m IS NOT NULL THEN
				prefixes := prefixes || m[1];
			ELSIF numnode(piece) > 0 THEN
				kept := CASE WHEN kept IS NULL THEN piece ELSE kept || piece END;
			END IF;
		END LOOP;
		SELECT string_agg(quote_literal(d.p) || ':*', ' | ' ORDER BY d.p) INTO alternatives
			FROM (SELECT DISTINCT p FROM unnest(prefixes) p) d
			WHERE NOT EXISTS (SELECT 1 FROM unnest(prefixes) o WHERE o <> d.p AND starts_with(d.p, o));
		IF alternatives IS NOT NULL THEN
			kept := CASE WHEN kept IS NULL THEN alternatives::tsquery ELSE alternatives::tsquery || kept END;
		END IF;
		IF kept IS NOT NULL THEN
			result := CASE WHEN result IS NULL THEN kept ELSE result && kept END;
		END IF;
	END LOOP;
	RETURN result;
END
$$;
