/**
 * Whether a form on the page holds input that was not saved: a field changed from what the page
 * rendered, or a form marked `data-unsaved` (it shows values a refused save sent back). Only forms
 * that post count; a filter form (GET) is in the URL, which the language switch keeps.
 */
export function hasUnsavedInput(root: ParentNode = document): boolean {
  for (const form of Array.from(root.querySelectorAll<HTMLFormElement>("main form"))) {
    if (form.method.toLowerCase() !== "post") continue;
    if (form.dataset.unsaved === "true") return true;
    for (const el of Array.from(form.elements)) {
      if (el instanceof HTMLTextAreaElement && el.value !== el.defaultValue) return true;
      if (el instanceof HTMLSelectElement && Array.from(el.options).some((o) => o.selected !== o.defaultSelected))
        return true;
      if (!(el instanceof HTMLInputElement) || ["hidden", "submit", "button", "reset", "image"].includes(el.type))
        continue;
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked !== el.defaultChecked) return true;
      } else if (el.value !== el.defaultValue) return true;
    }
  }
  return false;
}
