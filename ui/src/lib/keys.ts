// Keyboard-first search: `/` or Ctrl/Cmd+K focuses the search box; arrows move; Enter opens.

type KeyLike = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">;

/** Is `target` somewhere the user types (a field, a list box, editable text)? */
export function isEditable(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  return tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable;
}

/** Should this key press move focus to the patient search box? */
export function focusesSearch(e: KeyLike, target: EventTarget | null): boolean {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === "k") return true;
  return e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !isEditable(target);
}

/** The highlighted result after an arrow key; -1 means none highlighted. */
export function moveHighlight(current: number, count: number, key: string): number {
  if (count === 0) return -1;
  if (key === "ArrowDown") return current < count - 1 ? current + 1 : current;
  if (key === "ArrowUp") return current > 0 ? current - 1 : 0;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return current;
}
