/** Before the first check: what AuthDesk is for, in one sentence, next to "Check all". */
export function FirstRunIntro() {
  return (
    <p className="first-run-intro" data-testid="first-run-intro">
      AuthDesk checks that each API credential still works with its provider and, for each one that does not, says why and how to fix it. Start with{' '}
      <strong>Check all</strong>.
    </p>
  )
}
