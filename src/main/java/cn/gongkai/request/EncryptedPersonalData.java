package cn.gongkai.request;

/** An applicant's ID number and phone as stored: SM4 cipher text plus a keyed hash for lookup. */
record EncryptedPersonalData(String idNumberCipher, String idNumberHash, String phoneCipher, String phoneHash,
        String applicantKey) {
}
