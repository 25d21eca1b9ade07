import { BriefcaseBusiness } from "lucide-react";
import type { ReactNode } from "react";

export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main className="grid min-h-screen place-items-center p-4">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <div className="flex items-center gap-2 text-indigo-600 dark:text-indigo-400">
          <BriefcaseBusiness aria-hidden className="size-6" />
          <span className="text-lg font-semibold">HireOps</span>
        </div>
        <h1 className="text-xl font-semibold">{title}</h1>
        {children}
      </div>
    </main>
  );
}
