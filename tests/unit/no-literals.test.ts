/**
 * No user-visible literal string in app/: JSX text and the text attributes people read or hear
 * (aria-label, title, placeholder, alt, label) must come from the locale files.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "title",
  "placeholder",
  "alt",
  "label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
]);
// Characters that are not words: punctuation and separators used between translated parts.
const ALLOWED = /^[\s\-–—·,.:;()/|×*+=%€#&!?…"'„”’()[\]{}0-9]*$/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.tsx$/.test(e.name) && !/\.test\.tsx$/.test(e.name) ? [p] : [];
  });
}

function findLiterals(file: string, source: string) {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const text = node.getText().trim();
      if (text && !ALLOWED.test(text))
        found.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: "${text}"`);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText())) {
      const init = node.initializer;
      const literal =
        init && ts.isStringLiteral(init)
          ? init.text
          : init && ts.isJsxExpression(init) && init.expression && ts.isStringLiteral(init.expression)
            ? init.expression.text
            : null;
      if (literal && !ALLOWED.test(literal))
        found.push(
          `${file}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.name.getText()}="${literal}"`,
        );
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe("no user-visible literal strings in app/", () => {
  it("finds a literal when there is one (the check itself works)", () => {
    expect(findLiterals("x.tsx", `const A = () => <p title="Hei">Tervetuloa {name}</p>;`)).toHaveLength(2);
    expect(findLiterals("x.tsx", `const A = () => <p>{t("x")} – {n}</p>;`)).toHaveLength(0);
  });

  it("app/ has none", () => {
    const all = files(path.resolve("app")).flatMap((f) =>
      findLiterals(path.relative(process.cwd(), f), fs.readFileSync(f, "utf8")),
    );
    expect(all).toEqual([]);
  });
});
