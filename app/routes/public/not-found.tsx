import { data } from "@remix-run/node";

/** Any unknown path under a language: the 404 page in that language. */
export async function loader() {
  throw data({ status: 404 }, { status: 404 });
}

export default function NotFound() {
  return null;
}
