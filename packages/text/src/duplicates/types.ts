/** An appeal as duplicate detection sees it. */
export interface AppealText {
  id: string;
  title?: string;
  content: string;
  areaCode?: string | null;
  categoryId?: string | null;
  createdAt: Date | string | number;
}

export interface DuplicateOptions {
  /** Minimum combined score of a reported match (default 0.5). */
  threshold?: number;
  /** Below this text similarity nothing is a duplicate, whatever area, category or time say (default 0.2). */
  minTextSimilarity?: number;
  /** Appeals further apart than this are never compared (default 30 days). */
  maxHoursApart?: number;
  /** Most matches returned, best first (default 10). */
  limit?: number;
  /** Compare title + content (default) or content only. */
  includeTitle?: boolean;
}

/** A likely duplicate with the evidence for it. */
export interface DuplicateMatch {
  id: string;
  score: number;
  /** Mean of character 3-gram Jaccard (same wording) and content-word Dice (same subject in other words); 0–1. */
  textSimilarity: number;
  /** Content words both texts use, in the candidate's order. */
  sharedTerms: string[];
  hoursApart: number;
  /** null when either side has no area (or category). */
  sameArea: boolean | null;
  sameCategory: boolean | null;
  /** Human-readable reasons (Chinese, for the console). */
  reasons: string[];
}
