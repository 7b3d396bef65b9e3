/**
 * An employment row's artist (docs/decisions/148). A chosen artist shows by name with a button to
 * change it. Otherwise the row has a search field: with JavaScript a combobox (the WAI-ARIA 1.2
 * pattern with a list box) that asks the search resource as one types; without it a "Search" button
 * that posts the form, which comes back with everything typed kept and the matches as radio buttons.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { ErrorText, fieldId } from "~/components/field";
import {
  ARTIST_CHANGE,
  ARTIST_QUERY_MAX,
  ARTIST_SEARCH,
  type ArtistSearch,
  artistField,
  artistSearchUrl,
  type PickedArtist,
  searchField,
} from "~/utils/artist-picker";
import type { Kit } from "./pilot-form-kit";

/** True once React runs in the browser: the row then searches as one types instead of by posting. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function ArtistPicker({ kit, row }: { kit: Kit; row: number }) {
  const { t, v, e, options } = kit;
  const posted = v(artistField(row));
  const [chosen, setChosen] = useState<PickedArtist | null>(
    () => options.artists.find((a) => String(a.id) === posted) ?? null,
  );
  const [focusOn, setFocusOn] = useState<"change" | "search" | null>(null);
  const hydrated = useHydrated();
  const id = fieldId(artistField(row));
  const error = e(artistField(row));
  const search = options.artistSearch?.row === row ? options.artistSearch : null;
  const n = row + 1;
  // After choosing, focus the button that changes the choice; after "change", the search field.
  useEffect(() => {
    if (focusOn) document.getElementById(id)?.focus();
  }, [focusOn, id]);

  if (chosen) {
    return (
      <div className={`field artist-picker ${error ? "field-error" : ""}`} id={`${id}-row`}>
        <span className="label" id={`${id}-label`}>
          {t("form.artist", { n })}
        </span>
        {error ? <ErrorText id={`${id}-error`} message={error} /> : null}
        <input type="hidden" name={artistField(row)} value={chosen.id} />
        <p className="artist-chosen">
          <span id={`${id}-name`}>{chosen.name}</span>{" "}
          <button
            id={id}
            className="button button-secondary"
            // The visible text first, then the row: each row's button has its own name.
            aria-label={`${t("form.artistChange")}, ${t("form.rowN", { n })}`}
            aria-describedby={[`${id}-label`, `${id}-name`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
            {...(hydrated
              ? {
                  type: "button" as const,
                  onClick: () => {
                    setChosen(null);
                    setFocusOn("search");
                  },
                }
              : {
                  type: "submit" as const,
                  name: "intent",
                  value: `${ARTIST_CHANGE}:${row}`,
                  formAction: `#${id}-row`,
                })}
          >
            {t("form.artistChange")}
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className={`field artist-picker ${error ? "field-error" : ""}`} id={`${id}-row`}>
      <label htmlFor={id} id={`${id}-label`}>
        {t("form.artist", { n })}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {t("form.artistSearchHint")}
      </p>
      {error ? <ErrorText id={`${id}-error`} message={error} /> : null}
      {hydrated ? (
        <Combobox
          kit={kit}
          id={id}
          row={row}
          initial={search?.q ?? v(searchField(row))}
          invalid={Boolean(error)}
          onChoose={(a) => {
            setChosen(a);
            setFocusOn("change");
          }}
        />
      ) : (
        <div className="artist-search">
          <input
            id={id}
            name={searchField(row)}
            type="text"
            defaultValue={search?.q ?? v(searchField(row))}
            autoComplete="off"
            maxLength={ARTIST_QUERY_MAX}
            aria-invalid={error ? true : undefined}
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
          />
          <button
            type="submit"
            name="intent"
            value={`${ARTIST_SEARCH}:${row}`}
            formAction={`#${id}-row`}
            className="button button-secondary"
            aria-label={`${t("form.artistSearch")}, ${t("form.rowN", { n })}`}
          >
            {t("form.artistSearch")}
          </button>
        </div>
      )}
      {search ? <Matches kit={kit} id={id} row={row} search={search} /> : null}
    </div>
  );
}

/** Without JavaScript: the matches of the row's search, to choose one from before saving. */
function Matches({ kit, id, row, search }: { kit: Kit; id: string; row: number; search: ArtistSearch }) {
  const { t } = kit;
  if (!search.q) return null;
  if (!search.results.length) return <p className="notice">{t("form.artistNoResults")}</p>;
  return (
    <fieldset className="checkbox-group artist-matches">
      <legend>{t("form.artistMatches", { q: search.q, n: row + 1, count: search.results.length })}</legend>
      {search.results.map((a) => (
        <label className="checkbox" key={a.id} htmlFor={`${id}-opt-${a.id}`}>
          <input type="radio" id={`${id}-opt-${a.id}`} name={artistField(row)} value={a.id} />
          {a.name}
        </label>
      ))}
    </fieldset>
  );
}

