// A node:test reporter that counts tests from the runner's own events (never from text a test could print) and
// writes one JSON object: {"passed": n, "failed": n, "skipped": n, "failures": ["file › name", ...]}.
// Only leaf tests count: a test or suite that had subtests is a container, except that a failing container whose
// subtests all passed (a failing hook, say) counts as one failure. A file that cannot load is reported by node:test
// as a failing test with no subtests, so it counts too. `test:diagnostic` lines (# pass N) are not read at all.
export default async function* countTests(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] }
  // Per file and nesting level: did a test at this level finish since its parent started? And did one fail?
  const children = new Map()
  const key = (file, nesting) => `${file ?? ''}\0${nesting}`
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue
    const data = event.data
    const below = children.get(key(data.file, data.nesting + 1))
    children.delete(key(data.file, data.nesting + 1))
    const here = key(data.file, data.nesting)
    const mine = children.get(here) ?? { any: false, failed: false }
    mine.any = true
    const failed = event.type === 'test:fail' && !data.todo
    if (failed) mine.failed = true
    children.set(here, mine)
    if (below?.any) {
      // A container: its leaves are counted already; a failure of its own (hook, cancelled) that no leaf shows is one more.
      if (failed && !below.failed) {
        counts.failed++
        counts.failures.push(`${data.file ?? ''} › ${data.name} (outside its subtests)`)
      }
      continue
    }
    if (data.skip || data.todo) counts.skipped++
    else if (failed) {
      counts.failed++
      counts.failures.push(`${data.file ?? ''} › ${data.name}`)
    } else counts.passed++
  }
  yield JSON.stringify(counts) + '\n'
}
