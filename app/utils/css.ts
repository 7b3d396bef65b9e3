/**
 * A CSS string literal for text placed inside a `<style>` element: quotes and backslashes escaped, and
 * `<`, `>`, `&` and line breaks written as CSS escapes, so the text can neither close the element nor
 * be changed by HTML escaping (a `<style>` is raw text: `&quot;` there would stay six characters).
 */
export function cssString(text: string): string {
  const escaped = text.replace(/["\\<>&\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `);
  return `"${escaped}"`;
}
