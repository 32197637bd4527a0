import ReactMarkdown from "react-markdown";
import styles from "./Markdown.module.css";

/**
 * Conversation text as Markdown, safely: react-markdown builds React elements (no HTML
 * from the data is ever parsed as HTML; `<script>` shows as text), and its URL filter
 * drops `javascript:` and other unsafe link targets.
 */
export function Markdown({ text }: { text: string }) {
  return (
    <div className={styles.markdown}>
      <ReactMarkdown
        skipHtml={false}
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              {children}
            </a>
          ),
        }}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
}
