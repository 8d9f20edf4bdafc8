import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { OptOutByCodeInput, OptOutPayload, OptOutSubscriberInput, SubscribeInput, SubscriberPayload, SubscriberType } from './announcement.type.js';
import { optOutByCode, optOutSubscriber, subscribe } from './subscriber.command.js';
import type { Subscriber } from './subscriber.entity.js';
import { maskPhone } from './subscriber.rules.js';

@Resolver(() => SubscriberType)
export class SubscriberResolver {
  @FieldResolver(() => String, { description: 'The phone, masked: first three and last two digits ("091•••••78").' })
  maskedPhone(@Root() subscriber: Subscriber): string {
    return maskPhone(subscriber.phone);
  }

  @Mutation(() => SubscriberPayload, {
    description: 'Records a resident\'s opt-in with when and where they agreed (OFFICER of the commune). A phone that opted out subscribes again; one already subscribed is a CONFLICT.',
  })
  async subscribeToAnnouncements(@Arg('input', () => SubscribeInput, { description: 'The subscription.' }) input: SubscribeInput, @Ctx() context: SubgraphContext): Promise<SubscriberPayload> {
    const subscriber = await subscribe(context.em, context.viewer, input, new Date());
    context.logger.info({ subscriberId: subscriber.id, channel: subscriber.channel, by: context.viewer?.subject }, 'announcement subscriber recorded');
    return { subscriber: subscriber as unknown as SubscriberType };
  }

  @Mutation(() => SubscriberPayload, { description: 'Records a resident\'s withdrawal made at the desk, by phone or on Zalo (OFFICER of the commune). Nothing more is sent to them, queued messages included.' })
  async optOutSubscriber(@Arg('input', () => OptOutSubscriberInput, { description: 'The withdrawal.' }) input: OptOutSubscriberInput, @Ctx() context: SubgraphContext): Promise<SubscriberPayload> {
    const subscriber = await optOutSubscriber(context.em, context.viewer, input, new Date());
    context.logger.info({ subscriberId: subscriber.id, by: context.viewer?.subject }, 'announcement subscriber opted out');
    return { subscriber: subscriber as unknown as SubscriberType };
  }

  @Mutation(() => OptOutPayload, { description: 'The public opt-out: no sign-in, the code printed under every announcement. NOT_FOUND for an unknown code; repeating it is harmless.' })
  async optOutOfAnnouncements(@Arg('input', () => OptOutByCodeInput, { description: 'The code.' }) input: OptOutByCodeInput, @Ctx() context: SubgraphContext): Promise<OptOutPayload> {
    await optOutByCode(context.em, input.code, new Date());
    return { optedOut: true };
  }
}
