import { Link } from "react-router";

export function SignInLink({ children = "Go to sign-in" }: { children?: string }) {
  return (
    <Link to="/sign-in" className="font-medium text-indigo-600 underline underline-offset-2 dark:text-indigo-400">
      {children}
    </Link>
  );
}
