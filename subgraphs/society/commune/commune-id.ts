export { communeCodeOf, parseCommuneId as requireCommuneId } from '../../shared/commune-id.js';
