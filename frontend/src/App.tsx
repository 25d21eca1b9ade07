import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { lazy, Suspense, type ReactNode } from "react";
import { BrowserRouter, Route, Routes, useLocation } from "react-router";
import { RequireAuth, RequirePermission } from "./auth/guards";
import { useSignedIn } from "./auth/useSignedIn";
import { AppShell } from "./components/shell/AppShell";
import { Spinner } from "./components/ui/Spinner";
import { ActivatePage } from "./pages/account/ActivatePage";
import { ResetPasswordPage } from "./pages/account/ResetPasswordPage";
import { SignUpPage } from "./pages/account/SignUpPage";
import { VerifyEmailPage } from "./pages/account/VerifyEmailPage";
import { ForgotPasswordPage } from "./pages/auth/ForgotPasswordPage";
import { SignInPage } from "./pages/auth/SignInPage";
import { SsoCompletePage } from "./pages/auth/SsoCompletePage";
import { DashboardPage } from "./pages/dashboard/DashboardPage";
import { JobBoardPage } from "./pages/jobs/JobBoardPage";
import { JobPage } from "./pages/jobs/JobPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { adminRoutes } from "./pages/admin/adminRoutes";
import { HomePage } from "./pages/public/HomePage";
import { isApiError } from "./services/apiError";

// The recruiting pages (and dnd-kit) load on first use, keeping them out of the public site's bundle.
const CandidateCreatePage = lazy(() => import("./features/recruiting/candidates/CandidateCreatePage").then((m) => ({ default: m.CandidateCreatePage })));
const CandidateProfilePage = lazy(() => import("./features/recruiting/candidates/CandidateProfilePage").then((m) => ({ default: m.CandidateProfilePage })));
const CandidatesListPage = lazy(() => import("./features/recruiting/candidates/CandidatesListPage").then((m) => ({ default: m.CandidatesListPage })));
const JobDetailPage = lazy(() => import("./features/recruiting/jobs/JobDetailPage").then((m) => ({ default: m.JobDetailPage })));
const JobEditorPage = lazy(() => import("./features/recruiting/jobs/JobEditorPage").then((m) => ({ default: m.JobEditorPage })));
const JobsListPage = lazy(() => import("./features/recruiting/jobs/JobsListPage").then((m) => ({ default: m.JobsListPage })));
const PipelinePage = lazy(() => import("./features/recruiting/pipeline/PipelinePage").then((m) => ({ default: m.PipelinePage })));
const SearchPage = lazy(() => import("./features/recruiting/search/SearchPage").then((m) => ({ default: m.SearchPage })));
const MyProfilePage = lazy(() => import("./features/candidate/MyProfilePage").then((m) => ({ default: m.MyProfilePage })));
const SavedJobsPage = lazy(() => import("./features/candidate/SavedJobsPage").then((m) => ({ default: m.SavedJobsPage })));
const MyApplicationsPage = lazy(() => import("./features/candidate/MyApplicationsPage").then((m) => ({ default: m.MyApplicationsPage })));
const MessagesPage = lazy(() => import("./features/messaging/MessagesPage").then((m) => ({ default: m.MessagesPage })));
const ApplicationsListPage = lazy(() => import("./features/recruiting/applications/ApplicationsListPage").then((m) => ({ default: m.ApplicationsListPage })));
const AnalyticsPage = lazy(() => import("./features/analytics/AnalyticsPage").then((m) => ({ default: m.AnalyticsPage })));
const ApplicationPage = lazy(() => import("./features/recruiting/applications/ApplicationPage").then((m) => ({ default: m.ApplicationPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Spinner label="Loading" />}>{children}</Suspense>;
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers are final (the API module already refreshed on 401); retry only transient failures.
        retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: true,
      },
    },
  });
}

/**
 * The app's layout, except at `/` for visitors: there the public home shows
 * (a quiet refresh decides), while signed-in users keep their dashboard at `/`.
 */
function AppOrHome() {
  const { pathname } = useLocation();
  const atHome = pathname === "/";
  const { signedIn, pending } = useSignedIn();
  if (atHome && pending) {
    return (
      <div className="grid min-h-screen place-items-center">
        <Spinner label="Loading" />
      </div>
    );
  }
  if (atHome && !signedIn) return <HomePage />;
  return (
    <RequireAuth>
      <AppShell />
    </RequireAuth>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/sign-in/2fa" element={<SignInPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/sso/complete" element={<SsoCompletePage />} />
      <Route path="/sign-up" element={<SignUpPage />} />
      <Route path="/verify-email" element={<VerifyEmailPage />} />
      <Route path="/activate" element={<ActivatePage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/jobs" element={<JobBoardPage />} />
      <Route path="/jobs/:id" element={<JobPage />} />
      <Route element={<AppOrHome />}>
        <Route index element={<DashboardPage />} />
        <Route
          path="messages/:conversationId?"
          element={
            <RequirePermission permission="messaging:use">
              <Lazy>
                <MessagesPage />
              </Lazy>
            </RequirePermission>
          }
        />
        {adminRoutes.map(({ path, permission, element }) => (
          <Route key={path} path={path} element={<RequirePermission permission={permission}>{element}</RequirePermission>} />
        ))}
        <Route
          path="recruiting/jobs"
          element={
            <RequirePermission permission="jobs:read">
              <Lazy>
                <JobsListPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/jobs/new"
          element={
            <RequirePermission permission="jobs:write">
              <Lazy>
                <JobEditorPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/jobs/:id"
          element={
            <RequirePermission permission="jobs:read">
              <Lazy>
                <JobDetailPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/jobs/:id/edit"
          element={
            <RequirePermission permission="jobs:write">
              <Lazy>
                <JobEditorPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/jobs/:id/pipeline"
          element={
            <RequirePermission permission="applications:read">
              <Lazy>
                <PipelinePage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/applications"
          element={
            <RequirePermission permission="applications:read">
              <Lazy>
                <ApplicationsListPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/applications/:id"
          element={
            <RequirePermission permission="applications:read">
              <Lazy>
                <ApplicationPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/candidates"
          element={
            <RequirePermission permission="candidates:read">
              <Lazy>
                <CandidatesListPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/candidates/new"
          element={
            <RequirePermission permission="candidates:write">
              <Lazy>
                <CandidateCreatePage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/candidates/:id"
          element={
            <RequirePermission permission="candidates:read">
              <Lazy>
                <CandidateProfilePage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/analytics"
          element={
            <RequirePermission permission="reports:read">
              <Lazy>
                <AnalyticsPage />
              </Lazy>
            </RequirePermission>
          }
        />
        <Route
          path="recruiting/search"
          element={
            <Lazy>
              <SearchPage />
            </Lazy>
          }
        />
        {(
          [
            ["me/profile", <MyProfilePage key="p" />],
            ["me/saved-jobs", <SavedJobsPage key="s" />],
            ["me/applications", <MyApplicationsPage key="a" />],
          ] as const
        ).map(([path, page]) => (
          <Route
            key={path}
            path={path}
            element={
              <RequirePermission permission="candidate:self">
                <Lazy>{page}</Lazy>
              </RequirePermission>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export function App({ queryClient = createQueryClient() }: { queryClient?: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
