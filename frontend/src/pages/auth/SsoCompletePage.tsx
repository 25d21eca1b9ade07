import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Alert } from "../../components/ui/Alert";
import { Spinner } from "../../components/ui/Spinner";
import { api } from "../../services/api";
import { AuthCard } from "./AuthCard";

/** SSO lands here with the refresh cookie set: trade it for an access token. */
export function SsoCompletePage() {
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    void api.refreshSession().then((token) => {
      if (!live) return;
      if (token) navigate("/", { replace: true });
      else setFailed(true);
    });
    return () => {
      live = false;
    };
  }, [navigate]);
  return (
    <AuthCard title="Signing you in">
      {failed ? (
        <Alert title="Single sign-on did not complete">
          <Link to="/sign-in" className="underline">
            Sign in again
          </Link>
        </Alert>
      ) : (
        <Spinner label="Finishing single sign-on" />
      )}
    </AuthCard>
  );
}
