// The desktop app's entry point (built to out/main/index.js); everything else is in desktop/.
import { app, dialog } from 'electron'
import { launchDesktopApp } from './desktop/launch'

launchDesktopApp({
  argv: process.argv,
  env: process.env,
  mainDir: import.meta.dirname,
  resourcesPath: process.resourcesPath,
  platform: process.platform,
}).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`Commonplace could not start: ${message}`)
  dialog.showErrorBox('Commonplace could not start', message)
  app.exit(1)
})
