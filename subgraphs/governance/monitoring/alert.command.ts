import { invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { nfc } from '../../../core/text.js';
import { requireOfficerOf, requireViewer } from '../common/officer-scope.js';
import { unitLoader } from '../units/unit-registry.js';
import { InformationAlert } from './information-alert.entity.js';

/** An officer of the alert's commune marks it handled (again: the note is updated, the first handling time kept). */
export async function handleInformationAlert(context: SubgraphContext, alertId: string, note: string | undefined): Promise<InformationAlert> {
  const viewer = requireViewer(context);
  if (note !== undefined && note.length > 2000) throw invalidInput(`note is ${note.length} characters long; at most 2000.`, 'input.note');
  // Access is checked before the transaction: inside it only `tx` may be used (SQLite has one connection).
  const found = await context.em.findOne(InformationAlert, { id: alertId }, { disableIdentityMap: true });
  if (!found) throw notFound(`No information alert has id "${alertId}".`);
  const unit = await unitLoader(context).load(found.unitId);
  requireOfficerOf(context, unit ?? { id: found.unitId, code: '', name: found.unitId });
  return context.em.transactional(async (tx) => {
    const alert = await tx.findOneOrFail(InformationAlert, { id: alertId });
    alert.handledAt ??= new Date();
    alert.handledBy = viewer.subject;
    if (note !== undefined) alert.handlingNote = nfc(note);
    return alert;
  });
}
