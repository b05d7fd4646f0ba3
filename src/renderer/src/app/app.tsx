import { AboutPanel } from '../features/app-info/components/about-panel'

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>AuthDesk</h1>
        <p className="tagline">Does each credential still authenticate, and if not, why?</p>
      </header>
      <main>
        <AboutPanel />
      </main>
    </div>
  )
}
