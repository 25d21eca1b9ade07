import type { CandidateProfile } from "../../../api/types";
import { formatDate } from "../format";
import { candidateSources, wordFor } from "../labels";
import { Empty, Fact, Section } from "./ProfileSection";

/** The profile's read view: contact facts, summary, skills, experience and education. */
export function CandidateDetails({ candidate: c }: { candidate: CandidateProfile }) {
  const links = Object.entries(c.links).filter((entry): entry is [string, string] => !!entry[1]);
  const salary = (value: number | null | undefined) => (value != null ? `${value.toLocaleString()}${c.salary_currency ? ` ${c.salary_currency}` : ""}` : "—");
  return (
    <>
      <dl className="grid gap-3 rounded-lg border border-slate-200 p-4 text-sm sm:grid-cols-3 dark:border-slate-800">
        <Fact label="Email">{c.email ?? "—"}</Fact>
        <Fact label="Phone">{c.phone ?? "—"}</Fact>
        <Fact label="Current">{[c.current_title, c.current_company].filter(Boolean).join(" @ ") || "—"}</Fact>
        <Fact label="Experience">{c.total_experience_years != null ? `${c.total_experience_years} years` : "—"}</Fact>
        <Fact label="Notice period">{c.notice_period_days != null ? `${c.notice_period_days} days` : "—"}</Fact>
        <Fact label="Source">{wordFor(candidateSources, c.source)}</Fact>
        {(c.current_salary != null || c.expected_salary != null) && (
          <Fact label="Salary">
            {salary(c.current_salary)} now · {salary(c.expected_salary)} expected
          </Fact>
        )}
        {c.tags.length > 0 && <Fact label="Tags">{c.tags.join(", ")}</Fact>}
        {links.length > 0 && (
          <Fact label="Links">
            {links.map(([k, v]) => (
              <a key={k} href={v} rel="noopener noreferrer nofollow" target="_blank" className="mr-2 text-indigo-600 underline dark:text-indigo-400">
                {k}
              </a>
            ))}
          </Fact>
        )}
      </dl>
      {c.summary && <p className="whitespace-pre-wrap text-sm">{c.summary}</p>}

      <Section title="Skills">
        {c.skills.length === 0 ? (
          <Empty>No skills recorded.</Empty>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {c.skills.map((s) => (
              <li key={s.id} className="rounded-full bg-slate-100 px-3 py-1 text-sm dark:bg-slate-800">
                {s.name}
                {s.proficiency && ` · ${s.proficiency}`}
                {s.years_experience != null && ` · ${s.years_experience} y`}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Experience">
        {c.experience.length === 0 ? (
          <Empty>No experience recorded.</Empty>
        ) : (
          <ul className="space-y-2 text-sm">
            {c.experience.map((x) => (
              <li key={x.id}>
                <p className="font-medium">
                  {x.job_title} · {x.company_name}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {formatDate(x.start_date)} – {x.is_current ? "present" : x.end_date ? formatDate(x.end_date) : "—"}
                </p>
                {x.description && <p className="whitespace-pre-wrap">{x.description}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Education">
        {c.education.length === 0 ? (
          <Empty>No education recorded.</Empty>
        ) : (
          <ul className="space-y-2 text-sm">
            {c.education.map((e) => (
              <li key={e.id}>
                <p className="font-medium">
                  {e.degree}
                  {e.field_of_study && `, ${e.field_of_study}`} · {e.institution}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  {[e.start_date && formatDate(e.start_date), e.end_date && formatDate(e.end_date)].filter(Boolean).join(" – ")}
                  {e.grade && ` · ${e.grade}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
