import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { type Connection, PageArgs, pageWindow, toConnection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { readAccess } from '../../shared/access-guard.js';
import { Commune } from '../units/commune.type.js';
import { handleInformationAlert } from './alert.command.js';
import { alertCursor, listAlerts } from './alert.store.js';
import { HandleInformationAlertInput, HandleInformationAlertPayload, InformationAlertConnection, InformationAlertView } from './alert.type.js';
import type { InformationAlert } from './information-alert.entity.js';

function toView(a: InformationAlert): InformationAlertView {
  return Object.assign(new InformationAlertView(), {
    id: a.id,
    communeId: a.unitId,
    source: a.source,
    url: a.url,
    detectedAt: a.detectedAt,
    topic: a.topic,
    title: a.title,
    severity: a.severity,
    handled: !!a.handledAt,
    handledAt: a.handledAt ?? null,
    handlingNote: a.handlingNote ?? null,
  });
}

@Resolver(() => Commune)
export class CommuneAlertsResolver {
  @FieldResolver(() => InformationAlertConnection, {
    nullable: true,
    description:
      'What the internet information monitoring found about the commune, newest first. Officers of the commune only (FORBIDDEN otherwise; UNAUTHENTICATED without a token).',
  })
  async informationAlerts(
    @Root() commune: Commune,
    @Arg('handled', () => Boolean, { nullable: true, description: 'true: only handled alerts; false: only open ones; omitted: all.' }) handled: boolean | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<InformationAlertView>> {
    await readAccess(context, 'Commune.informationAlerts', { unitIds: [commune.id] }, { target: commune.id, communeId: commune.id });
    const { limit, after } = pageWindow(page);
    const { rows, totalCount } = await listAlerts(context.em, commune.id, handled ?? undefined, limit, after);
    return toConnection(rows.map(toView), limit, totalCount, alertCursor);
  }
}

@Resolver(() => InformationAlertView)
export class AlertMutationsResolver {
  @Mutation(() => HandleInformationAlertPayload, { description: 'Marks an information alert handled, with an optional note. Officers of its commune only.' })
  async handleInformationAlert(
    @Arg('input', () => HandleInformationAlertInput, { description: 'The alert and what was done.' }) input: HandleInformationAlertInput,
    @Ctx() context: SubgraphContext,
  ): Promise<HandleInformationAlertPayload> {
    const alert = await handleInformationAlert(context, input.alertId, input.note);
    return Object.assign(new HandleInformationAlertPayload(), { alert: toView(alert) });
  }
}
