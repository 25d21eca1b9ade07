import { ArrowRight, BellRing, FileCheck2, Filter, HeartHandshake, MessagesSquare, Search, ShieldCheck } from "lucide-react";
import type { CSSProperties } from "react";
import { Link } from "react-router";
import { PublicLayout } from "../../components/public/PublicLayout";

const features = [
  { icon: Search, title: "Search every open job", text: "Full-text search with filters for location, work mode, employment type and skills." },
  { icon: FileCheck2, title: "Apply in a minute", text: "Your details, a cover letter if you like, and your resume: no account required." },
  { icon: ShieldCheck, title: "Your files, scanned", text: "Every resume is virus-scanned before a recruiter opens it." },
  { icon: MessagesSquare, title: "Talk to the recruiter", text: "With an account, message the people handling your application." },
  { icon: BellRing, title: "Stay in the loop", text: "Get notified when your application moves forward." },
  { icon: Filter, title: "Only what matters", text: "Real, open roles from real companies, newest first." },
];

const steps = [
  { title: "Find a role", text: "Browse the board or search for the skills you have." },
  { title: "Apply", text: "Send your details and resume straight to the hiring team." },
  { title: "Hear back", text: "Sign up to follow your applications and messages." },
];

/** Staggered entrance; `motion-safe:` keeps it off for people who asked for reduced motion. */
const delay = (i: number): CSSProperties => ({ animationDelay: `${i * 90}ms` });

const primary =
  "inline-flex items-center justify-center gap-2 rounded-md bg-indigo-600 px-5 py-3 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 motion-safe:transition-colors";
const secondary =
  "inline-flex items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-5 py-3 text-sm font-semibold text-slate-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 motion-safe:transition-colors";

/** `/` for visitors: the candidate-facing home. Signed-in users get their dashboard at `/` instead. */
export function HomePage() {
  return (
    <PublicLayout>
      <section aria-labelledby="hero-title" className="relative overflow-hidden">
        <div aria-hidden className="pointer-events-none absolute inset-0 bg-gradient-to-b from-indigo-100 to-transparent dark:from-indigo-950/60" />
        <div className="relative mx-auto grid max-w-6xl gap-10 px-4 py-16 sm:py-24 md:grid-cols-[3fr_2fr] md:items-center">
          <div className="space-y-6">
            <p className="inline-flex items-center gap-2 rounded-full bg-emerald-100 px-3 py-1 text-sm font-semibold text-emerald-800 motion-safe:animate-fade-up dark:bg-emerald-950 dark:text-emerald-200">
              <HeartHandshake aria-hidden className="size-4" /> 100% free for candidates
            </p>
            <h1 id="hero-title" className="text-4xl font-bold tracking-tight text-slate-900 motion-safe:animate-fade-up sm:text-5xl dark:text-white" style={delay(1)}>
              Your next job is a search away.
            </h1>
            <p className="max-w-xl text-lg text-slate-600 motion-safe:animate-fade-up dark:text-slate-300" style={delay(2)}>
              HireOps connects you with companies and agencies that are hiring now. Browse open roles, apply with your resume,
              and follow every step, without paying a thing.
            </p>
            <div className="flex flex-wrap gap-3 motion-safe:animate-fade-up" style={delay(3)}>
              <Link to="/jobs" className={primary}>
                Browse jobs <ArrowRight aria-hidden className="size-4" />
              </Link>
              <Link to="/sign-up" className={secondary}>
                Create a free account
              </Link>
              <Link to="/sign-in" className="inline-flex items-center px-2 py-3 text-sm font-semibold text-indigo-700 underline-offset-4 hover:underline dark:text-indigo-300">
                Sign in
              </Link>
            </div>
          </div>
          <div aria-hidden className="hidden md:block">
            <div className="space-y-3 rounded-2xl border border-slate-200 bg-white p-5 shadow-xl motion-safe:animate-float dark:border-slate-800 dark:bg-slate-900">
              {["Frontend Developer", "Data Analyst", "Site Reliability Engineer"].map((title, i) => (
                <div key={title} className="rounded-lg border border-slate-100 p-3 motion-safe:animate-fade-up dark:border-slate-800" style={delay(i + 3)}>
                  <div className="h-3 w-2/3 rounded bg-slate-200 dark:bg-slate-700" />
                  <p className="mt-2 text-sm font-medium text-slate-700 dark:text-slate-200">{title}</p>
                  <div className="mt-2 flex gap-2">
                    <span className="h-5 w-14 rounded-full bg-indigo-100 dark:bg-indigo-900" />
                    <span className="h-5 w-10 rounded-full bg-emerald-100 dark:bg-emerald-900" />
                  </div>
                </div>
              ))}
            </div>
          </div>
        </div>
      </section>

      <section aria-labelledby="features-title" className="mx-auto max-w-6xl px-4 py-16">
        <h2 id="features-title" className="text-2xl font-bold text-slate-900 dark:text-white">
          Built for people looking for work
        </h2>
        <ul className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {features.map(({ icon: Icon, title, text }, i) => (
            <li
              key={title}
              className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm motion-safe:animate-fade-up motion-safe:transition-transform motion-safe:hover:-translate-y-1 dark:border-slate-800 dark:bg-slate-900"
              style={delay(i)}
            >
              <Icon aria-hidden className="size-6 text-indigo-600 dark:text-indigo-400" />
              <h3 className="mt-3 font-semibold text-slate-900 dark:text-white">{title}</h3>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="steps-title" className="bg-white py-16 dark:bg-slate-900">
        <div className="mx-auto max-w-6xl px-4">
          <h2 id="steps-title" className="text-2xl font-bold text-slate-900 dark:text-white">
            How it works
          </h2>
          <ol className="mt-8 grid gap-6 md:grid-cols-3">
            {steps.map((step, i) => (
              <li key={step.title} className="flex gap-4 motion-safe:animate-fade-up" style={delay(i)}>
                <span aria-hidden className="grid size-10 shrink-0 place-items-center rounded-full bg-indigo-600 font-bold text-white">
                  {i + 1}
                </span>
                <div>
                  <h3 className="font-semibold text-slate-900 dark:text-white">{step.title}</h3>
                  <p className="text-sm text-slate-600 dark:text-slate-400">{step.text}</p>
                </div>
              </li>
            ))}
          </ol>
        </div>
      </section>

      <section aria-labelledby="cta-title" className="mx-auto max-w-6xl px-4 py-16 text-center">
        <h2 id="cta-title" className="text-2xl font-bold text-slate-900 dark:text-white">
          Ready when you are
        </h2>
        <p className="mt-2 text-slate-600 dark:text-slate-400">Free for candidates today and always. No credit card, no catch.</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          <Link to="/jobs" className={primary}>
            Browse jobs
          </Link>
          <Link to="/sign-up" className={secondary}>
            Sign up
          </Link>
        </div>
      </section>
    </PublicLayout>
  );
}
