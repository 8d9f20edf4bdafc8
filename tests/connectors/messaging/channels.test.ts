import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, withoutPhoneNumbers, type MessagingChannel } from '../../../connectors/messaging/contract.js';
import { CHANNEL_ADAPTERS, CHANNEL_CODES, connectChannels } from '../../../connectors/messaging/registry.js';
import { SubscriberChannel } from '../../../subgraphs/society/announcements/announcement-enums.js';
import { startMessagingSandboxes, type MessagingSandboxes } from '../../../connectors/messaging/sandboxes.js';
import { SmsChannel } from '../../../connectors/sms/adapter.js';
import { ZaloChannel } from '../../../connectors/zalo/adapter.js';

const PHONE = '0912345678';

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe.each(CHANNEL_ADAPTERS.map((a) => [a.code] as const))('the %s adapter against its sandbox', (code) => {
  let sandboxes: MessagingSandboxes;
  let channel: MessagingChannel;
  let n = 0;
  const id = () => `t${code}${(n += 1)}`;

  beforeAll(async () => {
    sandboxes = await startMessagingSandboxes({ options: { deliveryDelayMs: 0 }, timeoutMs: 300 });
    channel = connectChannels(sandboxes.settings)[code];
  });
  afterAll(async () => {
    await sandboxes?.close();
  });
  afterEach(() => {
    sandboxes[code].faults.set({ errorRate: 0, latencyMs: 0 });
    sandboxes[code].book.deliveryDelayMs = 0;
  });

  it('sends a message the sandbox receives with the phone in international form, and reads its delivery report', async () => {
    const clientMessageId = id();
    const sent = await channel.send({ clientMessageId, phone: PHONE, text: 'Họp thôn lúc 8 giờ' });
    expect(sent).toMatchObject({ clientMessageId, status: expect.stringMatching(/ACCEPTED|DELIVERED/) });
    expect(sandboxes[code].book.find(clientMessageId)).toMatchObject({ phone: '84912345678', text: 'Họp thôn lúc 8 giờ' });
    expect(await channel.status(clientMessageId)).toMatchObject({ clientMessageId, providerMessageId: sent.providerMessageId, status: 'DELIVERED' });
    expect(await channel.status('never-sent')).toBeNull();
  });

  it('reports ACCEPTED until the delivery report is ready, and FAILED for an unreachable phone', async () => {
    sandboxes[code].book.deliveryDelayMs = 60_000;
    const pending = id();
    await channel.send({ clientMessageId: pending, phone: PHONE, text: 'x' });
    expect((await channel.status(pending))?.status).toBe('ACCEPTED');
    sandboxes[code].book.deliveryDelayMs = 0;
    sandboxes[code].book.setUnreachable(['84987654321']);
    const lost = id();
    await channel.send({ clientMessageId: lost, phone: '0987654321', text: 'x' });
    expect(await channel.status(lost)).toMatchObject({ status: 'FAILED', failureReason: 'UNREACHABLE' });
  });

  it('sending the same client message id again returns the first message: no second message', async () => {
    const clientMessageId = id();
    const first = await channel.send({ clientMessageId, phone: PHONE, text: 'một lần' });
    const again = await channel.send({ clientMessageId, phone: PHONE, text: 'một lần' });
    expect(again.providerMessageId).toBe(first.providerMessageId);
    expect(sandboxes[code].book.messages().filter((m) => m.clientMessageId === clientMessageId)).toHaveLength(1);
    expect(sandboxes[code].book.find(clientMessageId)?.requests).toBe(2);
  });

  it('classifies scripted faults: 503 TRANSIENT, 429 RATE_LIMITED with Retry-After, a dropped answer UNKNOWN_OUTCOME (sent: the repeat is the same message)', async () => {
    sandboxes[code].scripted.failNext('error');
    expect((await failure(channel.send({ clientMessageId: id(), phone: PHONE, text: 'x' }))).kind).toBe('TRANSIENT');
    sandboxes[code].scripted.failNext('rate-limit');
    const limited = await failure(channel.send({ clientMessageId: id(), phone: PHONE, text: 'x' }));
    expect(limited).toMatchObject({ kind: 'RATE_LIMITED', details: { retryAfterMs: 1000 } });
    const dropped = id();
    sandboxes[code].scripted.failNext('drop');
    expect((await failure(channel.send({ clientMessageId: dropped, phone: PHONE, text: 'x' }))).kind).toBe('UNKNOWN_OUTCOME');
    expect(sandboxes[code].book.find(dropped)).toBeDefined();
    await channel.send({ clientMessageId: dropped, phone: PHONE, text: 'x' });
    expect(sandboxes[code].book.messages().filter((m) => m.clientMessageId === dropped)).toHaveLength(1);
  });

  it('random faults: every request failing is TRANSIENT; a send that times out is UNKNOWN_OUTCOME, a status read TRANSIENT', async () => {
    sandboxes[code].faults.set({ errorRate: 1 });
    expect((await failure(channel.send({ clientMessageId: id(), phone: PHONE, text: 'x' }))).kind).toBe('TRANSIENT');
    sandboxes[code].faults.set({ errorRate: 0, latencyMs: 600 });
    expect((await failure(channel.send({ clientMessageId: id(), phone: PHONE, text: 'x' }))).kind).toBe('UNKNOWN_OUTCOME');
    expect((await failure(channel.status('whatever'))).kind).toBe('TRANSIENT');
  });

  it('refuses what the contract refuses (REJECTED) and wrong credentials (AUTH), with no phone number in the message', async () => {
    const tooLong = await failure(channel.send({ clientMessageId: id(), phone: PHONE, text: 'x'.repeat(5000) }));
    expect(tooLong.kind).toBe('REJECTED');
    const settings = sandboxes.settings;
    const wrong = code === 'SMS' ? new SmsChannel({ ...settings.SMS, apiKey: 'nope' }) : new ZaloChannel({ ...settings.ZALO, accessToken: 'nope' });
    const refused = await failure(wrong.send({ clientMessageId: id(), phone: PHONE, text: 'x' }));
    expect(refused.kind).toBe('AUTH');
    for (const error of [tooLong, refused]) expect(error.message).not.toMatch(/912345678/);
  });

  it('cannot reach a stopped channel: TRANSIENT, nothing sent', async () => {
    const closed = await startMessagingSandboxes({ timeoutMs: 300 });
    const dead = connectChannels(closed.settings)[code];
    await closed.close();
    expect((await failure(dead.send({ clientMessageId: id(), phone: PHONE, text: 'x' }))).kind).toBe('TRANSIENT');
  });
});

describe('the messaging registry', () => {
  it('has exactly the channels a subscriber can choose (the MessagingChannel enum and its check constraint)', () => {
    expect([...CHANNEL_CODES].sort()).toEqual(Object.values(SubscriberChannel).sort());
  });
});

describe('withoutPhoneNumbers', () => {
  it('blanks runs of digits that could be a phone, keeps short numbers', () => {
    expect(withoutPhoneNumbers('invalid phone 84912345678 (code 400)')).toBe('invalid phone [number] (code 400)');
    expect(withoutPhoneNumbers('số +84 912 345 678 sai')).toBe('số [number] sai');
    expect(withoutPhoneNumbers('error -118 after 3 tries')).toBe('error -118 after 3 tries');
  });
});
