import { TextInput, type TextInputProps, type Validator } from 'react-admin';
import { isDay } from './day';

export { isDay };

/** Empty, or a real day written `YYYY-MM-DD` (the message is in the app's language). */
export const dayRule: Validator = (value: unknown) =>
  value === null || value === undefined || value === '' || isDay(String(value))
    ? undefined
    : 'app.date.invalid';

/**
 * A date typed as `YYYY-MM-DD`, whatever the browser's locale (issue #17 item 12): react-admin's
 * DateInput is a native `<input type=date>` whose shown format follows the browser (`12/01/2026` in an
 * English Chromium), not the app's language. A text input with a placeholder and a rule keeps one
 * format on every device; the value sent is the same `YYYY-MM-DD` string (or null when empty).
 */
export function DayInput({ validate, helperText, ...props }: TextInputProps) {
  const rules = [dayRule, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];
  return (
    <TextInput
      {...props}
      validate={rules}
      helperText={helperText ?? 'app.date.format'}
      format={(v: unknown) => (typeof v === 'string' ? v.slice(0, 10) : (v ?? ''))}
      parse={(v: string) => (v.trim() === '' ? null : v.trim())}
      slotProps={{
        htmlInput: { placeholder: 'YYYY-MM-DD', inputMode: 'numeric', maxLength: 10, 'data-day-input': '' },
        inputLabel: { shrink: true },
      }}
    />
  );
}
