import { forwardRef, type InputHTMLAttributes } from "react";
import { controlClass, Field, type FieldProps } from "./Field";

type Props = FieldProps & InputHTMLAttributes<HTMLInputElement>;

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField({ label, error, hint, id, ...props }, ref) {
  return <Field label={label} error={error} hint={hint} id={id} render={(wiring) => <input ref={ref} {...wiring} className={controlClass} {...props} />} />;
});
