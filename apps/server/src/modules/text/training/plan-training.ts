import type { LabelledText } from '@minsheng/text';

/** A category as training sees it. */
export interface CategoryNode {
  id: string;
  parentId: string | null;
  name: string;
  keywords: readonly string[];
  active: boolean;
}

export interface TrainingAppeal {
  title: string;
  content: string;
  categoryId: string;
}

export interface ClassCount { categoryId: string; examples: number }

/** What the classifier will learn: labelled rows, and the categories that became classes or were left out. */
export interface TrainingPlan {
  /** One row per distinct appeal text, labelled with its class (a category id). */
  rows: LabelledText[];
  /** Rows made of each category's name and keywords (词表), labelled with the class the category rolls up to. */
  catalogue: LabelledText[];
  classes: ClassCount[];
  /** Top-level categories whose appeals (after deeper classes took theirs) were too few to learn. */
  skipped: ClassCount[];
  duplicatesRemoved: number;
  /** Appeals whose category is not in the tree (deleted since): not used. */
  unknownCategory: number;
}

/**
 * Copies of each category's name + keywords among the training rows. One: with two, a jurisdiction's first model
 * (a few appeals per class) let those short rows outweigh its appeals, and a plain street-light complaint came out as
 * catering fumes in about half of the orders the category ids happened to sort in.
 */
export const CATALOGUE_COPIES = 1;

const textKey = (a: TrainingAppeal) => `${a.title}\n${a.content}`.replace(/\s+/g, ' ').trim();

/**
 * Chooses the classes (分类粒度) and labels the rows. Each appeal counts toward its own category; going up the tree,
 * an active category with at least `minExamples` distinct appeals not claimed by a more specific class becomes a
 * class of its own; the rest roll up to the parent. So a busy leaf (物业收费) is suggested as itself, while a quiet
 * corner of the tree is suggested as its top-level category (城乡建设), and whatever a top-level category cannot
 * gather is skipped and reported. Identical texts count once (a pasted complaint is one example, not twenty).
 */
export function planTraining(categories: readonly CategoryNode[], appeals: readonly TrainingAppeal[], minExamples: number): TrainingPlan {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const children = new Map<string, CategoryNode[]>();
  const roots: CategoryNode[] = [];
  for (const c of categories) {
    const parent = c.parentId ? byId.get(c.parentId) : undefined;
    if (!parent) roots.push(c);
    else if (children.has(parent.id)) children.get(parent.id)!.push(c);
    else children.set(parent.id, [c]);
  }

  const seen = new Set<string>();
  const own = new Map<string, string[]>();
  let duplicatesRemoved = 0;
  let unknownCategory = 0;
  for (const a of appeals) {
    if (!byId.has(a.categoryId)) { unknownCategory += 1; continue; }
    const key = textKey(a);
    if (seen.has(key)) { duplicatesRemoved += 1; continue; }
    seen.add(key);
    const list = own.get(a.categoryId);
    if (list) list.push(`${a.title}\n${a.content}`); else own.set(a.categoryId, [`${a.title}\n${a.content}`]);
  }

  const rows: LabelledText[] = [];
  const classes: ClassCount[] = [];
  const skipped: ClassCount[] = [];
  const isClass = new Set<string>();
  // Post-order: a node sees what its children did not claim.
  const residual = (node: CategoryNode, depth: number): string[] => {
    const texts = [...(own.get(node.id) ?? [])];
    if (depth < 16) for (const child of children.get(node.id) ?? []) for (const t of residual(child, depth + 1)) texts.push(t);
    if (node.active && texts.length >= minExamples) {
      isClass.add(node.id);
      classes.push({ categoryId: node.id, examples: texts.length });
      for (const text of texts) rows.push({ text, label: node.id });
      return [];
    }
    return texts;
  };
  for (const root of roots) {
    const left = residual(root, 0);
    if (left.length) skipped.push({ categoryId: root.id, examples: left.length });
  }

  const classOf = (node: CategoryNode): string | null => {
    for (let n: CategoryNode | undefined = node, depth = 0; n && depth < 16; n = n.parentId ? byId.get(n.parentId) : undefined, depth++) {
      if (isClass.has(n.id)) return n.id;
    }
    return null;
  };
  const catalogue: LabelledText[] = [];
  for (const c of categories) {
    const label = c.active ? classOf(c) : null;
    const text = [c.name, ...c.keywords].join(' ').trim();
    if (label && text) for (let i = 0; i < CATALOGUE_COPIES; i++) catalogue.push({ text, label });
  }
  return { rows, catalogue, classes, skipped, duplicatesRemoved, unknownCategory };
}
