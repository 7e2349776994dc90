/** The file types an attachment may have: decided from the file's first bytes, never from its name or declared type. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** How many files one appeal may carry and how large each may be (issue 5: up to 5 files of ≤ 10 MB). */
export const ATTACHMENT_LIMITS = { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024, maxFilenameLength: 200 } as const;
