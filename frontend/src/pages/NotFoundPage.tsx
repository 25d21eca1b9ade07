import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <div className="mx-auto max-w-md p-8 text-center">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <Link to="/" className="mt-4 inline-block text-indigo-600 underline dark:text-indigo-400">
        Go to the dashboard
      </Link>
    </div>
  );
}
