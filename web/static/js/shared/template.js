import { label } from './i18n.js';

/** The grid a template describes: phases by dimensions, plus extra lanes such as improvements. */
export function gridOf(template) {
  const phases = template.phases || [];
  const dimensions = template.dimensions || [];
  const extras = template.extraLanes || [];
  const tags = template.tags || [];
  const lanes = new Map();
  for (const phase of phases) {
    for (const dimension of dimensions) {
      const id = `${phase.key}:${dimension.key}`;
      // `spoken` is the name a screen reader says ("Presa in carico, Criticità"): a comma, not a middle dot
      lanes.set(id, { id, phase, dimension, name: `${label(phase)} · ${label(dimension)}`,
        spoken: `${label(phase)}, ${label(dimension)}` });
    }
  }
  for (const extra of extras) lanes.set(extra.key, { id: extra.key, extra, name: label(extra), spoken: label(extra) });
  return {
    phases, dimensions, extras, tags, lanes,
    laneName: (id) => lanes.get(id)?.name ?? id,
    spokenName: (id) => lanes.get(id)?.spoken ?? id,
    tagName: (key) => label(tags.find((tag) => tag.key === key)) || key,
    dimensionIndex: (key) => dimensions.findIndex((d) => d.key === key),
  };
}
