export function TypingIndicator({ names }: { names: string[] }) {
  const text =
    names.length === 0 ? "" : names.length === 1 ? `${names[0]} is typing…` : `${names.slice(0, -1).join(", ")} and ${names.at(-1)} are typing…`;
  return (
    <p aria-live="polite" className="h-5 px-3 text-xs italic text-slate-600 dark:text-slate-400">
      {text}
    </p>
  );
}
