import { ATTACHMENT_LIMITS } from '@minsheng/contracts';

/** Sizes of the portal form's fields (characters); GET /api/portal/config tells the web form the same numbers. */
export const PORTAL_LIMITS = {
  maxFiles: ATTACHMENT_LIMITS.maxFiles,
  maxFileBytes: ATTACHMENT_LIMITS.maxFileBytes,
  titleMax: 100,
  contentMax: 5000,
  nameMax: 50,
  addressMax: 200,
  commentMax: 500,
} as const;
