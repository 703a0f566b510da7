package cn.gongkai.request;

/** How the request arrived; decides its received date (Regulations Art. 31). */
public enum RequestChannel {
    ONLINE, IN_PERSON, LETTER, FAX, EMAIL, TRANSFERRED
}
