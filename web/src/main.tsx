import { render } from 'preact';
import { App } from './app';
import { useLocation } from './lib/router';
import { isPublicPath, PublicApp } from './publicApp';
import './theme.css';

/** The citizen's pages need no session; everything else is the staff application. */
function Root() {
  const loc = useLocation();
  return isPublicPath(loc.path) ? <PublicApp /> : <App />;
}

render(<Root />, document.getElementById('app')!);
