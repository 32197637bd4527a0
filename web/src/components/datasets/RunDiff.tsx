import type { DiffPart } from "@/contracts/datasetRuns";
import styles from "@/components/datasets/DatasetRunReport.module.css";

/** An output against its expected answer: what only the expected answer has struck through, what only the output has highlighted. */
export function RunDiff({ diff, output }: { diff: DiffPart[]; output: string }) {
  return (
    <pre className={styles.diff} aria-label="Output compared with the expected output">
      {diff.length === 0
        ? output
        : diff.map((part, index) =>
            part.op === "equal" ? (
              <span key={index}>{part.text}</span>
            ) : part.op === "insert" ? (
              <ins key={index} className={styles.inserted} title="Only in the output">
                {part.text}
              </ins>
            ) : (
              <del key={index} className={styles.deleted} title="Only in the expected output">
                {part.text}
              </del>
            ),
          )}
    </pre>
  );
}
