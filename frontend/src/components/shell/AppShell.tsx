import { useQueryClient } from "@tanstack/react-query";
import clsx from "clsx";
import { BriefcaseBusiness, LogOut, Menu, X } from "lucide-react";
import { useState } from "react";
import { NavLink, Outlet, useNavigate } from "react-router";
import { visibleNavItems } from "../../auth/navigation";
import { useMe } from "../../auth/useMe";
import { applyUserFrame } from "../../features/notifications/liveEvents";
import { NotificationBell } from "../../features/notifications/NotificationBell";
import { api } from "../../services/api";
import { useLiveSocket } from "../../services/useLiveSocket";
import { Button } from "../ui/Button";

/** Signed-in layout: role-based navigation, the bell, the user's name and sign-out. */
export function AppShell() {
  const me = useMe().data!;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  // One socket on the user's own channel for the whole session: notifications and conversation list updates.
  useLiveSocket("/ws", (frame) => applyUserFrame(queryClient, frame));

  const signOut = async () => {
    await api.signOut();
    queryClient.clear();
    navigate("/sign-in", { replace: true });
  };

  const nav = (
    <nav aria-label="Main" className="space-y-1">
      {visibleNavItems(me).map(({ to, label, icon: Icon }) => (
        <NavLink
          key={to}
          to={to}
          end={to === "/"}
          onClick={() => setMenuOpen(false)}
          className={({ isActive }) =>
            clsx(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500",
              isActive
                ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800",
            )
          }
        >
          <Icon aria-hidden className="size-4" />
          {label}
        </NavLink>
      ))}
    </nav>
  );

  return (
    <div className="min-h-screen md:grid md:grid-cols-[14rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <aside className="hidden border-r border-slate-200 bg-white p-4 md:block dark:border-slate-800 dark:bg-slate-900">
        <Brand />
        <div className="mt-6">{nav}</div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex items-center justify-between gap-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
          <div className="flex items-center gap-2 md:hidden">
            <button
              type="button"
              aria-label={menuOpen ? "Close menu" : "Open menu"}
              aria-expanded={menuOpen}
              onClick={() => setMenuOpen((o) => !o)}
              className="rounded-md p-2 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800"
            >
              {menuOpen ? <X aria-hidden className="size-5" /> : <Menu aria-hidden className="size-5" />}
            </button>
            <Brand />
          </div>
          <div className="ml-auto flex items-center gap-2">
            <NotificationBell />
            <span className="hidden text-sm sm:inline" title={me.email}>
              {me.full_name}
              {me.company && <span className="text-slate-500 dark:text-slate-400"> · {me.company.name}</span>}
            </span>
            <Button variant="ghost" onClick={() => void signOut()}>
              <LogOut aria-hidden className="size-4" />
              <span className="sr-only sm:not-sr-only">Sign out</span>
            </Button>
          </div>
        </header>
        {menuOpen && <div className="border-b border-slate-200 bg-white p-3 md:hidden dark:border-slate-800 dark:bg-slate-900">{nav}</div>}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 p-4 sm:p-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}

function Brand() {
  return (
    <span className="flex items-center gap-2 font-semibold text-indigo-600 dark:text-indigo-400">
      <BriefcaseBusiness aria-hidden className="size-5" /> HireOps
    </span>
  );
}
