import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles.css';

// The public portal (/portal) shares the build but not the console: no sign-in, its own small chunk.
const PortalApp = lazy(() => import('./portal/PortalApp'));
const portal = window.location.pathname === '/portal' || window.location.pathname.startsWith('/portal/');

createRoot(document.getElementById('root')!).render(
  <StrictMode>{portal ? <Suspense fallback={null}><PortalApp /></Suspense> : <App />}</StrictMode>,
);
