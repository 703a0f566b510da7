package cn.gongkai.readingroom;

/** How the enquiry came. Labels: {@code readingRoom.channel.<NAME>}. */
public enum VisitChannel {
    /** 来访查阅 */
    IN_PERSON,
    /** 电话咨询 */
    TELEPHONE
}
