/**
 * The browser's i18next (docs/decisions/146): the part of i18next's API this app uses, in a few
 * hundred bytes instead of i18next's 14 KB gzip. The client build resolves `i18next` here
 * (vite.config.ts); the server, the mails and the tests use i18next itself, and
 * `i18next.test.ts` checks that both translate every key of every locale file the same way, so that
 * a page hydrates without a mismatch.
 *
 * What it does as i18next 23 does with this app's settings (`interpolation.escapeValue: false`,
 * no fallback language): "ns:key.path" lookups in nested resources, a default namespace, plural
 * keys by `Intl.PluralRules` ("_zero" for 0 first, then "_one"/"_other"…, then the key),
 * `defaultValue` (also as the second argument), `lng` and `ns` options, `{{name}}` and `{{a.b}}`
 * interpolation (an unknown name stays as written), the key itself when nothing is found, and
 * namespaces loaded through a backend with a "loaded" event. Not here: nesting (`$t(…)`), context,
 * formats, `returnObjects`; the locale files use none of them (the test would fail).
 */
type Resources = Record<string, Record<string, Record<string, unknown>>>;
type Options = Record<string, unknown>;
type Done = (error: unknown, data?: Record<string, unknown>) => void;
type Module = { type: string; init?: (instance: I18n) => void; read?: (lng: string, ns: string, done: Done) => void };
type Listener = (...args: unknown[]) => void;
type InitOptions = { lng?: string; defaultNS?: string; resources?: Resources } & Options;

const rules = new Map<string, Intl.PluralRules>();
function pluralSuffix(lng: string, count: number) {
  const rule = rules.get(lng) ?? new Intl.PluralRules(lng);
  rules.set(lng, rule);
  return `_${rule.select(count)}`;
}

const valid = (value: unknown) => value !== undefined && value !== null;
const NATURAL = /[ ,?!;]/;

function getPath(object: unknown, path: string): unknown {
  let current = object;
  for (const part of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  if (current === undefined && object && typeof object === "object") return (object as Record<string, unknown>)[path];
  return current;
}

/** "ns:a.b" → its namespace and key; a key that reads like a sentence keeps its colon. */
function splitKey(key: string, ns: string | string[]) {
  const dot = key.indexOf(".");
  const head = dot > 0 ? key.slice(0, dot) : key;
  if (key.includes(":") && (!NATURAL.test(key) || !NATURAL.test(head))) {
    const parts = key.split(":");
    return { key: parts.slice(1).join("."), namespaces: [parts[0]] };
  }
  return { key, namespaces: typeof ns === "string" ? [ns] : ns };
}

function interpolate(text: string, data: Options) {
  return text.replace(/\{\{-?(.+?)\}\}/g, (match, name: string) => {
    const value = getPath(data, name.trim());
    if (value === undefined) return Object.hasOwn(data, name.trim()) ? "" : match;
    return value === null ? "" : String(value);
  });
}

export type TFunction = (key: string | string[], options?: Options | string, more?: Options) => string;

class I18n {
  language = "";
  languages: string[] = [];
  isInitialized = false;
  options: InitOptions = {};
  services = {
    resourceStore: {
      data: {} as Resources,
      getResource(lng: string, ns: string, key: string): unknown {
        return getPath(this.data[lng]?.[ns], key);
      },
    },
  };
  private backend: Module | null = null;
  private listeners = new Map<string, Set<Listener>>();

  use(module: Module) {
    if (module.type === "backend") this.backend = module;
    else module.init?.(this);
    return this;
  }

  init(options: InitOptions) {
    this.options = { defaultNS: "translation", ...options };
    this.language = options.lng ?? "";
    this.languages = [this.language];
    this.services.resourceStore.data = options.resources ?? {};
    this.isInitialized = true;
    return this;
  }

  on(event: string, listener: Listener) {
    const set = this.listeners.get(event) ?? new Set();
    set.add(listener);
    this.listeners.set(event, set);
  }

  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
  }

  hasResourceBundle(lng: string, ns: string) {
    return this.services.resourceStore.data[lng]?.[ns] !== undefined;
  }

  hasLoadedNamespace(ns: string) {
    return this.hasResourceBundle(this.language, ns);
  }

  /** Loads the namespaces missing in this language through the backend, then emits "loaded". */
  loadNamespaces(ns: string | string[], callback?: (error?: unknown) => void): Promise<void> {
    const lng = this.language;
    const missing = (typeof ns === "string" ? [ns] : ns).filter((n) => !this.hasResourceBundle(lng, n));
    const read = this.backend?.read?.bind(this.backend);
    const loads = read
      ? missing.map(
          (n) =>
            new Promise<void>((resolve, reject) =>
              read(lng, n, (error, data) => {
                if (error || !data) return reject(error);
                const store = this.services.resourceStore.data;
                store[lng] = store[lng] ?? {};
                store[lng][n] = data;
                resolve();
              }),
            ),
        )
      : [];
    return Promise.all(loads).then(
      () => {
        if (missing.length) for (const listener of this.listeners.get("loaded") ?? []) listener({ [lng]: missing });
        callback?.();
      },
      (error) => {
        callback?.(error);
        throw error;
      },
    );
  }

  getFixedT(lng: string | null, ns?: string | string[]): TFunction {
    return (key, options, more) => {
      const o: Options = typeof options === "string" ? { ...more, defaultValue: options } : { ...options };
      return this.translate(key, { ...o, lng: o.lng ?? lng ?? undefined, ns: o.ns ?? ns });
    };
  }

  t: TFunction = (key, options, more) => this.getFixedT(null)(key, options, more);

  private translate(keys: string | string[], o: Options) {
    if (keys === undefined || keys === null) return "";
    const list = Array.isArray(keys) ? keys : [String(keys)];
    const lng = (o.lng as string | undefined) ?? this.language;
    const ns = (o.ns as string | string[] | undefined) ?? this.options.defaultNS ?? "translation";
    const count = o.count;
    const plural = count !== undefined && typeof count !== "string";
    const suffix = plural ? pluralSuffix(lng, Number(count)) : "";
    const store = this.services.resourceStore;
    let found: unknown;
    for (const k of list) {
      const { key, namespaces } = splitKey(k, ns);
      for (const n of namespaces) {
        const candidates = plural ? [...(count === 0 ? [`${key}_zero`] : []), key + suffix, key] : [key];
        for (const candidate of candidates) {
          found = store.getResource(lng, n, candidate);
          if (valid(found)) break;
        }
        if (valid(found)) break;
      }
      if (valid(found)) break;
    }
    const { key } = splitKey(list[list.length - 1], ns);
    let res = found;
    if (!valid(res)) {
      const byCount = plural ? (count === 0 && o.defaultValue_zero) || o[`defaultValue${suffix}`] : undefined;
      res = byCount || o.defaultValue;
    }
    if (!valid(res)) res = key;
    if (typeof res === "object") return `key '${key} (${this.language})' returned an object instead of string.`;
    return typeof res === "string" ? interpolate(res, o) : (res as string);
  }
}

export type { I18n as i18n };

export function createInstance() {
  return new I18n();
}
