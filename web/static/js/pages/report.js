import { $ } from '../dom.js';

$('#print')?.addEventListener('click', () => window.print());
