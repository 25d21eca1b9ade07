import { apiBaseUrl } from "../../services/config";

const providers = [
  { id: "google", label: "Continue with Google" },
  { id: "outlook", label: "Continue with Outlook" },
] as const;

/** Where a browser starts single sign-on: a plain navigation, the API answers with a redirect to the provider. */
export function ssoStartUrl(provider: (typeof providers)[number]["id"]): string {
  return `${apiBaseUrl()}/api/auth/sso/${provider}/start`;
}

/** Google and Outlook sign-in: plain links (full-page navigation), never fetch calls. */
export function SsoButtons() {
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400" aria-hidden>
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-800" />
        or
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-800" />
      </div>
      <ul className="space-y-2">
        {providers.map((provider) => (
          <li key={provider.id}>
            <a
              href={ssoStartUrl(provider.id)}
              className="flex w-full items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800"
            >
              {provider.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
