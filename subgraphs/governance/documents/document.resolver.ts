import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { toCommune } from '../units/commune.resolver.js';
import { Commune } from '../units/commune.type.js';
import { unitLoader } from '../units/unit-registry.js';
import { findDocument, listCommuneDocuments } from './document.query.js';
import { signaturesByDocument, toSignatureView } from './document.store.js';
import { DocumentConnection, DocumentFilter, DocumentSignatureView, DocumentView } from './document.type.js';

@Resolver(() => DocumentView)
export class DocumentResolver {
  @Query(() => DocumentView, {
    nullable: true,
    description: 'A document by id; null when there is none. Only officers of the commune whose register holds it, and provincial officers of its province, may read it.',
  })
  async document(@Arg('id', () => ID, { description: 'Document.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<DocumentView | null> {
    return findDocument(context, id);
  }

  @FieldResolver(() => Boolean, { description: 'True when at least one digital signature is recorded (never a flag typed by hand).' })
  async signed(@Root() document: DocumentView, @Ctx() context: SubgraphContext): Promise<boolean> {
    return (await signaturesByDocument(context).load(document.id)).length > 0;
  }

  @FieldResolver(() => [DocumentSignatureView], { description: 'The digital signatures on the document, oldest first.' })
  async signatures(@Root() document: DocumentView, @Ctx() context: SubgraphContext): Promise<DocumentSignatureView[]> {
    return (await signaturesByDocument(context).load(document.id)).map(toSignatureView);
  }

  @FieldResolver(() => Commune, { nullable: true, description: 'The commune whose register holds the document.' })
  async commune(@Root() document: DocumentView, @Ctx() context: SubgraphContext): Promise<Commune | null> {
    const unit = await unitLoader(context).load(document.communeId);
    return unit ? toCommune(unit) : null;
  }
}

@Resolver(() => Commune)
export class CommuneDocumentsResolver {
  @FieldResolver(() => DocumentConnection, {
    nullable: true,
    description:
      'The commune\'s document register, newest first (by arrival date for incoming, issue date for outgoing), filtered. ' +
      'Only officers of the commune and provincial officers of its province may read it (FORBIDDEN otherwise; UNAUTHENTICATED without a token).',
  })
  async documents(
    @Root() commune: Commune,
    @Arg('filter', () => DocumentFilter, { nullable: true, description: 'Optional filters, combined with AND.' }) filter: DocumentFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<DocumentView>> {
    return listCommuneDocuments(context, commune, filter, page);
  }
}
