import type { ArticleAction } from '../../../../shared/api/publishing';
import type { ArticleStatus } from '../../../db/schema';

/**
 * The article workflow, pure: draft → review → published, back to draft from review, published →
 * unpublished (and from there submitted again). Pinning works in any state; featuring a published
 * district article is the unit above's call.
 */
const FROM: Record<ArticleAction, readonly ArticleStatus[]> = {
  submit: ['draft', 'unpublished'],
  return: ['review'],
  publish: ['review'],
  unpublish: ['published'],
  pin: ['draft', 'review', 'published', 'unpublished'],
  unpin: ['draft', 'review', 'published', 'unpublished'],
  feature: ['published'],
  unfeature: ['draft', 'review', 'published', 'unpublished'],
};

interface State { status: ArticleStatus; pinned: number; featured: number; publishAt: string | null }

export function actionsFor(article: State, may: { edit: boolean; feature: boolean }): ArticleAction[] {
  return (Object.keys(FROM) as ArticleAction[]).filter((action) => {
    if (!FROM[action].includes(article.status)) return false;
    if (action === 'pin') return may.edit && !article.pinned;
    if (action === 'unpin') return may.edit && !!article.pinned;
    if (action === 'feature') return may.feature && !article.featured;
    if (action === 'unfeature') return may.feature && !!article.featured;
    return may.edit;
  });
}

/** The columns an action changes; publishing without a time publishes now, a later time schedules. */
export function transition(article: State, action: ArticleAction, now: string): Partial<State> {
  switch (action) {
    case 'submit': return { status: 'review' };
    case 'return': return { status: 'draft' };
    case 'publish': return { status: 'published', publishAt: article.publishAt ?? now };
    case 'unpublish': return { status: 'unpublished', featured: 0 };
    case 'pin': return { pinned: 1 };
    case 'unpin': return { pinned: 0 };
    case 'feature': return { featured: 1 };
    case 'unfeature': return { featured: 0 };
  }
}
