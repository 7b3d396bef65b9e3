import { serializeJsonLd } from "~/utils/json-ld";
import { useNonce } from "~/utils/nonce";

/** A schema.org description of the page (docs/decisions/106), with the response's CSP nonce. */
export function JsonLd({ data }: { data: object }) {
  const nonce = useNonce();
  return (
    <script
      type="application/ld+json"
      nonce={nonce || undefined}
      // The browser hides the nonce after load, so the client's render has none.
      suppressHydrationWarning
      // biome-ignore lint/security/noDangerouslySetInnerHtml: serializeJsonLd escapes <, > and &
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  );
}
