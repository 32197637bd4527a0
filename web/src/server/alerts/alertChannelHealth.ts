/** Failed delivery attempts in a row after which a channel shows as failing on its rules. */
export const alertChannelFailingAfter = 5;

export const channelIsFailing = (channel: { consecutiveFailures: number }): boolean =>
  channel.consecutiveFailures >= alertChannelFailingAfter;
