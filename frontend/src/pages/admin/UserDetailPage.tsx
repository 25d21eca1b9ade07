import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link, useLocation, useParams } from "react-router";
import { z } from "zod";
import { deactivateUser, getUser, holdLogin, reactivateUser, releaseLogin, resendActivation, unlockUser, updateUser } from "../../api/admin";
import type { UserAccount } from "../../api/types";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { TextField } from "../../components/ui/TextField";
import { RoleField } from "../../features/admin/RoleField";
import { QueryError } from "../../components/ui/QueryError";
import { Badge, ConfirmButton, PageHeader, TextAreaField, cardClass, formatDateTime } from "../../features/admin/ui";
import { isLocked, statusTone, userStatuses } from "../../features/admin/userLabels";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

/** `/admin/users/:id`: one user, the edit form and the account actions the caller's permissions allow. */
export function UserDetailPage() {
  const { id = "" } = useParams();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const user = useQuery({ queryKey: ["admin", "user", id], queryFn: () => getUser(id) });

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link to="/admin/users" className="inline-flex items-center gap-1 text-sm text-indigo-600 hover:underline dark:text-indigo-400">
        <ArrowLeft aria-hidden className="size-4" /> All users
      </Link>
      {user.isPending ? (
        <Spinner label="Loading the user" />
      ) : user.isError ? (
        <QueryError title={isApiError(user.error) && user.error.status === 404 ? "User not found" : "Could not load the user"} error={user.error} />
      ) : (
        <UserDetails user={user.data} created={!!created} />
      )}
    </div>
  );
}

function UserDetails({ user, created }: { user: UserAccount; created: boolean }) {
  const me = useMe().data;
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(created ? "User created: the activation email is on its way." : null);
  const [actionError, setActionError] = useState<string | null>(null);

  const action = useMutation({
    mutationFn: ({ run }: { run: () => Promise<unknown>; done: string }) => run(),
    onMutate: () => {
      setNotice(null);
      setActionError(null);
    },
    onSuccess: async (_data, { done }) => {
      setNotice(done);
      await queryClient.invalidateQueries({ queryKey: ["admin", "user", user.id] });
      await queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
    },
    onError: (error) => setActionError(errorMessage(error)),
  });
  const run = (fn: () => Promise<unknown>, done: string) => action.mutate({ run: fn, done });

  return (
    <>
      <PageHeader title={user.full_name} description={user.email} />
      <div aria-live="polite">
        {notice && <Alert tone="info">{notice}</Alert>}
        {actionError && <Alert title="The action was refused">{actionError}</Alert>}
      </div>

      <dl className={`${cardClass} grid gap-3 text-sm sm:grid-cols-2`}>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Status</dt>
          <dd className="flex flex-wrap gap-1">
            <Badge tone={statusTone(user.status)}>{userStatuses[user.status] ?? user.status}</Badge>
            {isLocked(user) && <Badge tone="amber">Locked until {formatDateTime(user.locked_until)}</Badge>}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Roles</dt>
          <dd>{user.roles.join(", ") || "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Company</dt>
          <dd>{user.company ? `${user.company.name} (${user.company.type})` : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Last sign-in</dt>
          <dd>{formatDateTime(user.last_login_at)}</dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">Created</dt>
          <dd>{formatDateTime(user.created_at)}</dd>
        </div>
        {user.login_hold_reason && (
          <div className="sm:col-span-2">
            <dt className="text-slate-500 dark:text-slate-400">Login on hold</dt>
            <dd className="whitespace-pre-wrap">{user.login_hold_reason}</dd>
          </div>
        )}
      </dl>

      <section aria-labelledby="actions-title" className={`${cardClass} space-y-3`}>
        <h2 id="actions-title" className="font-semibold">
          Account actions
        </h2>
        <div className="flex flex-wrap gap-2">
          {can(me, "users:deactivate") &&
            (user.status === "deactivated" ? (
              <Button variant="secondary" disabled={action.isPending} onClick={() => run(() => reactivateUser(user.id), "User reactivated.")}>
                Reactivate
              </Button>
            ) : (
              <ConfirmButton
                label="Deactivate"
                confirmLabel="Deactivate and end all sessions"
                disabled={action.isPending}
                onConfirm={() => run(() => deactivateUser(user.id), "User deactivated: every session has ended.")}
              />
            ))}
          {can(me, "users:update") && isLocked(user) && (
            <Button variant="secondary" disabled={action.isPending} onClick={() => run(() => unlockUser(user.id), "Lockout cleared.")}>
              Unlock
            </Button>
          )}
          {can(me, "users:update") && user.login_hold_reason && (
            <Button variant="secondary" disabled={action.isPending} onClick={() => run(() => releaseLogin(user.id), "Login hold released.")}>
              Release login hold
            </Button>
          )}
          {can(me, "users:create") && user.status === "pending_activation" && (
            <Button variant="secondary" disabled={action.isPending} onClick={() => run(() => resendActivation(user.id), "A fresh activation link was emailed.")}>
              Resend activation email
            </Button>
          )}
        </div>
        {can(me, "users:update") && !user.login_hold_reason && (
          <HoldLoginForm disabled={action.isPending} onHold={(reason) => run(() => holdLogin(user.id, reason), "Login on hold: every session has ended.")} />
        )}
      </section>

      {can(me, "users:update") && <EditUserForm user={user} />}
    </>
  );
}

function HoldLoginForm({ onHold, disabled }: { onHold: (reason: string) => void; disabled: boolean }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        const trimmed = reason.trim();
        if (!trimmed || trimmed.length > 500) return setError("Give a reason of 1 to 500 characters.");
        setError(undefined);
        onHold(trimmed);
        setReason("");
      }}
    >
      <TextAreaField label="Reason for holding the login" rows={2} maxLength={500} value={reason} error={error} onChange={(e) => setReason(e.target.value)} />
      <Button type="submit" variant="secondary" disabled={disabled}>
        Hold login
      </Button>
    </form>
  );
}

const editSchema = z.object({ full_name: z.string().trim().min(1, "Enter the full name."), role: z.string().trim() });
type EditValues = z.infer<typeof editSchema>;

function EditUserForm({ user }: { user: UserAccount }) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const current = user.roles[0] ?? "";
  const { register, handleSubmit, setError, formState } = useForm<EditValues>({
    resolver: zodResolver(editSchema),
    values: { full_name: user.full_name, role: current },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    setSaved(false);
    try {
      const updated = await updateUser(user.id, {
        full_name: values.full_name !== user.full_name ? values.full_name : null,
        role: values.role && values.role !== current ? values.role : null,
      });
      queryClient.setQueryData(["admin", "user", user.id], updated);
      await queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
      setSaved(true);
    } catch (error) {
      if (isApiError(error, "cannot_change_own_role")) setError("role", { type: "server", message: errorMessage(error) });
      else if (!applyFieldErrors(error, ["full_name", "role"], setError)) setFormError(errorMessage(error));
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-labelledby="edit-title" className={`${cardClass} space-y-4`}>
      <h2 id="edit-title" className="font-semibold">
        Edit
      </h2>
      {formError && <Alert title="Could not save">{formError}</Alert>}
      {saved && <Alert tone="info">Saved.</Alert>}
      <TextField label="Full name" error={formState.errors.full_name?.message} {...register("full_name")} />
      <RoleField hint="The new role replaces the current one." error={formState.errors.role?.message} {...register("role")} />
      <Button type="submit" disabled={formState.isSubmitting}>
        Save changes
      </Button>
    </form>
  );
}
