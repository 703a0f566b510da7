package cn.gongkai.coordination;

/** The other agency's written answer (协调 三、四). */
public enum CoordinationAnswer {
    AGREE, AGREE_WITH_WORDING, DISAGREE;

    CoordinationStatus status() {
        return switch (this) {
            case AGREE -> CoordinationStatus.AGREED;
            case AGREE_WITH_WORDING -> CoordinationStatus.AGREED_WITH_WORDING;
            case DISAGREE -> CoordinationStatus.DISPUTED;
        };
    }
}
