package cn.gongkai.audit;

/**
 * Result of walking the audit chain.
 *
 * @param intact             whether every check held
 * @param entries            entries read (up to the first break)
 * @param firstBrokenEntryId the first entry whose link, SM3 hash or HMAC fails (or that the newest checkpoint names
 *                           with another hash); null when none does
 * @param unsignedUpTo       the last entry written before signing began (V25), checked by its SM3 chain only; null
 *                           when every entry is signed
 * @param anchoredUpTo       the entry named by the newest valid checkpoint in the anchor file; null without one
 * @param missingAfter       when entries the newest checkpoint covers are gone: the last entry still there (0 when
 *                           none is); null otherwise
 */
public record ChainVerification(boolean intact, long entries, Long firstBrokenEntryId, Long unsignedUpTo,
        Long anchoredUpTo, Long missingAfter) {
}
