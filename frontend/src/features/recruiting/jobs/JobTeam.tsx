import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { JobDetails, Me, TeamMember, TeamView } from "../../../api/types";
import { can } from "../../../auth/permissions";
import { teamRoles, wordFor } from "../labels";
import { EditableSection } from "./EditableSection";
import { invalidateJobSetup, jobKey } from "./jobQueries";
import { TeamEditor } from "./TeamEditor";

interface Side {
  companyId: string | null;
  name: string;
  mine: boolean;
  members: TeamMember[];
}

/** The team as the API shows it, one side per company: the owner's first, then the caller's, then the others. */
export function teamSides(job: JobDetails, me: Me | undefined): Side[] {
  const mine = me?.company?.id ?? null;
  const nameOf = (id: string | null) => {
    if (id === job.company.id) return job.company.name;
    if (id && id === mine) return me?.company?.name ?? "Your company";
    return job.shared_with?.find((c) => c.id === id)?.name ?? "Another company";
  };
  const sides = new Map<string | null, Side>();
  for (const m of job.team) {
    const id = m.company_id ?? null;
    const side = sides.get(id) ?? { companyId: id, name: nameOf(id), mine: id !== null && id === mine, members: [] };
    side.members.push(m);
    sides.set(id, side);
  }
  const rank = (s: Side) => (s.companyId === job.company.id ? 0 : s.mine ? 1 : 2);
  return [...sides.values()].sort((a, b) => rank(a) - rank(b));
}

/**
 * The job's team. Every company staffs its own side (the owner its hiring
 * team or recruiters, a sharing agency its recruiters), so only the caller's
 * side is editable.
 */
export function JobTeam({ job, me }: { job: JobDetails; me: Me | undefined }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const company = me?.company ?? null;
  const canEdit = can(me, "jobs:write") && !!company && (job.company.id === company.id || job.shared);
  const sides = teamSides(job, me);
  const mySide = sides.find((s) => s.mine);
  const shown = editing && !mySide && company ? [...sides, { companyId: company.id, name: company.name, mine: true, members: [] }] : sides;

  const saved = (team: TeamView) => {
    queryClient.setQueryData<JobDetails>(jobKey(job.id), (old) => (old ? { ...old, team: team.members } : old));
    void invalidateJobSetup(queryClient, job.id);
    setEditing(false);
    setNotice("Team saved.");
  };

  return (
    <EditableSection
      headingId="team-heading"
      title="Team"
      editLabel="Edit your side"
      showEdit={canEdit && !editing}
      onEdit={() => {
        setNotice(null);
        setEditing(true);
      }}
      notice={notice}
    >
      {shown.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">Nobody is on this job's team yet.</p>}
      {shown.map((side) => (
        <div key={side.companyId ?? "unknown"} className="space-y-1">
          <h3 className="text-sm font-medium text-slate-600 dark:text-slate-300">
            {side.name}
            {side.mine && " (your company)"}
          </h3>
          {side.mine && editing ? (
            <TeamEditor jobId={job.id} me={me} initial={side.members} onSaved={saved} onCancel={() => setEditing(false)} />
          ) : (
            <ul className="text-sm">
              {side.members.map((m) => (
                <li key={`${m.user_id}-${m.role}`}>
                  {m.full_name} · {wordFor(teamRoles, m.role)}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </EditableSection>
  );
}
