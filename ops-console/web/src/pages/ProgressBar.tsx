import { percent, type Progress } from '../operations';

/** A long operation's bar: its share done, moving while the thing runs. */
export function ProgressBar({ progress, label, testId }: { progress: Progress; label: string; testId?: string }) {
  const value = percent(progress);
  return (
    <div className="progress-line" data-testid={testId} data-percent={value} data-running={progress.running}>
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
        <div className={`progress-bar${progress.running ? ' running' : ''}`} style={{ width: `${value}%` }} />
      </div>
      <span className="progress-text">{`${label} · ${value}%`}</span>
    </div>
  );
}
