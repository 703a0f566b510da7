package cn.gongkai.request;

/**
 * 信息处理费 (Regulations Art. 42; 国办函〔2020〕109号): per applicant per calendar month, the first 10 requests are free,
 * the 11th to 30th cost 100 yuan each, and the rate rises by 100 yuan for each further band of 10 (31st–40th 200 yuan,
 * 41st–50th 300 yuan, …). The handler decides whether to charge; this only computes what may be charged.
 */
final class FeePolicy {

    static final int FREE_PER_MONTH = 10;

    private FeePolicy() {
    }

    /** The fee in yuan for an applicant's n-th request of the month (n ≥ 1). */
    static int feeForNth(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n starts at 1");
        }
        if (n <= FREE_PER_MONTH) {
            return 0;
        }
        if (n <= 30) {
            return 100;
        }
        return 100 * (2 + (n - 31) / 10);
    }
}
