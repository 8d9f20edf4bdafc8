export { communeCodeOf, parseCommuneId as requireCommuneId } from '../../shared/commune.reference.js';
