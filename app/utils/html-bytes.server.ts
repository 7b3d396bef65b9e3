/**
 * React 18's streaming renderer encodes text into 2,048-byte views; when a multi-byte character does
 * not fit at the end of a view it still hands over the whole view, so one or two NUL bytes stand
 * before the character (facebook/react#24985, fixed only in React 19). Browsers show them as "�",
 * and inside a <textarea> they are posted back and saved. Valid HTML never contains a NUL, so every
 * NUL byte is dropped from the rendered page.
 */
export function dropNulBytes(html: Buffer): Buffer<ArrayBuffer> {
  let nul = html.indexOf(0);
  if (nul < 0) return html as Buffer<ArrayBuffer>;
  const out = Buffer.allocUnsafe(html.length);
  let length = 0;
  let start = 0;
  while (nul >= 0) {
    length += html.copy(out, length, start, nul);
    start = nul + 1;
    nul = html.indexOf(0, start);
  }
  length += html.copy(out, length, start);
  return out.subarray(0, length) as Buffer<ArrayBuffer>;
}
