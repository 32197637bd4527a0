/** A candidate share as people say it: 0.01 is "1%", 0.0005 is "0.05%" (shares move in steps of 0.01 %). */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(2))}%`;
}
