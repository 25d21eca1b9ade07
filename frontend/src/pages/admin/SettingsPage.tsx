import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { listEmailTemplates, previewEmailTemplate, resetEmailTemplate, saveEmailTemplate, getSettings, updateSettings } from "../../api/admin";
import type { EmailTemplate, RenderedTemplate, TenantSettings } from "../../api/types";
import { Alert } from "../../components/ui/Alert";
import { Button } from "../../components/ui/Button";
import { Spinner } from "../../components/ui/Spinner";
import { TextField } from "../../components/ui/TextField";
import { QueryError } from "../../components/ui/QueryError";
import { Badge, ConfirmButton, PageHeader, SelectField, TextAreaField, cardClass } from "../../features/admin/ui";
import { errorMessage } from "../../lib/errorMessages";
import { ApiError } from "../../services/apiError";

const locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-BR", "pl-PL", "sv-SE"];
const dateFormats = ["YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY", "DD.MM.YYYY"];
const weekStarts = ["monday", "sunday", "saturday"];
const fieldsOf = (error: unknown) => (error instanceof ApiError ? error.fields : {});

/** `/admin/settings`: the company's settings (`GET/PUT /api/admin/settings`) and its email templates. */
export function SettingsPage() {
  const settings = useQuery({ queryKey: ["admin", "settings"], queryFn: () => getSettings() });
  const templates = useQuery({ queryKey: ["admin", "email-templates"], queryFn: () => listEmailTemplates() });
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <PageHeader title="Settings" description="Applies to your company's pages and every email it sends." />
      {settings.isPending ? <Spinner label="Loading settings" /> : settings.isError ? <QueryError title="Could not load settings" error={settings.error} /> : <SettingsForm settings={settings.data} />}
      <section aria-labelledby="templates-title" className="space-y-3">
        <h2 id="templates-title" className="text-lg font-semibold">
          Email templates
        </h2>
        {templates.isPending ? (
          <Spinner label="Loading templates" />
        ) : templates.isError ? (
          <QueryError title="Could not load the templates" error={templates.error} />
        ) : (
          templates.data.map((t) => <TemplateEditor key={t.name} template={t} />)
        )}
      </section>
    </div>
  );
}

function SettingsForm({ settings }: { settings: TenantSettings }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (form: FormData) => {
      const text = (name: string) => String(form.get(name) ?? "");
      return updateSettings({
        display_name: text("display_name"),
        timezone: text("timezone"),
        locale: text("locale"),
        date_format: text("date_format"),
        week_start: text("week_start"),
        email_sender_name: text("email_sender_name"),
        email_footer: text("email_footer"),
        brand_color: text("brand_color"),
        candidate_data_retention_days: Number(text("candidate_data_retention_days")),
        default_notification_email: form.get("default_notification_email") === "on",
      });
    },
    onMutate: () => setSaved(false),
    onSuccess: (data) => {
      queryClient.setQueryData(["admin", "settings"], data);
      setSaved(true);
    },
  });
  const f = fieldsOf(save.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate(new FormData(e.currentTarget));
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Company settings" className={`${cardClass} grid gap-4 sm:grid-cols-2`}>
      <div className="sm:col-span-2 space-y-2">
        {!settings.customized && <Alert tone="info">The defaults apply until you save your own settings.</Alert>}
        {saved && <Alert tone="info">Settings saved.</Alert>}
        {save.isError && Object.keys(f).length === 0 && <Alert title="Could not save">{errorMessage(save.error)}</Alert>}
      </div>
      <TextField label="Display name" name="display_name" defaultValue={settings.display_name ?? ""} error={f.display_name} />
      <TextField label="Time zone" name="timezone" hint="IANA name, e.g. Europe/Berlin." defaultValue={settings.timezone} error={f.timezone} />
      <SelectField label="Locale" name="locale" defaultValue={settings.locale} error={f.locale}>
        {locales.map((l) => <option key={l}>{l}</option>)}
      </SelectField>
      <SelectField label="Date format" name="date_format" defaultValue={settings.date_format} error={f.date_format}>
        {dateFormats.map((d) => <option key={d}>{d}</option>)}
      </SelectField>
      <SelectField label="Week starts on" name="week_start" defaultValue={settings.week_start} error={f.week_start}>
        {weekStarts.map((w) => <option key={w}>{w}</option>)}
      </SelectField>
      <TextField label="Brand colour" name="brand_color" hint="#rrggbb" defaultValue={settings.brand_color} error={f.brand_color} />
      <TextField label="Email sender name" name="email_sender_name" defaultValue={settings.email_sender_name ?? ""} error={f.email_sender_name} />
      <TextField label="Candidate data retention (days)" name="candidate_data_retention_days" type="number" min={30} max={3650} defaultValue={settings.candidate_data_retention_days} error={f.candidate_data_retention_days} />
      <div className="sm:col-span-2">
        <TextAreaField label="Email footer" name="email_footer" rows={2} defaultValue={settings.email_footer ?? ""} error={f.email_footer} />
      </div>
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="default_notification_email" defaultChecked={settings.default_notification_email} /> Email notifications by default
      </label>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={save.isPending}>
          Save settings
        </Button>
      </div>
    </form>
  );
}

