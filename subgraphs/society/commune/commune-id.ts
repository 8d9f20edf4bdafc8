export { communeCodeOf, parseCommuneId as requireCommuneId } from '../../../core/graphql/commune-reference.js';
