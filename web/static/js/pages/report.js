import { $ } from '../shared/dom.js';

$('#print')?.addEventListener('click', () => window.print());
