package cn.gongkai.request;

/** How the request arrived; decides its received date (Regulations Art. 31). */
public enum RequestChannel {
    ONLINE, IN_PERSON, LETTER, FAX, EMAIL, TRANSFERRED;

    /**
     * Art. 31: handed in person, or a (registered) letter or a transfer signed for, is received on that very day, even
     * a rest day (the day is not counted, counting starts on the next working day); online, fax and e-mail on a rest
     * day count from the next working day, when both sides can confirm receipt.
     */
    public boolean receivedOnTheDayItself() {
        return this == IN_PERSON || this == LETTER || this == TRANSFERRED;
    }
}
