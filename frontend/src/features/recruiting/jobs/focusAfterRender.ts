/**
 * Moves the keyboard focus, once React has re-rendered, to the first of these
 * element ids that exists and is enabled: a row removed or moved to an end
 * must not leave the focus on nothing.
 */
export function focusAfterRender(...ids: (string | null | undefined)[]): void {
  setTimeout(() => {
    for (const id of ids) {
      const el = id ? document.getElementById(id) : null;
      if (el && !(el instanceof HTMLButtonElement && el.disabled)) {
        el.focus();
        return;
      }
    }
  });
}
