import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../../core/auth/viewer.js';
import { invalidInput } from '../../../core/domain-errors.js';
import { foldForSearch, nfc } from '../../../core/text.js';
import { optionalPhone } from '../../shared/contact.rules.js';
import { requireProducerManager } from './catalogue-access.rules.js';
import { ProducerMember } from './producer-member.entity.js';
import { Producer } from './producer.entity.js';
import type { CreateProducerInput, ProducerMemberInput, UpdateProducerInput } from './producer.inputs.js';
import { communeIdOf, memberName, memberSubject, producerName } from './producer.rules.js';

/** Producer onboarding: admins and the cooperative managers of the producer's commune, each in one transaction. */

function contactName(value: string | null | undefined): string | null {
  const name = value == null ? '' : nfc(value.trim());
  if (name.length > 200) throw invalidInput('The contact name must be at most 200 characters.', 'input.contactName');
  return name || null;
}

export async function createProducer(em: EntityManager, viewer: Viewer | null, input: CreateProducerInput): Promise<Producer> {
  const communeId = communeIdOf(input.communeId, 'input.communeId');
  requireProducerManager(viewer, communeId);
  const name = producerName(input.name, 'input.name');
  const phone = optionalPhone(input.contactPhone, 'input.contactPhone');
  const contact = contactName(input.contactName);
  return em.transactional(async (tx) =>
    tx.create(Producer, { id: randomUUID(), kind: input.kind, name, nameSearch: foldForSearch(name), communeId, contactName: contact, contactPhone: phone, marketplaces: [], createdAt: new Date() }),
  );
}

async function producerToManage(em: EntityManager, viewer: Viewer | null, producerId: string): Promise<Producer> {
  const producer = await em.findOne(Producer, { id: producerId });
  if (!producer) throw invalidInput(`No producer has id "${producerId}": check the id.`, 'input.producerId');
  requireProducerManager(viewer, producer.communeId);
  return producer;
}

export async function updateProducer(em: EntityManager, viewer: Viewer | null, input: UpdateProducerInput): Promise<Producer> {
  return em.transactional(async (tx) => {
    const producer = await producerToManage(tx, viewer, input.producerId);
    const name = input.name != null ? producerName(input.name, 'input.name') : null;
    const phone = input.contactPhone !== undefined ? optionalPhone(input.contactPhone, 'input.contactPhone') : undefined;
    const contact = input.contactName !== undefined ? contactName(input.contactName) : undefined;
    if (name) Object.assign(producer, { name, nameSearch: foldForSearch(name) });
    if (input.kind) producer.kind = input.kind;
    if (phone !== undefined) producer.contactPhone = phone;
    if (contact !== undefined) producer.contactName = contact;
    return producer;
  });
}

/** Records a member (idempotent on the account id: a second add renames). */
export async function addProducerMember(em: EntityManager, viewer: Viewer | null, input: ProducerMemberInput): Promise<Producer> {
  const subject = memberSubject(input.subject, 'input.subject');
  const displayName = memberName(input.displayName, 'input.displayName');
  return em.transactional(async (tx) => {
    const producer = await producerToManage(tx, viewer, input.producerId);
    const existing = await tx.findOne(ProducerMember, { producerId: producer.id, subject });
    if (existing) existing.displayName = displayName;
    else tx.create(ProducerMember, { id: randomUUID(), producerId: producer.id, subject, displayName, addedAt: new Date() });
    // From now on the records alone grant access: removing the last member must not reopen the claim.
    producer.membersRecordedAt ??= new Date();
    return producer;
  });
}

export async function removeProducerMember(em: EntityManager, viewer: Viewer | null, input: ProducerMemberInput): Promise<Producer> {
  const subject = memberSubject(input.subject, 'input.subject');
  return em.transactional(async (tx) => {
    const producer = await producerToManage(tx, viewer, input.producerId);
    const removed = await tx.nativeDelete(ProducerMember, { producerId: producer.id, subject });
    if (!removed) throw invalidInput(`${subject} is not a member of producer ${producer.id}.`, 'input.subject');
    return producer;
  });
}
