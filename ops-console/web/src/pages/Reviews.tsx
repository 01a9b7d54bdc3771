import { useState, type FormEvent } from 'react';
import { asApiError, Badge, Field, useFieldErrors, FormProblem, Link, Loaded, Pager, useApi, useLoad } from '../components';
import { instant, shortId } from '../format';
import { useI18n } from '../i18n/i18n';
import type { ApiError } from '../problem';
import { navigate } from '../router';
import type { Review } from '../types';
import type { ReviewCount } from '../types-admin';

const PAGE_SIZE = 20;
const FIELDS = ['comment'] as const;

/**
 * The anti-fraud manual-review queue. Everyone on ops may read it; approving or rejecting is the
 * API's to allow or refuse (supervisors, risk analysts, administrators), and a refusal shows as
 * "not allowed" on the row.
 */
export function Reviews({ query }: { query: Record<string, string> }) {
  const { t, v } = useI18n();
  const page = Number(query.page ?? '0') || 0;
  const status = query.status ?? 'PENDING';
  const [load, reload] = useLoad<Review[]>(`reviews:${status}:${page}`, (api) =>
    api.get('/ops/v1/antifraud/reviews', { status, page, size: PAGE_SIZE }));
  const [count, reloadCount] = useLoad<ReviewCount>(`reviews-count:${status}:${page}`, (api) => api.get('/ops/v1/antifraud/reviews/count', { status }));

  return (
    <div>
      <h1>{t('reviews.title')}{count.state === 'done' ? (
        <span className="count" data-testid="review-count" data-count={count.data.count}> {t('reviews.total', { n: count.data.count })}</span>
      ) : null}</h1>
      <div className="panel filters">
        <label className="field" htmlFor="f-status">
          <span className="field-label">{t('reviews.status')}</span>
          <select id="f-status" value={status} onChange={(e) => navigate('/reviews', { status: e.target.value })}>
            {['PENDING', 'APPROVED', 'REJECTED'].map((s) => <option key={s} value={s}>{v('reviewStatus', s)}</option>)}
          </select>
        </label>
        <div className="actions"><button type="button" onClick={() => { reload(); reloadCount(); }}>{t('common.refresh')}</button></div>
      </div>
      <Loaded load={load}>
        {(reviews) => (
          <div className="panel">
            {reviews.length === 0 ? <p className="empty">{t('reviews.empty')}</p> : null}
            {reviews.map((review) => <ReviewCard key={review.id} review={review} onConcluded={reloadCount} />)}
            <Pager page={page} hasNext={reviews.length === PAGE_SIZE} onPage={(p) => navigate('/reviews', { status, page: p })} />
          </div>
        )}
      </Loaded>
    </div>
  );
}

function ReviewCard({ review: initial, onConcluded }: { review: Review; onConcluded?: () => void }) {
  const { t, language } = useI18n();
  const api = useApi();
  const [review, setReview] = useState(initial);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error, FIELDS);

  const conclude = async (verdict: 'approve' | 'reject', event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      setReview(await api.post<Review>(`/ops/v1/antifraud/reviews/${review.id}/${verdict}`, { comment }));
      onConcluded?.();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="review" data-review={review.id} data-application={review.applicationId}>
      <header>
        <Link to={`/applications/${review.applicationId}`} testId="review-application">
          {t('reviews.application')} {shortId(review.applicationId)}
        </Link>
        <span> · <Link to={`/customers/${review.customerId}`}>{t('reviews.customer')} {shortId(review.customerId)}</Link></span>
        <span> · {t('reviews.score', { score: review.score })}</span>
        <span> · {instant(review.queuedAt, language)}</span>
        <Badge group="reviewStatus" value={review.status} />
      </header>
      <ul className="rules">
        {review.firedRules.map((r) => <li key={r.code}><strong>{r.code}</strong> ({r.action}, {r.score}): {r.reason}</li>)}
      </ul>
      {review.status === 'PENDING' ? (
        <form className="conclude" onSubmit={(e) => conclude('approve', e)} noValidate>
          <Field name="comment" label={t('reviews.comment')} errors={errors}>
            <textarea id="f-comment" name="comment" rows={2} maxLength={1000} value={comment}
                      onChange={(e) => setComment(e.target.value)} />
          </Field>
          <FormProblem error={error} errors={errors} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy} data-action="approve">{t('reviews.approve')}</button>
            <button type="button" className="danger" disabled={busy} data-action="reject" onClick={() => conclude('reject')}>
              {t('reviews.reject')}
            </button>
          </div>
        </form>
      ) : (
        <p className="concluded" data-testid="review-concluded">
          {t('reviews.concludedBy', { who: review.concludedBy ?? '—', at: instant(review.concludedAt, language) })}: {review.comment}
          {' '}<Link to={`/applications/${review.applicationId}`} testId="follow-application">{t('reviews.follow')}</Link>
        </p>
      )}
    </article>
  );
}
