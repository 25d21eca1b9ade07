import { useRef } from "react";
import { useSearchParams } from "react-router";

/**
 * The query string as a list page's state, with the API's parameter names:
 * any filter change goes back to page 1, and empty values leave the URL.
 */
export function useUrlFilters<F extends string>(names: readonly F[]) {
  const [params, setParams] = useSearchParams();
  const values = {} as Partial<Record<F, string>>;
  for (const name of names) {
    const value = params.get(name)?.trim();
    if (value) values[name] = value;
  }
  const rawPage = Number(params.get("page"));
  const page = Number.isInteger(rawPage) && rawPage > 1 ? rawPage : 1;

  const update = (change: Partial<Record<F | "page", string | null>>) => {
    const next = new URLSearchParams(params);
    if (!("page" in change)) next.delete("page");
    for (const [name, value] of Object.entries(change) as [string, string | null | undefined][]) {
      if (value && !(name === "page" && value === "1")) next.set(name, value);
      else next.delete(name);
    }
    setParams(next);
  };
  const clear = () => setParams(new URLSearchParams());
  /** `key` changes with the URL: a filter form keyed on it refills its inputs on Back/Forward and after a clear. */
  return { values, page, update, clear, active: Object.keys(values).length > 0, key: params.toString() };
}

/**
 * The text inputs of a filter form as typed (not yet applied), trimmed: a
 * select change sends them along so it does not lose what was typed.
 */
export function useTypedFilters<F extends string>(names: readonly F[]) {
  const formRef = useRef<HTMLFormElement>(null);
  const typed = () => {
    const form = new FormData(formRef.current ?? undefined);
    return Object.fromEntries(names.map((name) => [name, String(form.get(name) ?? "").trim()])) as Record<F, string>;
  };
  return { formRef, typed };
}
