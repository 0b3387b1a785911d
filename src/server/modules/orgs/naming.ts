/** The unit a document belongs to by its title (“西岗区妇女发展规划” → 西岗区); the longest name wins. */
export function unitNamedInTitle<U extends { name: string }>(units: readonly U[], title: string): U | undefined {
  return units.filter((u) => title.startsWith(u.name)).sort((a, b) => b.name.length - a.name.length)[0];
}
