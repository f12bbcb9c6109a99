import { $, h, syncList } from '../shared/dom.js';
import { label, t } from '../shared/i18n.js';
import { ask } from './ask.js';
import { tn } from './plural.js';

/**
 * Who is here: participants online and per phase (from presence frames), and the list of participants with a
 * Remove button that asks first. The server sends no event when someone joins, so a presence count above the
 * known list loads the board again to learn the newcomer.
 */
export function bindPeople(live, grid) {
  let presence = { participants: 0, phases: {} };

  const paintPresence = () => {
    $('#presence-line').textContent = tn('ctl.online', presence.participants ?? 0);
    $('#bar-people-count').textContent = String(presence.participants ?? 0);
    $('#bar-people').setAttribute('aria-label', `${t('ctl.people')}: ${tn('ctl.online', presence.participants ?? 0)}`);
    const phases = presence.phases || {};
    $('#phase-counts').replaceChildren(...grid.phases.filter((p) => phases[p.key])
      .map((p) => h('li', { text: `${label(p)}: ${phases[p.key]}` })));
  };

  const paintList = () => {
    const people = live.board?.participants || [];
    $('#participants-count').textContent = String(people.filter((p) => !p.removed).length);
    syncList($('#participants'), people, (p) => p.id, (p) => JSON.stringify([p.name, p.profession, p.removed]),
      (person) => {
        const name = person.name || t('ctl.anonymous.person');
        const profession = person.profession ? t(`join.profession.${camel(person.profession)}`) : '';
        return h('li', { class: person.removed ? 'is-removed' : '' },
          h('span', { class: 'person', text: profession ? `${name} · ${profession}` : name }),
          person.removed ? h('span', { class: 'badge', text: t('ctl.removed') })
            : h('button', { type: 'button', class: 'danger', text: t('ctl.remove'),
              'aria-label': t('ctl.removeWho', { name }), onclick: () => remove(person, name) }));
      });
  };

  async function remove(person, name) {
    const yes = await ask({ title: t('ctl.removeTitle', { name }), text: t('ctl.removeText'), ok: t('ctl.removeYes'),
      danger: true });
    if (yes) live.send('participant.remove', { participantId: person.id });
  }

  live.addEventListener('presence', ({ detail }) => {
    presence = detail;
    paintPresence();
    const known = (live.board?.participants || []).filter((p) => !p.removed).length;
    if ((detail.participants ?? 0) > known) live.refresh();
  });
  paintPresence();
  return paintList;
}

function camel(value) {
  return value.replace(/_([a-z])/g, (m, c) => c.toUpperCase());
}
