package cn.gongkai.audit;

/** Result of walking the hash chain: intact with a count, or the first entry whose chain breaks. */
public record ChainVerification(boolean intact, long entries, Long firstBrokenEntryId) {
}
