import { $ } from '../shared/dom.js';
import { state } from '../shared/i18n.js';
import { rotateButton } from '../shared/rotate.js';
import { bindRunsheet } from '../organiser/runsheet.js';

/** Print the sheets; per board, replace leaked links and show the new ones in place. */
$('#print').addEventListener('click', () => window.print());

for (const slot of document.querySelectorAll('.rotate-slot')) {
  const sheet = slot.closest('.group-sheet');
  slot.append(rotateButton(slot.dataset.boardId, state.organiserKey, (links) => {
    sheet.querySelector('.join-code').textContent = links.joinCode;
    const join = sheet.querySelector('.join-url a');
    join.href = links.joinUrl;
    join.textContent = links.joinUrl;
    sheet.querySelector('.qr').src = `${new URL(links.qrUrl, location.href).pathname}?v=${Date.now()}`;
    sheet.querySelector('.moderator-link').href = links.moderatorUrl;
    sheet.querySelector('.projector-link').href = links.projectorUrl;
  }));
}

bindRunsheet();
