/**
 * A whole number as a learner types it in an answer or a field: digits, optionally grouped with thousands
 * commas ("100,000"), spaces around allowed. Anything else (a sign, a decimal point, a unit) is not one.
 */
export function readWholeNumber(text: string): number | undefined {
  const digits = text.trim().replaceAll(',', '');
  // Fifteen digits stay exact in a double; nothing a learner is asked for comes near.
  return /^\d{1,15}$/.test(digits) ? Number(digits) : undefined;
}
