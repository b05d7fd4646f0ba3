import { PageHeader } from '@renderer/components/page-header'
import { AboutPanel } from './about-panel'
import { ProvidersCard } from './providers-card'

export function AboutScreen() {
  return (
    <div className="screen screen-about">
      <PageHeader title="About" subtitle="Does each credential still authenticate, and if not, why?" />
      <AboutPanel />
      <ProvidersCard />
    </div>
  )
}
