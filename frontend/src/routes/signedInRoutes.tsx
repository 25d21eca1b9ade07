// The signed-in pages other than the dashboard: each loads on first visit and is guarded by its permission
// (none: the page itself decides, as search does by what the caller may search).
import type { ReactElement } from "react";
import { lazyPage } from "../components/lazyPage";
import { adminRoutes } from "../pages/admin/adminRoutes";

export interface SignedInRoute {
  path: string;
  permission?: string;
  element: ReactElement;
}

const recruiting: SignedInRoute[] = [
  { path: "recruiting/jobs", permission: "jobs:read", element: lazyPage(() => import("../features/recruiting/jobs/JobsListPage"), (m) => m.JobsListPage) },
  { path: "recruiting/jobs/new", permission: "jobs:write", element: lazyPage(() => import("../features/recruiting/jobs/JobEditorPage"), (m) => m.JobEditorPage) },
  { path: "recruiting/jobs/:id", permission: "jobs:read", element: lazyPage(() => import("../features/recruiting/jobs/JobDetailPage"), (m) => m.JobDetailPage) },
  { path: "recruiting/jobs/:id/edit", permission: "jobs:write", element: lazyPage(() => import("../features/recruiting/jobs/JobEditorPage"), (m) => m.JobEditorPage) },
  { path: "recruiting/jobs/:id/pipeline", permission: "applications:read", element: lazyPage(() => import("../features/recruiting/pipeline/PipelinePage"), (m) => m.PipelinePage) },
  {
    path: "recruiting/applications",
    permission: "applications:read",
    element: lazyPage(() => import("../features/recruiting/applications/ApplicationsListPage"), (m) => m.ApplicationsListPage),
  },
  { path: "recruiting/applications/:id", permission: "applications:read", element: lazyPage(() => import("../features/recruiting/applications/ApplicationPage"), (m) => m.ApplicationPage) },
  { path: "recruiting/candidates", permission: "candidates:read", element: lazyPage(() => import("../features/recruiting/candidates/CandidatesListPage"), (m) => m.CandidatesListPage) },
  { path: "recruiting/candidates/new", permission: "candidates:write", element: lazyPage(() => import("../features/recruiting/candidates/CandidateCreatePage"), (m) => m.CandidateCreatePage) },
  { path: "recruiting/candidates/:id", permission: "candidates:read", element: lazyPage(() => import("../features/recruiting/candidates/CandidateProfilePage"), (m) => m.CandidateProfilePage) },
  { path: "recruiting/analytics", permission: "reports:read", element: lazyPage(() => import("../features/analytics/AnalyticsPage"), (m) => m.AnalyticsPage) },
  { path: "recruiting/search", element: lazyPage(() => import("../features/recruiting/search/SearchPage"), (m) => m.SearchPage) },
];

const candidateSelf: SignedInRoute[] = [
  { path: "me/profile", permission: "candidate:self", element: lazyPage(() => import("../features/candidate/MyProfilePage"), (m) => m.MyProfilePage) },
  { path: "me/saved-jobs", permission: "candidate:self", element: lazyPage(() => import("../features/candidate/SavedJobsPage"), (m) => m.SavedJobsPage) },
  { path: "me/applications", permission: "candidate:self", element: lazyPage(() => import("../features/candidate/MyApplicationsPage"), (m) => m.MyApplicationsPage) },
];

export const signedInRoutes: SignedInRoute[] = [
  { path: "messages/:conversationId?", permission: "messaging:use", element: lazyPage(() => import("../features/messaging/MessagesPage"), (m) => m.MessagesPage) },
  ...adminRoutes,
  ...recruiting,
  ...candidateSelf,
];
