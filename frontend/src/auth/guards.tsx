import { ShieldOff } from "lucide-react";
import type { ReactNode } from "react";
import { Alert } from "../components/ui/Alert";
import { Spinner } from "../components/ui/Spinner";
import { errorMessage } from "../lib/errorMessages";
import { isApiError } from "../services/apiError";
import { can } from "./permissions";
import { useMe } from "./useMe";

/** Renders its children only for a signed-in user. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) {
    return (
      <div className="grid min-h-screen place-items-center">
        <Spinner label="Checking your session" />
      </div>
    );
  }
  if (me.isError) {
    // A 401 already sent the browser to /sign-in; anything else is worth saying.
    if (isApiError(me.error) && me.error.status === 401) return null;
    return (
      <div className="mx-auto max-w-md p-8">
        <Alert title="Could not load your account">{errorMessage(me.error)}</Alert>
      </div>
    );
  }
  return <>{children}</>;
}

/** Role guard: pages needing a permission show a refusal instead of failing API calls. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const me = useMe();
  if (!can(me.data, permission)) {
    return (
      <div className="mx-auto max-w-lg p-8 text-center">
        <ShieldOff aria-hidden className="mx-auto mb-3 size-8 text-slate-400" />
        <h1 className="text-lg font-semibold">Not available for your role</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">Your account does not include access to this page.</p>
      </div>
    );
  }
  return <>{children}</>;
}
