import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
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
import { HomePage } from "./pages/public/HomePage";
import { signedInRoutes } from "./routes/signedInRoutes";
import { isApiError } from "./services/apiError";

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
        {signedInRoutes.map(({ path, permission, element }) => (
          <Route key={path} path={path} element={permission ? <RequirePermission permission={permission}>{element}</RequirePermission> : element} />
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
