import clsx from "clsx";
import { BriefcaseBusiness } from "lucide-react";
import type { ReactNode } from "react";
import { Link, NavLink, Outlet } from "react-router";
import { useSignedIn } from "../../auth/useSignedIn";

const linkClass = ({ isActive }: { isActive: boolean }) =>
  clsx(
    "rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500",
    isActive ? "text-indigo-700 dark:text-indigo-300" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
  );

/** Header and footer of the public site (home, job board, job pages). */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const { signedIn } = useSignedIn();
  return (
    <div className="flex min-h-screen flex-col bg-slate-50 dark:bg-slate-950">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-900/90">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link to="/" className="flex items-center gap-2 font-semibold text-indigo-600 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-400">
            <BriefcaseBusiness aria-hidden className="size-5" /> HireOps
          </Link>
          <nav aria-label="Site" className="flex items-center gap-1">
            <NavLink to="/jobs" className={linkClass}>
              Jobs
            </NavLink>
            {signedIn ? (
              <Link to="/" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
                Open HireOps
              </Link>
            ) : (
              <>
                <NavLink to="/sign-in" className={linkClass}>
                  Sign in
                </NavLink>
                <Link to="/sign-up" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
                  Sign up
                </Link>
              </>
            )}
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="flex-1">
        {children ?? <Outlet />}
      </main>
      <footer className="border-t border-slate-200 py-6 text-center text-sm text-slate-500 dark:border-slate-800 dark:text-slate-400">
        HireOps · free for candidates, always
      </footer>
    </div>
  );
}
