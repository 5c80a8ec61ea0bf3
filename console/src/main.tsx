import { render } from 'preact';
import { App } from './views/app';
import './styles.css';

const root = document.getElementById('app')!;
// The page's "Loading…" placeholder goes: Preact renders into an empty element.
root.replaceChildren();
render(<App />, root);