function TemplateEditor({ template }: { template: EmailTemplate }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [parts, setParts] = useState({ subject: template.subject, text: template.text, html: template.html });
  const [preview, setPreview] = useState<RenderedTemplate | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["admin", "email-templates"] });
  const save = useMutation({ mutationFn: () => saveEmailTemplate(template.name, parts), onSuccess: async () => { setNotice("Template saved."); await refresh(); } });
  const render = useMutation({ mutationFn: () => previewEmailTemplate(template.name, parts), onSuccess: setPreview });
  const reset = useMutation({ mutationFn: () => resetEmailTemplate(template.name), onSuccess: async () => { setNotice("Back to the default template."); setOpen(false); await refresh(); } });
  const failed = save.error ?? render.error ?? reset.error;
  const f = fieldsOf(save.isError ? save.error : render.error);

  return (
    <article aria-label={template.name} className={`${cardClass} space-y-3`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-mono text-sm font-medium">
            {template.name} {template.customized && <Badge tone="sky">Customized</Badge>}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">{template.description}</p>
        </div>
        <div className="flex gap-2">
          <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? "Close" : "Edit"}
          </Button>
          {template.customized && <ConfirmButton label="Reset to default" confirmLabel="Reset" onConfirm={() => reset.mutate()} />}
        </div>
      </div>
      {notice && <Alert tone="info">{notice}</Alert>}
      {failed && Object.keys(f).length === 0 && <Alert title="The template was refused">{errorMessage(failed)}</Alert>}
      {open && (
        <form
          aria-label={`Edit ${template.name}`}
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            setNotice(null);
            save.mutate();
          }}
        >
          <p className="text-xs text-slate-500 dark:text-slate-400">Variables: {template.variables.join(", ") || "none"}</p>
          <TextField label="Subject" value={parts.subject} error={f.subject} onChange={(e) => setParts({ ...parts, subject: e.target.value })} />
          <TextAreaField label="Plain text" rows={6} className="font-mono" value={parts.text} error={f.text} onChange={(e) => setParts({ ...parts, text: e.target.value })} />
          <TextAreaField label="HTML" rows={6} className="font-mono" value={parts.html} error={f.html} onChange={(e) => setParts({ ...parts, html: e.target.value })} />
          <div className="flex gap-2">
            <Button type="submit" disabled={save.isPending}>
              Save template
            </Button>
            <Button variant="secondary" disabled={render.isPending} onClick={() => render.mutate()}>
              Preview
            </Button>
          </div>
          {preview && (
            <section aria-label="Preview" className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
              <p className="text-sm font-medium">{preview.subject}</p>
              <pre className="whitespace-pre-wrap text-sm">{preview.text}</pre>
              {/* The rendered HTML is shown in a sandboxed frame: no scripts, no access to the app. */}
              <iframe title="HTML preview" sandbox="" srcDoc={preview.html} className="h-64 w-full rounded bg-white" />
            </section>
          )}
        </form>
      )}
    </article>
  );
}