/** How long typing rests before the search is asked. */
const PAUSE_MS = 200;

/** The WAI-ARIA 1.2 combobox with a list box: arrows move, Enter chooses, Escape closes (then clears). */
function Combobox({
  kit,
  id,
  row,
  initial,
  invalid,
  onChoose,
}: {
  kit: Kit;
  id: string;
  row: number;
  initial: string;
  invalid: boolean;
  onChoose: (a: PickedArtist) => void;
}) {
  const { t, lang } = kit;
  const [q, setQ] = useState(initial);
  const [results, setResults] = useState<PickedArtist[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const asked = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listId = `${id}-listbox`;

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      asked.current?.abort();
    },
    [],
  );
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [active, listId]);

  function ask(text: string) {
    asked.current?.abort();
    if (!text.trim()) {
      setResults([]);
      setOpen(false);
      setStatus("");
      return;
    }
    const controller = new AbortController();
    asked.current = controller;
    fetch(artistSearchUrl(lang, text.trim()), { signal: controller.signal, headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? (r.json() as Promise<{ artists: PickedArtist[] }>) : Promise.reject(r.status)))
      .then((body) => {
        setResults(body.artists);
        setActive(-1);
        setOpen(true);
        setStatus(
          body.artists.length ? t("form.artistResults", { count: body.artists.length }) : t("form.artistNoResults"),
        );
      })
      .catch(() => {
        if (controller.signal.aborted) return;
        setResults([]);
        setOpen(false);
        setStatus(t("form.artistSearchFailed"));
      });
  }

  function typed(text: string) {
    setQ(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => ask(text), PAUSE_MS);
  }

  function choose(a: PickedArtist) {
    // Leave the field before it goes: a field removed while focused would be checked on a blur that
    // the form's own submit handling no longer sees (the browser would post the form).
    input.current?.blur();
    setOpen(false);
    setStatus("");
    onChoose(a);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = results.length - 1;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!results.length) return;
      if (!open) {
        setOpen(true);
        setActive(event.key === "ArrowDown" ? 0 : last);
        return;
      }
      setActive((i) => (event.key === "ArrowDown" ? (i >= last ? 0 : i + 1) : i <= 0 ? last : i - 1));
    } else if (event.key === "Enter") {
      // Enter chooses the highlighted artist; with the list open it never submits the form.
      if (open) event.preventDefault();
      if (open && active >= 0 && results[active]) choose(results[active]);
    } else if (event.key === "Escape") {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (q) {
        event.preventDefault();
        typed("");
      }
    }
  }

  const expanded = open && results.length > 0;
  return (
    <div className="artist-search artist-combobox">
      <input
        ref={input}
        id={id}
        name={searchField(row)}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={[`${id}-hint`, invalid ? `${id}-error` : null].filter(Boolean).join(" ")}
        autoComplete="off"
        maxLength={ARTIST_QUERY_MAX}
        value={q}
        onChange={(ev) => typed(ev.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <div role="listbox" id={listId} aria-labelledby={`${id}-label`} hidden={!expanded}>
        {results.map((a, i) => (
          // A click chooses; pressing keeps the focus in the field, whose keys move in the list (no key handler here).
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's field handles the keys (aria-activedescendant)
          <div
            key={a.id}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(ev) => ev.preventDefault()}
            onClick={() => choose(a)}
          >
            {a.name}
          </div>
        ))}
      </div>
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
