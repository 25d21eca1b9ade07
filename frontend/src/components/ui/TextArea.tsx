import { forwardRef, type TextareaHTMLAttributes } from "react";
import { controlClass, Field, type FieldProps } from "./Field";

type Props = FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>;

/** A labelled textarea; its error is announced and tied to it like TextField's. */
export const TextArea = forwardRef<HTMLTextAreaElement, Props>(function TextArea({ label, error, hint, id, ...props }, ref) {
  return <Field label={label} error={error} hint={hint} id={id} render={(wiring) => <textarea ref={ref} rows={3} {...wiring} className={controlClass} {...props} />} />;
});
