package cn.gongkai.calendar;

/** A calendar import or edit that cannot be accepted; the message is a message-bundle key. */
public class InvalidCalendarImport extends RuntimeException {

    public InvalidCalendarImport(String messageKey) {
        super(messageKey);
    }
}
