// Vite's client types: lets the renderer import its stylesheets (`import './x.css'`).
/// <reference types="vite/client" />
