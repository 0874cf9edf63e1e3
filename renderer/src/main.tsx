import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ErrorBoundary } from './app/ErrorBoundary';
import { NoHostAccess } from './app/NoHostAccess';
import { hostAccess } from './bridge';

void hostAccess.then((allowed) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ErrorBoundary area="Deskside">{allowed ? <App /> : <NoHostAccess />}</ErrorBoundary>
    </StrictMode>,
  ),
);
