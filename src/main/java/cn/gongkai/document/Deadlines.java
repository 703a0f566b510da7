package cn.gongkai.document;

import java.time.ZoneId;

final class Deadlines {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Deadlines() {
    }
}
