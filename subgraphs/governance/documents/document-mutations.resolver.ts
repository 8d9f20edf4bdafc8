import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { attachSignature } from './attach-signature.command.js';
import { toDocumentView, toSignatureView } from './document.store.js';
import {
  AttachSignatureInput,
  AttachSignaturePayload,
  IssueOutgoingDocumentInput,
  IssueOutgoingDocumentPayload,
  RegisterIncomingDocumentInput,
  RegisterIncomingDocumentPayload,
} from './document.type.js';
import { issueOutgoingDocument } from './issue-outgoing-document.command.js';
import { registerIncomingDocument } from './register-incoming-document.command.js';

@Resolver()
export class DocumentMutationsResolver {
  @Mutation(() => RegisterIncomingDocumentPayload, {
    description:
      'Registers a document that arrived at the commune (văn bản đến), giving it the next arrival number of the year unless one is given. ' +
      'Officers of that commune only. CONFLICT when the issuer\'s number and symbol of that year, or the arrival number, is already registered.',
  })
  async registerIncomingDocument(
    @Arg('input', () => RegisterIncomingDocumentInput, { description: 'The document and its arrival.' }) input: RegisterIncomingDocumentInput,
    @Ctx() context: SubgraphContext,
  ): Promise<RegisterIncomingDocumentPayload> {
    return { document: toDocumentView(await registerIncomingDocument(context, input)) };
  }

  @Mutation(() => IssueOutgoingDocumentPayload, {
    description:
      'Records a document the commune issues (văn bản đi), numbered with the next number of the issuer\'s year unless one is given. ' +
      'Attach its digital signatures with attachSignature. Officers of that commune only. CONFLICT on a number already used that year.',
  })
  async issueOutgoingDocument(
    @Arg('input', () => IssueOutgoingDocumentInput, { description: 'The document.' }) input: IssueOutgoingDocumentInput,
    @Ctx() context: SubgraphContext,
  ): Promise<IssueOutgoingDocumentPayload> {
    return { document: toDocumentView(await issueOutgoingDocument(context, input)) };
  }

  @Mutation(() => AttachSignaturePayload, {
    description:
      'Records a digital signature on an outgoing electronic document; from then on the document counts as signed. ' +
      'Officers of the document\'s commune only. CONFLICT when that signature (kind and certificate serial) is already recorded.',
  })
  async attachSignature(
    @Arg('input', () => AttachSignatureInput, { description: 'The signature.' }) input: AttachSignatureInput,
    @Ctx() context: SubgraphContext,
  ): Promise<AttachSignaturePayload> {
    const { signature, document } = await attachSignature(context, input);
    return { signature: toSignatureView(signature), document: toDocumentView(document) };
  }
}
