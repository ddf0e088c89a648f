// "Did you mean …?": the name a typo most likely meant, in any script (王方 → 王芳).
/**
 * The one staff name a typo most likely meant: the same name in other letter case, or one edit
 * away (a character added, dropped, changed or two swapped: 王方 → 王芳), two for names of eight
 * characters or more; none when two names are equally close.
 */
export function closestName(typed: string, names: readonly string[]): string | undefined {
  const a = [...typed.toLowerCase()];
  if (!a.length) return undefined;
  let best: string | undefined;
  let bestD = Infinity;
  let tie = false;
  for (const n of names) {
    const b = [...n.toLowerCase()];
    const d = editDistance(a, b);
    const limit = Math.max(a.length, b.length) >= 8 ? 2 : 1;
    if (d > limit || Math.min(a.length, b.length) < 2) continue;
    if (d < bestD) [best, bestD, tie] = [n, d, false];
    else if (d === bestD) tie = true;
  }
  return tie ? undefined : best;
}

/** Optimal string alignment distance between two lists of characters. */
function editDistance(a: string[], b: string[]): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}
