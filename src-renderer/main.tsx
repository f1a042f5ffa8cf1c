// The theme first: every other stylesheet builds on its variables and base rules.
import './ui/theme.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { NoticeProvider } from './ui/notices'
import { ConfirmProvider } from './ui/confirm'
import { App } from './App'
import { applyRememberedTheme } from './settings/appearance'

// The window opens in the theme it had last time, before the library's settings arrive.
applyRememberedTheme()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <NoticeProvider>
      <ConfirmProvider>
        <App />
      </ConfirmProvider>
    </NoticeProvider>
  </StrictMode>,
)
