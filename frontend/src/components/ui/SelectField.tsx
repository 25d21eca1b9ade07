import { forwardRef, type SelectHTMLAttributes } from "react";
import { controlClass, Field, type FieldProps } from "./Field";

type Props = FieldProps &
  SelectHTMLAttributes<HTMLSelectElement> & {
    /** [value, label] pairs; an empty value is the "any"/"none" choice. */
    options: readonly (readonly [string, string])[];
  };

/** A labelled select whose error is announced like TextField's. */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ label, error, hint, options, id, ...props }, ref) {
  return (
    <Field
      label={label}
      error={error}
      hint={hint}
      id={id}
      render={(wiring) => (
        <select ref={ref} {...wiring} className={controlClass} {...props}>
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    />
  );
});
