import { es } from '../i18n/es';

/** The id of the control of the first field at fault, in the order the form shows them. */
export function firstInvalid(fields: Record<string, [string, string]>, errors: Record<string, string>): string | undefined {
  const path = Object.keys(fields).find((k) => k in errors);
  return path ? fields[path]?.[1] : undefined;
}

interface Props {
  /** Field path → message, as the server sent them. */
  errors: Record<string, string>;
  /** Field path → [label, element id] for the fields the form shows. */
  fields: Record<string, [string, string]>;
  /** A general message (the problem's detail) when no field is named. */
  message?: string | null;
}

/**
 * The box above a form that lists every problem (announced as an alert); each entry jumps to
 * its field. The form itself puts the cursor in the first field at fault.
 */
export function ErrorSummary({ errors, fields, message }: Props) {
  // In the order the form shows its fields; fields the form does not show go last.
  const order = Object.keys(fields);
  const rank = (path: string) => (order.includes(path) ? order.indexOf(path) : order.length);
  const entries = Object.entries(errors).sort((a, b) => rank(a[0]) - rank(b[0]));
  if (!entries.length && !message) return null;
  return (
    <div class="error-summary" role="alert" data-testid="error-summary">
      {entries.length ? <p>{es.errors.formSummary(entries.length)}</p> : <p>{message}</p>}
      {entries.length ? (
        <ul>
          {entries.map(([path, text]) => {
            const f = fields[path];
            return (
              <li key={path}>
                {f ? (
                  <a
                    href={`#${f[1]}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(f[1])?.focus();
                    }}
                  >
                    {f[0]}: {text}
                  </a>
                ) : (
                  <span>
                    {es.history.fields[path] ?? es.errors.otherField(path)}: {text}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
