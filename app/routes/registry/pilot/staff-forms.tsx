/**
 * The pilot page's forms for its editors and the council, in one chunk that the page loads only for
 * them (app/components/lazy-part.tsx, docs/decisions/151): the continuation check, the council's
 * publish and return, a pending edit's review and the withdrawal of a published pilot.
 */
export { PilotReview, UnpublishForm } from "~/components/pilot-review";
export { CheckForm } from "./check-form";
export { WorkflowActions } from "./workflow-actions";
