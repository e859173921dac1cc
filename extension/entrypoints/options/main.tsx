import { render } from 'preact';
import { OptionsApp } from './options-app';
import '../../components/styles.css';

render(<OptionsApp />, document.getElementById('root')!);
