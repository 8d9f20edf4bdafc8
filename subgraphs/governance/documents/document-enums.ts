/** Whether the commune received the document (văn bản đến) or issued it (văn bản đi). */
export enum DocumentDirection {
  INCOMING = 'INCOMING',
  OUTGOING = 'OUTGOING',
}

/** Document types of Decree 30/2020/NĐ-CP, Article 7 (29 administrative types), plus OTHER for legal normative documents received. */
export enum DocumentType {
  RESOLUTION = 'RESOLUTION',
  DECISION = 'DECISION',
  DIRECTIVE = 'DIRECTIVE',
  REGULATION = 'REGULATION',
  RULES = 'RULES',
  COMMUNIQUE = 'COMMUNIQUE',
  NOTICE = 'NOTICE',
  GUIDANCE = 'GUIDANCE',
  PROGRAMME = 'PROGRAMME',
  PLAN = 'PLAN',
  SCHEME = 'SCHEME',
  PROPOSAL = 'PROPOSAL',
  PROJECT = 'PROJECT',
  REPORT = 'REPORT',
  MINUTES = 'MINUTES',
  SUBMISSION = 'SUBMISSION',
  CONTRACT = 'CONTRACT',
  OFFICIAL_LETTER = 'OFFICIAL_LETTER',
  TELEGRAM = 'TELEGRAM',
  MEMORANDUM = 'MEMORANDUM',
  AGREEMENT = 'AGREEMENT',
  AUTHORIZATION = 'AUTHORIZATION',
  INVITATION = 'INVITATION',
  INTRODUCTION = 'INTRODUCTION',
  LEAVE_PERMIT = 'LEAVE_PERMIT',
  DISPATCH_SLIP = 'DISPATCH_SLIP',
  TRANSFER_SLIP = 'TRANSFER_SLIP',
  NOTIFICATION_SLIP = 'NOTIFICATION_SLIP',
  PUBLIC_LETTER = 'PUBLIC_LETTER',
  OTHER = 'OTHER',
}

/** Vietnamese names of the types, for descriptions and imports that use them. */
export const DOCUMENT_TYPE_NAMES: Record<DocumentType, string> = {
  RESOLUTION: 'Nghị quyết (cá biệt)',
  DECISION: 'Quyết định (cá biệt)',
  DIRECTIVE: 'Chỉ thị',
  REGULATION: 'Quy chế',
  RULES: 'Quy định',
  COMMUNIQUE: 'Thông cáo',
  NOTICE: 'Thông báo',
  GUIDANCE: 'Hướng dẫn',
  PROGRAMME: 'Chương trình',
  PLAN: 'Kế hoạch',
  SCHEME: 'Phương án',
  PROPOSAL: 'Đề án',
  PROJECT: 'Dự án',
  REPORT: 'Báo cáo',
  MINUTES: 'Biên bản',
  SUBMISSION: 'Tờ trình',
  CONTRACT: 'Hợp đồng',
  OFFICIAL_LETTER: 'Công văn',
  TELEGRAM: 'Công điện',
  MEMORANDUM: 'Bản ghi nhớ',
  AGREEMENT: 'Bản thỏa thuận',
  AUTHORIZATION: 'Giấy ủy quyền',
  INVITATION: 'Giấy mời',
  INTRODUCTION: 'Giấy giới thiệu',
  LEAVE_PERMIT: 'Giấy nghỉ phép',
  DISPATCH_SLIP: 'Phiếu gửi',
  TRANSFER_SLIP: 'Phiếu chuyển',
  NOTIFICATION_SLIP: 'Phiếu báo',
  PUBLIC_LETTER: 'Thư công',
  OTHER: 'Khác (văn bản quy phạm pháp luật, văn bản chuyên ngành)',
};

/** Độ khẩn (Decree 30/2020): normal, khẩn, thượng khẩn, hỏa tốc. */
export enum DocumentUrgency {
  NORMAL = 'NORMAL',
  URGENT = 'URGENT',
  VERY_URGENT = 'VERY_URGENT',
  FLASH = 'FLASH',
}

/** Độ mật: none, mật, tối mật, tuyệt mật. */
export enum DocumentSecrecy {
  NONE = 'NONE',
  CONFIDENTIAL = 'CONFIDENTIAL',
  SECRET = 'SECRET',
  TOP_SECRET = 'TOP_SECRET',
}

/** Whose digital signature: the signer's (chữ ký số của người có thẩm quyền) or the organisation's (của cơ quan, tổ chức). */
export enum SignatureKind {
  SIGNER = 'SIGNER',
  ORGANIZATION = 'ORGANIZATION',
}
