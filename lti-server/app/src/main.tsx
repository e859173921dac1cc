import { render } from 'preact';
import { App } from './App';
import { takeSessionToken } from './session';
import './styles.css';

const token = takeSessionToken(window.location, window.sessionStorage, window.history);
render(<App token={token} />, document.getElementById('root')!);
