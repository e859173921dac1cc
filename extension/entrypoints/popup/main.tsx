import { render } from 'preact';
import { PopupApp } from './popup-app';
import '../../components/styles.css';

render(<PopupApp />, document.getElementById('root')!);
