import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { z } from "zod";
import { createUser } from "../../api/admin";
import { can } from "../../auth/permissions";
import { useMe } from "../../auth/useMe";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { TextField } from "../../components/ui/TextField";
import { CompanyPicker } from "../../features/admin/CompanyPicker";
import { RoleField } from "../../features/admin/RoleField";
import { PageHeader, cardClass } from "../../features/admin/ui";
import { applyFieldErrors } from "../../lib/applyFieldErrors";
import { errorMessage } from "../../lib/errorMessages";
import { isApiError } from "../../services/apiError";

const schema = z.object({
  email: z.string().trim().min(1, "Enter an email address.").email("Enter a valid email address."),
  full_name: z.string().trim().min(1, "Enter the full name."),
  role: z.string().trim().min(1, "Enter a role name."),
  company_id: z.string(),
});
type Values = z.infer<typeof schema>;

/** `/admin/users/new`: `POST /api/admin/users`; the user is emailed an activation link. */
export function NewUserPage() {
  const me = useMe().data;
  const superAdmin = can(me, "companies:manage");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: "", full_name: "", role: "", company_id: "" },
  });

  const submit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await createUser({ email: values.email, full_name: values.full_name, role: values.role, company_id: values.company_id || null });
      await queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
      navigate(`/admin/users/${user.id}`, { state: { created: true } });
    } catch (error) {
      if (isApiError(error, "email_taken")) setError("email", { type: "server", message: errorMessage(error) });
      else if (!applyFieldErrors(error, ["email", "full_name", "role", "company_id"], setError)) setFormError(errorMessage(error));
    }
  });

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageHeader title="New user" description="They get an email with a link to set their password (valid 72 hours)." />
      <form onSubmit={submit} noValidate className={`${cardClass} space-y-4`}>
        {formError && <Alert title="Could not create the user">{formError}</Alert>}
        <TextField label="Email" type="email" autoComplete="off" error={formState.errors.email?.message} {...register("email")} />
        <TextField label="Full name" autoComplete="off" error={formState.errors.full_name?.message} {...register("full_name")} />
        <RoleField hint="A system role of the company's kind or one of its custom roles." error={formState.errors.role?.message} {...register("role")} />
        {superAdmin && <CompanyPicker error={formState.errors.company_id?.message} {...register("company_id")} />}
        <div className="flex gap-2">
          <Button type="submit" disabled={formState.isSubmitting}>
            Create user
          </Button>
          <Button variant="ghost" onClick={() => navigate("/admin/users")}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  );
}
