// JSON as aftercare prints and writes it: indented by two spaces, one newline at the end.
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}
