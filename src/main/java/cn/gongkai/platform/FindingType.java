package cn.gongkai.platform;

/** What {@link PrivacyScanner} found: personal data, or a secrecy marking (保密标志). */
public enum FindingType {

    /** 公民身份号码 (GB 11643-1999), only when its check character and birth date are valid. */
    RESIDENT_ID,

    /** Mainland mobile number (11 digits, 13x–19x), with or without +86 / 86 and 3-4-4 grouping. */
    MOBILE,

    /** Bank card number, 16–19 digits passing the Luhn check. */
    BANK_CARD,

    /** E-mail address. */
    EMAIL,

    /** A secrecy marking (绝密/机密/秘密 as a marking, 内部资料, 注意保密, 不得外传, 内部文件). */
    SECRECY_MARKING
}
