package cn.gongkai.document;

/** 公开方式 (主动公开制度 四). */
public enum Channel {
    WEBSITE, GAZETTE, PRESS_CONFERENCE, NEWSPAPER, RADIO_TV, READING_ROOM, BULLETIN_BOARD, ELECTRONIC_SCREEN, OTHER
}
